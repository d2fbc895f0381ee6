import { DataTable, List, SelectField, SelectInput, TextField, useCanAccess, useTranslate } from 'react-admin';
import { broadcastCategoryChoices } from '../broadcasts/broadcastChoices.ts';

const filters = [<SelectInput key="category" source="category" choices={broadcastCategoryChoices} alwaysOn />];

/** Supervisors open a template to edit it; officers read it. */
export const BroadcastTemplateList = () => {
  const translate = useTranslate();
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'broadcast_templates' });
  return (
    <List filters={filters} sort={{ field: 'title', order: 'ASC' }} perPage={50} exporter={false} title={translate('resources.broadcast_templates.name', { smart_count: 2 })}>
      <DataTable rowClick={canEdit ? 'edit' : 'show'} bulkActionButtons={false}>
        <DataTable.Col source="category">
          <SelectField source="category" choices={broadcastCategoryChoices} />
        </DataTable.Col>
        <DataTable.Col source="title">
          <TextField source="title" sx={{ overflowWrap: 'normal', wordBreak: 'normal', hyphens: 'auto' }} />
        </DataTable.Col>
        <DataTable.Col source="sms_text" disableSort>
          <TextField source="sms_text" sx={{ display: 'block', maxWidth: 480, whiteSpace: 'pre-wrap', hyphens: 'auto' }} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
