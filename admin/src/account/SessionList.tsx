import { Box, Button, Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/parisTime.ts';
import { visuallyHidden } from '../common/visuallyHidden.ts';
import { accountApi, type OwnSession } from './accountApi.ts';
import { describeUserAgent } from './userAgent.ts';

/** The signed-in user's open sessions; any but the current one can be ended from here. */
export const SessionList = ({ refreshKey }: { refreshKey: number }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [sessions, setSessions] = useState<OwnSession[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    accountApi.sessions().then(
      (rows) => {
        setSessions(rows);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, []);
  useEffect(load, [load, refreshKey]);

  const end = async (session: OwnSession) => {
    try {
      await accountApi.endSession(session.id);
      notify('vigie.account.session_ended', { type: 'success' });
    } catch {
      notify('vigie.account.session_end_failed', { type: 'error' });
    }
    load();
  };

  return (
    <Card component="section" aria-labelledby="account-sessions-title">
      <CardContent sx={{ overflowX: 'auto' }}>
        <Typography id="account-sessions-title" variant="h6" component="h2" gutterBottom>
          {translate('vigie.account.sessions_title')}
        </Typography>
        {failed && <Typography color="error">{translate('vigie.account.sessions_failed')}</Typography>}
        {sessions && (
          <Table size="small" aria-labelledby="account-sessions-title">
            <TableHead>
              <TableRow>
                <TableCell>{translate('vigie.account.device')}</TableCell>
                <TableCell>{translate('vigie.account.last_seen')}</TableCell>
                <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{translate('vigie.account.signed_in_at')}</TableCell>
                <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{translate('vigie.account.ip')}</TableCell>
                <TableCell>
                  <Box component="span" sx={visuallyHidden}>
                    {translate('vigie.account.actions')}
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {sessions.map((session) => (
                <TableRow key={session.id}>
                  <TableCell>
                    <Tooltip title={session.user_agent ?? ''}>
                      <span>{describeUserAgent(session.user_agent) ?? translate('vigie.account.unknown_device')}</span>
                    </Tooltip>
                    {session.current && <Chip size="small" color="primary" label={translate('vigie.account.this_session')} sx={{ ml: 1 }} />}
                  </TableCell>
                  <TableCell>{formatDateTime(session.last_seen_at, locale)}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{formatDateTime(session.created_at, locale)}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{session.ip ?? '—'}</TableCell>
                  <TableCell align="right">
                    {!session.current && (
                      <Button
                        size="small"
                        color="error"
                        aria-label={translate('vigie.account.end_session_of', { device: describeUserAgent(session.user_agent) ?? translate('vigie.account.unknown_device') })}
                        onClick={() => end(session)}
                      >
                        {translate('vigie.account.end_session')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
