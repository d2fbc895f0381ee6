import { AutocompleteInput, ReferenceInput, SelectInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { choicesOf } from '../common/choices.ts';
import { ParisDateInput } from '../common/ParisDateInput.tsx';
import { AUDIT_EVENT_RESOURCES, eventChoices } from './auditSentences.ts';

const resourceChoices = choicesOf(AUDIT_EVENT_RESOURCES, 'vigie.audit.resources');

/** Only the events that can happen, and once « Concerne » is chosen, only that resource's. */
const EventInput = (props: { source: string; alwaysOn?: boolean }) => {
  const resource = useWatch({ name: 'resource' }) as string | undefined;
  return <SelectInput {...props} label="vigie.audit.event_filter" choices={eventChoices(typeof resource === 'string' ? resource : undefined)} />;
};

/**
 * The author is picked by name for supervisors too: `/api/audit_log/authors` lists names to
 * whoever reads the log, without opening the staff accounts to them.
 */
export function useAuditLogFilters() {
  return [
    <ReferenceInput key="staff_id" source="staff_id" reference="audit_log/authors" alwaysOn>
      <AutocompleteInput optionText="full_name" label="vigie.audit.staff_id_filter" filterToQuery={(q) => ({ q })} />
    </ReferenceInput>,
    <SelectInput key="resource" source="resource" label="vigie.audit.resource_filter" choices={resourceChoices} alwaysOn />,
    <EventInput key="event" source="event" alwaysOn />,
    <ParisDateInput key="at_gte" source="at_gte" edge="start" />,
    <ParisDateInput key="at_lte" source="at_lte" edge="end" />,
  ];
}
