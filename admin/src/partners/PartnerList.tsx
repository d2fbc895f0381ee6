import { Chip } from '@mui/material';
import {
  DataTable,
  List,
  NullableBooleanInput,
  SearchInput,
  TextField,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatDateTime } from '../common/parisTime.ts';
import { RecordLink } from '../common/RecordLink.tsx';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import type { Partner } from './partnerSecret.ts';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

const StateField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Partner>();
  const translate = useTranslate();
  if (!record) return null;
  return record.disabled ? (
    <Chip size="small" label={translate('vigie.partners.disabled')} sx={{ bgcolor: '#e4e4e4', color: '#333333' }} />
  ) : (
    <Chip size="small" label={translate('vigie.partners.active')} sx={{ bgcolor: '#d3ecd5', color: '#1d4d21' }} />
  );
};

const WebhookField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Partner>();
  const translate = useTranslate();
  if (!record) return null;
  return <>{translate(record.webhook_url ? 'vigie.partners.webhook_yes' : 'vigie.partners.webhook_no')}</>;
};

/** Only while a rotation's overlap runs (the server sends null once it has ended). */
const OverlapField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Partner>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record?.previous_secret_expires_at) return null;
  return <>{translate('vigie.partners.overlap_until', { date: formatDateTime(record.previous_secret_expires_at, dateLocaleFor(locale)) })}</>;
};

const SearchFilter = (_props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SearchInput source="q" inputProps={{ 'aria-label': translate('ra.action.search') }} />;
};

const filters = [
  <SearchFilter key="q" source="q" alwaysOn />,
  <NullableBooleanInput
    key="disabled"
    source="disabled"
    alwaysOn
    label="vigie.partners.state"
    nullLabel="vigie.partners.all"
    trueLabel="vigie.partners.only_disabled"
    falseLabel="vigie.partners.only_active"
  />,
];

export const PartnerList = () => (
  <List sort={{ field: 'name', order: 'ASC' }} filters={filters} exporter={false}>
    <DataTable<Partner> rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="id">
        <RecordLink type="edit">
          <TextField source="id" sx={{ ...mono, whiteSpace: 'nowrap' }} />
        </RecordLink>
      </DataTable.Col>
      <DataTable.Col source="name" />
      <DataTable.NumberCol source="rate_per_minute" />
      <DataTable.Col source="webhook_url" field={WebhookField} disableSort />
      <DataTable.Col source="disabled" label="vigie.partners.state" field={StateField} />
      <DataTable.Col source="previous_secret_expires_at" label="vigie.partners.secret_column" field={OverlapField} disableSort />
    </DataTable>
  </List>
);
