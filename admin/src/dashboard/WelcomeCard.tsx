import { Card, CardContent, Link as MuiLink, Typography } from '@mui/material';
import PhoneIcon from '@mui/icons-material/Phone';
import { useGetIdentity, useTranslate } from 'react-admin';
import { useCommuneConfig } from '../commune/useCommuneConfig.ts';

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

export const WelcomeCard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const config = useCommuneConfig();
  return (
    <Card>
      <CardContent>
        <Typography component="h2" variant="h5" gutterBottom>
          {identity?.fullName ? translate('vigie.dashboard.welcome', { name: identity.fullName }) : translate('ra.page.dashboard')}
        </Typography>
        {config && (
          <>
            <Typography component="p" variant="subtitle1" sx={{ fontWeight: 600 }}>
              {translate('vigie.dashboard.police_desk')}
            </Typography>
            <Typography component="p">{config.police.address}</Typography>
            <Typography component="p" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              <PhoneIcon fontSize="small" aria-hidden />
              <MuiLink href={telHref(config.police.phone)}>
                {translate('vigie.dashboard.phone', { phone: config.police.phone })}
              </MuiLink>
            </Typography>
            <Typography component="p" variant="h6" sx={{ mt: 2, color: 'error.main', fontWeight: 700 }}>
              {translate('vigie.dashboard.emergency', { number: config.emergency_number })}
            </Typography>
            <Typography component="p" variant="body2" color="text.secondary">
              {translate('vigie.dashboard.emergency_hint', { number: config.emergency_number })}
            </Typography>
          </>
        )}
      </CardContent>
    </Card>
  );
};
