import { Box, Chip } from '@mui/material';
import { Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import type { Channel, Member, MemberStatus } from '@vigie/shared';
import type { MemberCheck } from './memberChecks.ts';

// Each pair is ≥ 4.5:1 (WCAG AA); the chip always shows its label, colour is never the only cue.
const STATUS_COLOURS: Record<MemberStatus, { bg: string; fg: string }> = {
  pending_confirmation: { bg: '#eef1f5', fg: '#2b3440' },
  pending_review: { bg: '#ffe0b2', fg: '#5b2a00' },
  approved: { bg: '#d3ecd5', fg: '#1d4d21' },
  rejected: { bg: '#e4e4e4', fg: '#333333' },
  suspended: { bg: '#eadcf2', fg: '#4a1766' },
  banned: { bg: '#b3261e', fg: '#ffffff' },
  erased: { bg: '#f4f4f4', fg: '#4a4a4a' },
};

export const MemberStatusChip = ({ status }: { status: MemberStatus }) => {
  const translate = useTranslate();
  const colours = STATUS_COLOURS[status] ?? STATUS_COLOURS.rejected;
  return <Chip size="small" label={translate(`vigie.members.statuses.${status}`, { _: status })} sx={{ bgcolor: colours.bg, color: colours.fg, fontWeight: 500, justifySelf: 'start', alignSelf: 'flex-start' }} />;
};

export const MemberStatusField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Member>();
  return record ? <MemberStatusChip status={record.status} /> : null;
};

/** The channels a member asked for; one opted out of is struck through and says so. */
export const ChannelsField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Pick<Member, 'channels' | 'sms_opt_out_at' | 'email_opt_out_at'>>();
  const translate = useTranslate();
  if (!record) return null;
  const optedOut = (channel: Channel) => Boolean(channel === 'sms' ? record.sms_opt_out_at : record.email_opt_out_at);
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
      {record.channels.map((channel) => (
        <Chip
          key={channel}
          size="small"
          variant="outlined"
          label={optedOut(channel) ? translate('vigie.members.opted_out', { channel: translate(`vigie.members.channels.${channel}`) }) : translate(`vigie.members.channels.${channel}`)}
          sx={optedOut(channel) ? { textDecoration: 'line-through' } : undefined}
        />
      ))}
    </Box>
  );
};

/** One automatic check of the review queue; a duplicate links to the other record. */
export const CheckChip = ({ check }: { check: MemberCheck }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const args = check.args?.reason ? { ...check.args, why: translate(`vigie.members.checks.duplicate_reasons.${check.args.reason}`) } : (check.args ?? {});
  const label = translate(`vigie.members.checks.${check.key}`, args);
  const sx = check.tone === 'warn' ? { bgcolor: '#ffe0b2', color: '#5b2a00' } : { bgcolor: '#d3ecd5', color: '#1d4d21' };
  if (check.otherId !== undefined) {
    return (
      <Chip
        size="small"
        label={label}
        sx={sx}
        component={Link}
        to={createPath({ resource: 'members', id: check.otherId, type: 'show' })}
        clickable
        onClick={(event: React.MouseEvent) => event.stopPropagation()}
      />
    );
  }
  return <Chip size="small" label={label} sx={sx} />;
};
