import { ReferenceField, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import type { AuditEntry } from '@vigie/shared';

type NamedEntry = AuditEntry & { staff_name?: string | null };

/**
 * Admins may read staff accounts, so they get the name with a link; supervisors may not, so they
 * get the server's `staff_name` when it sends one, or the staff number.
 */
export const AuditStaffField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<NamedEntry>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'list', resource: 'staff' });
  if (!record) return null;
  if (record.staff_id == null) return <>{translate('vigie.audit.system')}</>;
  if (record.staff_name) return <>{record.staff_name}</>;
  if (canAccess) return <ReferenceField source="staff_id" reference="staff" link="edit" />;
  return <>{translate('vigie.audit.staff_number', { id: record.staff_id })}</>;
};
