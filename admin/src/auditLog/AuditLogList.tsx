import { DataTable, List, SelectField, TextField, useRecordContext, useTranslate } from 'react-admin';
import type { AuditEntry } from '@vigie/shared';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { ExportListActions } from '../common/ExportListActions.tsx';
import { actionChoices } from './auditChoices.ts';
import { useAuditLogFilters } from './auditLogFilters.tsx';
import { AuditStaffField } from './AuditStaffField.tsx';

/** Resource labels fall back to the raw name, so an entry about a newer resource still shows. */
const ResourceField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  return record ? <>{translate(`vigie.audit.resources.${record.resource}`, { _: record.resource })}</> : null;
};

export const AuditLogList = () => {
  const filters = useAuditLogFilters();
  return (
    <List sort={{ field: 'at', order: 'DESC' }} filters={filters} perPage={50} exporter={false} actions={<ExportListActions />}>
      <DataTable<AuditEntry> rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="at" field={DateTimeField} />
        <DataTable.Col source="staff_id" field={AuditStaffField} disableSort />
        <DataTable.Col source="action" disableSort>
          <SelectField source="action" choices={actionChoices} />
        </DataTable.Col>
        <DataTable.Col source="resource" field={ResourceField} disableSort />
        <DataTable.Col source="record_id" disableSort>
          <TextField source="record_id" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="ip" disableSort>
          <TextField source="ip" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
