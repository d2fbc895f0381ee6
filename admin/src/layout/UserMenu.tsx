import { Box, useMediaQuery, type Theme } from '@mui/material';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { Logout, MenuItemLink, UserMenu as RaUserMenu, useGetIdentity, useTranslate, useUserMenu } from 'react-admin';

/**
 * react-admin's user menu shows the user's name but labels the button "Profil" only; the label
 * must contain the visible text (WCAG 2.5.3), so it names both.
 */
export const UserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  // Below `sm` react-admin shows an icon alone and translates `label` as a key, falling back to
  // the English "Profile": hand it the key itself there.
  const iconOnly = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const label =
    identity?.fullName && !iconOnly
      ? translate('vigie.app.user_menu', { name: identity.fullName })
      : 'ra.auth.user_menu';
  // The name stays on one line; the app bar's title gives way (ellipsis) in a narrow window.
  return (
    <Box sx={{ '& .RaUserMenu-userButton': { whiteSpace: 'nowrap' } }}>
      <RaUserMenu label={label}>
        <AccountMenuItem />
        <Logout />
      </RaUserMenu>
    </Box>
  );
};

/** « Mon compte »: one's own password and sessions, for every role. */
const AccountMenuItem = () => {
  const userMenu = useUserMenu();
  return <MenuItemLink to="/account" primaryText="vigie.account.title" leftIcon={<ManageAccountsIcon />} onClick={() => userMenu?.onClose()} />;
};
