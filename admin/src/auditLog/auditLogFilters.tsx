import { AutocompleteInput, NumberInput, ReferenceInput, SelectInput, useCanAccess } from 'react-admin';
import { ParisDateInput } from '../common/ParisDateInput.tsx';
import { actionChoices, resourceChoices } from './auditChoices.ts';

/** Supervisors cannot list staff accounts: they filter by staff number instead of by name. */
export function useAuditLogFilters() {
  const { canAccess: canListStaff } = useCanAccess({ action: 'list', resource: 'staff' });
  return [
    canListStaff ? (
      <ReferenceInput key="staff_id" source="staff_id" reference="staff" alwaysOn>
        <AutocompleteInput optionText="full_name" label="resources.audit_log.fields.staff_id" />
      </ReferenceInput>
    ) : (
      <NumberInput key="staff_id" source="staff_id" label="vigie.audit.staff_id_filter" alwaysOn />
    ),
    <SelectInput key="action" source="action" choices={actionChoices} alwaysOn />,
    <SelectInput key="resource" source="resource" choices={resourceChoices} />,
    <ParisDateInput key="at_gte" source="at_gte" edge="start" />,
    <ParisDateInput key="at_lte" source="at_lte" edge="end" />,
  ];
}
