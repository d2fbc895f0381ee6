import { useRef, useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import { useCanAccess, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import type { Report, ReportStatus, Role } from '@vigie/shared';
import { CloseDialog } from './CloseDialog.tsx';
import { ReopenDialog } from './ReopenDialog.tsx';
import { DismissDialog } from './DismissDialog.tsx';
import { needsConfirmation, needsReason, nextStatuses, reopenTargets } from './transitions.ts';
import { useTriageUpdate, type TriageChange } from './useTriageUpdate.ts';

/**
 * The one way to change a report's status (the triage form has no status selector): its current
 * status, one button per allowed next status, "assign to me", and « Rouvrir » for a supervisor on a
 * closed report. Closing asks for confirmation. Pessimistic: the server may refuse a
 * transition another officer made moot (409) and its message is shown as is.
 */
export const ReportStatusActions = () => {
  const record = useRecordContext<Report>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'reports' });
  const { apply: update, isPending } = useTriageUpdate(record);
  const [dismissing, setDismissing] = useState(false);
  const [closing, setClosing] = useState<'resolved' | 'forwarded' | null>(null);
  const [reopening, setReopening] = useState(false);
  const group = useRef<HTMLDivElement>(null);
  if (!record || !canAccess) return null;

  const next = nextStatuses(record.status);
  const reopenTo = reopenTargets(record.status, identity?.role as Role | undefined);
  const apply = (data: TriageChange, message: string, messageArgs: Record<string, unknown> = {}) =>
    update(data, message, messageArgs).then((done) => {
      if (!done) return;
      setDismissing(false);
      setClosing(null);
      setReopening(false);
      // The button just used is gone with the old status (and the dialog hands focus back to it):
      // keyboard and screen-reader users land on the actions again rather than on the page body.
      setTimeout(() => {
        if (!document.activeElement || document.activeElement === document.body) group.current?.focus();
      });
    });
  const changeStatus = (status: ReportStatus, note?: string, reference?: string | null) =>
    apply({ status, ...(note ? { note } : {}), ...(reference ? { reference } : {}) }, 'vigie.report.status_changed', {
      status: translate(`vigie.statuses.${status}`),
    });

  const groupProps = { ref: group, tabIndex: -1, role: 'group', 'aria-label': translate('vigie.report.actions') } as const;
  const current = (
    <Typography variant="body2" sx={{ width: '100%' }}>
      {translate('resources.reports.fields.status')} :{' '}
      <Box component="strong" role="status" aria-label={translate('resources.reports.fields.status')}>
        {translate(`vigie.statuses.${record.status}`)}
      </Box>
    </Typography>
  );
  if (next.length === 0) {
    return (
      <Box {...groupProps} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        {current}
        <Typography variant="body2" color="text.secondary">
          {translate('vigie.report.no_further_status')}
        </Typography>
        {reopenTo.length > 0 && (
          <>
            <Button variant="outlined" disabled={isPending} onClick={() => setReopening(true)}>
              {translate('vigie.report.reopen.button')}
            </Button>
            <ReopenDialog
              key={record.updated_at}
              open={reopening}
              targets={reopenTo}
              pending={isPending}
              onCancel={() => setReopening(false)}
              onConfirm={(status, reason) => changeStatus(status, reason)}
            />
          </>
        )}
      </Box>
    );
  }
  return (
    <Box {...groupProps} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
      {current}
      {next.map((status) => (
        <Button
          key={status}
          variant={status === next[0] ? 'contained' : 'outlined'}
          disabled={isPending}
          onClick={() =>
            needsReason(status)
              ? setDismissing(true)
              : needsConfirmation(status)
                ? setClosing(status as 'resolved' | 'forwarded')
                : changeStatus(status)
          }
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
      <CloseDialog
        key={closing ?? 'none'}
        status={closing}
        pending={isPending}
        onCancel={() => setClosing(null)}
        onConfirm={(reference) => closing && changeStatus(closing, undefined, reference)}
      />
    </Box>
  );
};
