import { Box } from '@mui/material';
import { BooleanField, DataTable, List, SelectField, SelectInput, TextField, useCanAccess, useTranslate } from 'react-admin';
import type { ResponseTemplate } from '@vigie/shared';
import { RecordLink } from '../common/RecordLink.tsx';
import { replyStatusChoices } from './responseTemplateChoices.ts';

const filters = [<SelectInput key="status" source="status" choices={replyStatusChoices} alwaysOn />];

const TitleLink = ({ type }: { type: 'show' | 'edit'; label?: string }) => (
  <RecordLink type={type}>
    <TextField source="title" />
  </RecordLink>
);

const BodyField = (_props: { label?: string }) => (
  <Box sx={{ maxWidth: { md: 420, xl: 640 } }}>
    <TextField source="body" sx={{ display: 'block', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} />
  </Box>
);

/** Supervisors open a template to edit it; officers read it. */
export const ResponseTemplateList = () => {
  const translate = useTranslate();
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'response_templates' });
  const target = canEdit ? 'edit' : 'show';
  return (
    <List filters={filters} sort={{ field: 'status', order: 'ASC' }} perPage={50} exporter={false} title={translate('resources.response_templates.name', { smart_count: 2 })}>
      <DataTable<ResponseTemplate> rowClick={target} bulkActionButtons={false}>
        <DataTable.Col source="status">
          <SelectField source="status" choices={replyStatusChoices} />
        </DataTable.Col>
        <DataTable.Col source="title">
          <TitleLink type={target} />
        </DataTable.Col>
        <DataTable.Col source="body" disableSort>
          <BodyField />
        </DataTable.Col>
        <DataTable.Col source="active" disableSort>
          <BooleanField source="active" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
