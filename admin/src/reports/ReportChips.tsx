import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Report, ReportPriority, ReportStatus } from '@vigie/shared';

interface Colours {
  bg: string;
  fg: string;
}

// Each pair is ≥ 4.5:1 (WCAG AA); the chip always shows its label, colour is never the only cue.
const STATUS_COLOURS: Record<ReportStatus, Colours> = {
  new: { bg: '#b3261e', fg: '#ffffff' },
  acknowledged: { bg: '#ffe0b2', fg: '#5b2a00' },
  in_progress: { bg: '#cfe3fa', fg: '#0b3a66' },
  resolved: { bg: '#d3ecd5', fg: '#1d4d21' },
  dismissed: { bg: '#e4e4e4', fg: '#333333' },
  forwarded: { bg: '#eadcf2', fg: '#4a1766' },
};

const PRIORITY_COLOURS: Record<ReportPriority, Colours> = {
  urgent: { bg: '#b3261e', fg: '#ffffff' },
  high: { bg: '#ffe0b2', fg: '#5b2a00' },
  normal: { bg: '#eef1f5', fg: '#2b3440' },
  low: { bg: '#f4f4f4', fg: '#4a4a4a' },
};

export const StatusChip = ({ status }: { status: ReportStatus }) => {
  const translate = useTranslate();
  const colours = STATUS_COLOURS[status] ?? STATUS_COLOURS.dismissed;
  return (
    <Chip
      size="small"
      label={translate(`vigie.statuses.${status}`, { _: status })}
      sx={{ bgcolor: colours.bg, color: colours.fg, fontWeight: 500, alignSelf: 'flex-start' }}
    />
  );
};

export const PriorityChip = ({ priority }: { priority: ReportPriority }) => {
  const translate = useTranslate();
  const colours = PRIORITY_COLOURS[priority] ?? PRIORITY_COLOURS.normal;
  return (
    <Chip
      size="small"
      label={translate(`vigie.priorities.${priority}`, { _: priority })}
      sx={{ bgcolor: colours.bg, color: colours.fg, alignSelf: 'flex-start' }}
    />
  );
};

/** Field versions, for DataTable columns and show layouts (`source` only feeds the label). */
export const StatusField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Report>();
  return record ? <StatusChip status={record.status} /> : null;
};

export const PriorityField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Report>();
  return record ? <PriorityChip priority={record.priority} /> : null;
};
