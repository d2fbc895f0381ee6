import { DataTable, List, TextField, useRecordContext, useTranslate } from 'react-admin';
import type { AuditEntry } from '@vigie/shared';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { ExportListActions } from '../common/ExportListActions.tsx';
import { useAuditLogFilters } from './auditLogFilters.tsx';
import { auditSentence } from './auditSentences.ts';
import { AuditStaffField } from './AuditStaffField.tsx';

/** « Compte désactivé : Karim Benali » rather than « Modification · Comptes agents · 9 ». */
const SentenceField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  return record ? <>{auditSentence(translate, record)}</> : null;
};

export const AuditLogList = () => {
  const filters = useAuditLogFilters();
  return (
    <List sort={{ field: 'at', order: 'DESC' }} filters={filters} perPage={50} exporter={false} actions={<ExportListActions />}>
      <DataTable<AuditEntry> rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="at" field={DateTimeField} />
        <DataTable.Col source="staff_id" field={AuditStaffField} disableSort />
        <DataTable.Col source="action" label="vigie.audit.what" field={SentenceField} disableSort />
        <DataTable.Col source="ip" disableSort>
          <TextField source="ip" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
