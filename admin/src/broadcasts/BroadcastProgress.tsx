import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Broadcast } from './broadcastTypes.ts';
import { progressOf } from './progress.ts';

/** One bar per channel: how much reached an end, with the figures spelled out beside it. */
export const BroadcastProgress = ({ compact = false }: { compact?: boolean; label?: string }) => {
  const record = useRecordContext<Broadcast>();
  const translate = useTranslate();
  if (!record) return null;
  const progress = progressOf(record);
  if (progress.length === 0) {
    return compact ? null : (
      <Typography variant="body2" color="text.secondary">
        {translate('vigie.broadcasts.no_delivery_yet')}
      </Typography>
    );
  }
  return (
    <Box sx={{ display: 'grid', gap: compact ? 0.5 : 1.5, minWidth: compact ? 140 : undefined }}>
      {progress.map((p) => {
        const label = translate(`vigie.channels.${p.channel}`);
        const text = translate('vigie.broadcasts.progress', {
          done: p.done,
          total: p.total,
          delivered: p.delivered,
          failed: p.failed,
          percent: p.percent,
        });
        return (
          <Box key={p.channel}>
            {!compact && (
              <Typography variant="body2" sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
                <strong>{label}</strong>
                <span>{text}</span>
              </Typography>
            )}
            <LinearProgress
              variant="determinate"
              value={p.percent}
              color={p.failed > 0 ? 'warning' : 'primary'}
              aria-label={`${label} : ${text}`}
              sx={{ height: compact ? 6 : 10, borderRadius: 5 }}
            />
          </Box>
        );
      })}
    </Box>
  );
};
