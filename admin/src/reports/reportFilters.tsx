import { Chip } from '@mui/material';
import {
  ReferenceInput,
  SearchInput,
  SelectInput,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import { ParisDateInput } from '../common/ParisDateInput.tsx';
import { categoryChoices, priorityChoices, sourceChoices, statusChoices } from './reportChoices.ts';

/** A filter with a fixed value, shown as a chip once added from the filter menu (react-admin's recipe). */
const QuickFilter = ({ label }: { source: string; label: string; defaultValue: unknown }) => {
  const translate = useTranslate();
  return <Chip sx={{ mb: 1 }} label={translate(label)} />;
};

/** Filters for the reports list; "my reports" needs the signed-in officer's id. */
export function useReportFilters() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn inputProps={{ 'aria-label': translate('ra.action.search') }} />,
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
    <SelectInput key="category" source="category" choices={categoryChoices} />,
    <SelectInput key="priority" source="priority" choices={priorityChoices} />,
    <SelectInput key="source" source="source" choices={sourceChoices} />,
    <ReferenceInput key="neighbourhood_id" source="neighbourhood_id" reference="neighbourhoods" perPage={100} sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" label="resources.reports.fields.neighbourhood_id" />
    </ReferenceInput>,
    <ParisDateInput key="received_at_gte" source="received_at_gte" edge="start" />,
    <ParisDateInput key="received_at_lte" source="received_at_lte" edge="end" />,
  ];
  if (identity) {
    filters.push(
      <QuickFilter key="assigned_to" source="assigned_to" label="vigie.report.mine" defaultValue={identity.id} />,
    );
  }
  return filters;
}
