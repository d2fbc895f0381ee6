import { Typography } from '@mui/material';
import { useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import type { Report } from '@vigie/shared';

/**
 * Officers may not read the staff list, so the server names the assignee (`assigned_to_name`);
 * "You" for the signed-in officer, the officer's number only if the name is missing.
 */
export const AssigneeField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Report>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!record) return null;
  const text =
    record.assigned_to == null
      ? translate('vigie.report.unassigned')
      : identity?.id === record.assigned_to
        ? translate('vigie.report.assignee_you')
        : (record.assigned_to_name ?? translate('vigie.report.assignee_other', { id: record.assigned_to }));
  return (
    <Typography component="span" variant="body2" color={record.assigned_to == null ? 'text.secondary' : undefined}>
      {text}
    </Typography>
  );
};
