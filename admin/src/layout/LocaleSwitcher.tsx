import { useState } from 'react';
import { IconButton, Menu, MenuItem, useMediaQuery, type Theme } from '@mui/material';
import LanguageIcon from '@mui/icons-material/Translate';
import { LocalesMenuButton, useLocaleState, useLocales, useTranslate } from 'react-admin';

/**
 * react-admin's language button, or on phones an icon alone: with the language's name written out
 * the app bar no longer fits, and the user menu (sign-out) is pushed off the screen.
 */
export const LocaleSwitcher = () => {
  const translate = useTranslate();
  const languages = useLocales();
  const [locale, setLocale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const compact = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  if (!compact) return <LocalesMenuButton />;
  const current = languages.find((language) => language.locale === locale)?.name ?? locale;
  return (
    <>
      <IconButton
        color="inherit"
        aria-haspopup="true"
        aria-label={translate('vigie.app.language', { language: current })}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <LanguageIcon />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {languages.map((language) => (
          <MenuItem
            key={language.locale}
            selected={language.locale === locale}
            onClick={() => {
              setLocale(language.locale);
              setAnchor(null);
            }}
          >
            {language.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
