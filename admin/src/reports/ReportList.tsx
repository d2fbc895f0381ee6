import { Box, useMediaQuery, type Theme } from '@mui/material';
import {
  DataTable,
  List,
  ReferenceField,
  SelectField,
  SimpleList,
  TextField,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Report } from '@vigie/shared';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { ExportListActions } from '../common/ExportListActions.tsx';
import { RecordLink } from '../common/RecordLink.tsx';
import { formatDateTime } from '../common/parisTime.ts';
import { useSubscribeToRecordList } from '../live/useSubscribe.ts';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import { AssigneeField } from './AssigneeField.tsx';
import { PriorityField, StatusChip, StatusField } from './ReportChips.tsx';
import { needsEmergencyGate } from './emergency.ts';
import { categoryChoices } from './reportChoices.ts';
import { useReportFilters } from './reportFilters.tsx';

/** Refetches the list when a report is created or updated (see live/useSubscribe.ts). */
const LiveRefresh = () => {
  useSubscribeToRecordList();
  return null;
};

const ReportNumber = (_props: { label?: string }) => {
  const record = useRecordContext<Report>();
  const translate = useTranslate();
  return record ? (
    <RecordLink type="show" label={translate('vigie.report.title', { id: record.id })}>
      {record.id}
    </RecordLink>
  ) : null;
};

const ellipsis = { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
const clamp2 = { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' } as const;

/** Emergencies stand out in every list: a red edge and a word, so colour is not the only cue. */
const emergencyRowSx = (record: Report) =>
  needsEmergencyGate(record) ? { bgcolor: '#fdecea', boxShadow: 'inset 4px 0 0 #b3261e' } : {};

const EmergencyLabel = () => {
  const record = useRecordContext<Report>();
  const translate = useTranslate();
  if (!record || !needsEmergencyGate(record)) return null;
  return (
    <Box component="span" sx={{ display: 'block', color: 'error.dark', fontWeight: 700, fontSize: '0.8125rem' }}>
      {translate('vigie.emergency.short')}
    </Box>
  );
};

/** Category in bold over the start of the description; the text is rendered as text, never as HTML. */
const SummaryField = (_props: { label?: string }) => (
  <Box sx={{ maxWidth: { md: 200, lg: 260, xl: 360 } }}>
    <EmergencyLabel />
    <SelectField source="category" choices={categoryChoices} sx={{ fontWeight: 600, display: 'block' }} />
    <TextField source="description" sx={ellipsis} />
  </Box>
);

/** Address over the neighbourhood, in one narrow column. */
const PlaceField = (_props: { label?: string }) => (
  <Box sx={{ maxWidth: { md: 160, lg: 190, xl: 260 } }}>
    <TextField source="address" emptyText="—" sx={ellipsis} />
    <ReferenceField source="neighbourhood_id" reference="neighbourhoods" link={false}>
      <TextField source="name" sx={{ ...ellipsis, color: 'text.secondary' }} />
    </ReferenceField>
  </Box>
);

/** At 1366 px the assignee column is left out; the show page names the assignee. */
const ReportTable = ({ wide }: { wide: boolean }) => (
  <DataTable<Report> rowClick="show" bulkActionButtons={false} rowSx={emergencyRowSx}>
    <DataTable.Col source="id" field={ReportNumber} />
    <DataTable.Col source="received_at">
      <DateTimeField source="received_at" sx={{ whiteSpace: 'nowrap' }} />
    </DataTable.Col>
    <DataTable.Col source="category">
      <SummaryField />
    </DataTable.Col>
    <DataTable.Col source="status" field={StatusField} />
    <DataTable.Col source="priority" field={PriorityField} />
    <DataTable.Col source="address" label="vigie.report.location" disableSort>
      <PlaceField />
    </DataTable.Col>
    {wide && <DataTable.Col source="assigned_to" field={AssigneeField} disableSort />}
  </DataTable>
);

/** Phones and portrait tablets: one line per report. */
const ReportSimpleList = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <SimpleList<Report>
      rowClick="show"
      rowSx={emergencyRowSx}
      primaryText={(record) =>
        `${needsEmergencyGate(record) ? `${translate('vigie.emergency.short')} · ` : ''}${translate('vigie.report.number', { id: record.id })} · ${translate(`vigie.categories.${record.category}`)}`
      }
      // Two lines at most: a 4,000-character description must not fill a phone's screen.
      secondaryText={(record) => <Box component="span" sx={clamp2}>{record.description}</Box>}
      tertiaryText={(record) => formatDateTime(record.received_at, dateLocaleFor(locale))}
      rightIcon={(record) => <StatusChip status={record.status} />}
    />
  );
};

export const ReportList = () => {
  const filters = useReportFilters();
  const isSmall = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  const isWide = useMediaQuery<Theme>((theme) => theme.breakpoints.up('xl'));
  return (
    <List filters={filters} sort={{ field: 'received_at', order: 'DESC' }} perPage={25} exporter={false} actions={<ExportListActions />}>
      <LiveRefresh />
      {isSmall ? <ReportSimpleList /> : <ReportTable wide={isWide} />}
    </List>
  );
};

