import { Box, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, List, SelectField, SelectInput, SimpleList, TextField, useCanAccess, useTranslate } from 'react-admin';
import { YesNoField } from '../common/YesNoField.tsx';
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
    {/* Words break between syllables (hyphens) or not at all; only an unbroken URL may be cut. */}
    <TextField source="body" sx={{ display: 'block', whiteSpace: 'pre-wrap', overflowWrap: 'break-word', hyphens: 'auto' }} />
  </Box>
);

/** Supervisors open a template to edit it; officers read it. */
export const ResponseTemplateList = () => {
  const translate = useTranslate();
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'response_templates' });
  const target = canEdit ? 'edit' : 'show';
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <List filters={filters} sort={{ field: 'status', order: 'ASC' }} perPage={50} exporter={false} title={translate('resources.response_templates.name', { smart_count: 2 })}>
      {phone ? (
        // A phone has no room for four columns: the title, its status, then the text in full.
        <SimpleList<ResponseTemplate>
          rowClick={target}
          primaryText={(record) => `${record.title}${record.active ? '' : ` (${translate('vigie.templates.inactive')})`}`}
          secondaryText={(record) => translate(`vigie.statuses.${record.status}`)}
          tertiaryText={(record) => <Box component="span" sx={{ display: 'block', whiteSpace: 'pre-wrap', hyphens: 'auto', overflowWrap: 'break-word' }}>{record.body}</Box>}
        />
      ) : (
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
            <YesNoField source="active" />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
