import { useRef, useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import { useCanAccess, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import type { Report, ReportStatus } from '@vigie/shared';
import { DismissDialog } from './DismissDialog.tsx';
import { needsReason, nextStatuses } from './transitions.ts';
import { useTriageUpdate, type TriageChange } from './useTriageUpdate.ts';

/**
 * One button per allowed next status, plus "assign to me". Pessimistic: the server may refuse a
 * transition another officer made moot (409) and its message is shown as is.
 */
export const ReportStatusActions = () => {
  const record = useRecordContext<Report>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'reports' });
  const { apply: update, isPending } = useTriageUpdate(record);
  const [dismissing, setDismissing] = useState(false);
  const group = useRef<HTMLDivElement>(null);
  if (!record || !canAccess) return null;

  const next = nextStatuses(record.status);
  const apply = (data: TriageChange, message: string, messageArgs: Record<string, unknown> = {}) =>
    update(data, message, messageArgs).then((done) => {
      if (!done) return;
      setDismissing(false);
      // The button just used is gone with the old status (and the dialog hands focus back to it):
      // keyboard and screen-reader users land on the actions again rather than on the page body.
      setTimeout(() => {
        if (!document.activeElement || document.activeElement === document.body) group.current?.focus();
      });
    });
  const changeStatus = (status: ReportStatus, note?: string) =>
    apply(note ? { status, note } : { status }, 'vigie.report.status_changed', {
      status: translate(`vigie.statuses.${status}`),
    });

  const groupProps = { ref: group, tabIndex: -1, role: 'group', 'aria-label': translate('vigie.report.actions') } as const;
  if (next.length === 0) {
    return (
      <Box {...groupProps}>
        <Typography variant="body2" color="text.secondary">
          {translate('vigie.report.no_further_status')}
        </Typography>
      </Box>
    );
  }
  return (
    <Box {...groupProps} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
      {next.map((status) => (
        <Button
          key={status}
          variant={status === next[0] ? 'contained' : 'outlined'}
          disabled={isPending}
          onClick={() => (needsReason(status) ? setDismissing(true) : changeStatus(status))}
        >
          {translate(`vigie.report.transitions.${status}`)}
        </Button>
      ))}
      {identity && record.assigned_to !== identity.id && (
        <Button
          variant="text"
          disabled={isPending}
          onClick={() => apply({ assigned_to: Number(identity.id) }, 'vigie.report.assigned')}
        >
          {translate('vigie.report.assign_to_me')}
        </Button>
      )}
      <DismissDialog
        open={dismissing}
        pending={isPending}
        onCancel={() => setDismissing(false)}
        onConfirm={(reason) => changeStatus('dismissed', reason)}
      />
    </Box>
  );
};
