import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useSectors } from '../map/useSectors.ts';
import type { Broadcast } from './broadcastTypes.ts';
import { zoneSummary } from './zones.ts';

/** « Toute la commune », the sectors by name, or how many zones were drawn. */
export const TargetSummary = (_props: { label?: string }) => {
  const record = useRecordContext<Broadcast>();
  const translate = useTranslate();
  const sectors = useSectors();
  if (!record?.target) return null;
  const target = record.target;
  let text: string;
  if (record.follows_id) text = translate('vigie.broadcasts.follow_up_target', { id: record.follows_id });
  else if ('commune' in target) text = translate('vigie.broadcasts.target_commune');
  else if ('neighbourhood_ids' in target)
    text = target.neighbourhood_ids.map((id) => sectors.find((s) => s.id === id)?.name ?? `n° ${id}`).join(', ');
  else text = translate('vigie.broadcasts.zone_summary', zoneSummary(target.zones));
  return <Typography variant="body2">{text}</Typography>;
};
