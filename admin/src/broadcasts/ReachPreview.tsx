import { useEffect, useState } from 'react';
import { Alert, Box, Card, CardContent, LinearProgress, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useDataProvider, useLocale, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { LiveDataProvider } from '../providers/dataProvider.ts';
import type { BroadcastTarget, ReachPreview as Reach } from './broadcastTypes.ts';

const DEBOUNCE_MS = 350;

const isComplete = (target: BroadcastTarget | undefined) =>
  Boolean(target) &&
  (('commune' in target! && target.commune) ||
    ('neighbourhood_ids' in target! && target.neighbourhood_ids.length > 0) ||
    ('zones' in target! && target.zones.features.length > 0));

/**
 * Who the broadcast reaches, recomputed by the server while the officer draws (no side effect):
 * people by channel after de-duplication, those who cannot be reached, SMS segments and cost.
 */
export const ReachPreview = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const dataProvider = useDataProvider<LiveDataProvider>();
  const target = useWatch({ name: 'target' }) as BroadcastTarget | undefined;
  const channels = (useWatch({ name: 'channels' }) as string[] | undefined) ?? [];
  const smsText = (useWatch({ name: 'sms_text' }) as string | undefined) ?? '';
  const [reach, setReach] = useState<Reach | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify({ target, channels, smsText });

  useEffect(() => {
    if (!isComplete(target) || channels.length === 0) {
      setReach(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      dataProvider
        .previewBroadcast({ target: target!, channels, sms_text: channels.includes('sms') ? smsText : undefined }, controller.signal)
        .then(
          (answer) => {
            setReach(answer);
            setFailed(false);
          },
          () => !controller.signal.aborted && setFailed(true),
        )
        .finally(() => !controller.signal.aborted && setLoading(false));
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `key` stands for the three watched values (objects change identity on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, dataProvider]);

  const euros = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { style: 'currency', currency: 'EUR' });
  const rows: Array<[string, string | number]> = reach
    ? [
        ['vigie.broadcasts.reach.members', reach.members],
        ['vigie.broadcasts.reach.relatives', reach.relatives],
        ['vigie.broadcasts.reach.sms', reach.sms],
        ['vigie.broadcasts.reach.email', reach.email],
        ['vigie.broadcasts.reach.unreachable', reach.unreachable],
        ['vigie.broadcasts.reach.sms_segments', reach.sms_segments],
        ['vigie.broadcasts.reach.estimated_cost', euros.format(reach.estimated_cost)],
      ]
    : [];
  return (
    <Card component="section" variant="outlined" sx={{ mb: 2 }} aria-labelledby="broadcast-reach-title" aria-live="polite" aria-busy={loading}>
      <CardContent>
        <Typography id="broadcast-reach-title" variant="subtitle1" component="h2" gutterBottom>
          {translate('vigie.broadcasts.reach.title')}
        </Typography>
        {loading && <LinearProgress aria-label={translate('vigie.broadcasts.reach.loading')} sx={{ mb: 1 }} />}
        {failed && <Alert severity="error">{translate('vigie.broadcasts.reach.failed')}</Alert>}
        {!reach && !failed && (
          <Typography variant="body2" color="text.secondary">
            {translate('vigie.broadcasts.reach.empty')}
          </Typography>
        )}
        {reach && (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <TableBody>
                {rows.map(([label, value]) => (
                  <TableRow key={label}>
                    <TableCell component="th" scope="row">
                      {translate(label)}
                    </TableCell>
                    <TableCell align="right">{value}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
