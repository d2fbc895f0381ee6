import { Box, Typography } from '@mui/material';
import { AppBar as RaAppBar, LoadingIndicator, TitlePortal, useTranslate } from 'react-admin';
import { AlertSoundToggle } from '../alerts/AlertSoundToggle.tsx';
import { NotificationPermissionButton } from '../alerts/NotificationPermissionButton.tsx';
import { useCommuneConfig } from '../commune/useCommuneConfig.ts';
import { LiveIndicator } from './LiveIndicator.tsx';
import { LocaleSwitcher } from './LocaleSwitcher.tsx';
import { UserMenu } from './UserMenu.tsx';

const Toolbar = () => (
  <>
    <LiveIndicator />
    <AlertSoundToggle />
    <NotificationPermissionButton />
    <LocaleSwitcher />
    {/* On phones the live indicator says whether data is fresh; the reload button makes room. */}
    <Box sx={{ display: { xs: 'none', sm: 'flex' } }}>
      <LoadingIndicator />
    </Box>
  </>
);

export const AppBar = () => {
  const translate = useTranslate();
  const config = useCommuneConfig();
  return (
    <RaAppBar color="primary" toolbar={<Toolbar />} userMenu={<UserMenu />}>
      {/* On a phone the page's own title (« Signalement n° 12 ») matters more than the app's name. */}
      <Typography
        component="p"
        variant="h6"
        sx={{ display: { xs: 'none', md: 'block' }, fontWeight: 600, whiteSpace: 'nowrap', mr: 2, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', flexShrink: 0 }}
      >
        {config ? translate('vigie.app.title', { commune: config.name }) : translate('vigie.app.name')}
      </Typography>
      <Box sx={{ display: 'flex', flex: 1, minWidth: 0, overflow: 'hidden' }}>
        <TitlePortal
          component="h1"
          variant="body1"
          sx={{ fontWeight: { xs: 600, md: 500 }, m: 0, minWidth: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', '& *': { whiteSpace: 'nowrap' } }}
        />
      </Box>
    </RaAppBar>
  );
};
