import { Box, Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';
import { SessionList } from './SessionList.tsx';

/** « Mon compte »: every role changes its own password and sees, and ends, its own sessions. */
export const AccountPage = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  // A password change ends the other sessions: the list reloads to show it.
  const [changes, setChanges] = useState(0);
  return (
    <Box sx={{ display: 'grid', gap: 2, mt: 2, maxWidth: 900 }}>
      <Title title="vigie.account.title" />
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2">
            {identity?.fullName ?? ''}
          </Typography>
          {identity?.role && (
            <Typography variant="body2" color="text.secondary">
              {translate(`vigie.roles.${identity.role as string}`)}
            </Typography>
          )}
        </CardContent>
      </Card>
      <PasswordChangeForm onChanged={() => setChanges((n) => n + 1)} />
      <SessionList refreshKey={changes} />
    </Box>
  );
};
