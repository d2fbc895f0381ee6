import { ReferenceInput, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { ParisDateInput } from '../common/ParisDateInput.tsx';
import { channelChoices, memberKindChoices, memberSourceChoices, memberStatusChoices } from './memberChoices.ts';

/** The members list's filters, with the names the API (and the CSV export) take. */
export function useMemberFilters() {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn inputProps={{ 'aria-label': translate('vigie.members.search') }} />,
    <SelectInput key="status" source="status" choices={memberStatusChoices} alwaysOn />,
    <ReferenceInput key="neighbourhood_id" source="neighbourhood_id" reference="neighbourhoods" perPage={200} sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" label="resources.members.fields.neighbourhood_id" />
    </ReferenceInput>,
    <SelectInput key="channel" source="channel" choices={channelChoices} label="resources.members.fields.channels" />,
    <SelectInput key="kind" source="kind" choices={memberKindChoices} />,
    <SelectInput key="source" source="source" choices={memberSourceChoices} />,
    <ParisDateInput key="created_at_gte" source="created_at_gte" edge="start" />,
    <ParisDateInput key="created_at_lte" source="created_at_lte" edge="end" />,
  ];
}
