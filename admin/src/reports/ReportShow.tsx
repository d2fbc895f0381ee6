import type { ReactNode } from 'react';
import { Box, Card, CardContent, Typography } from '@mui/material';
import {
  Labeled,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  TextField,
  useRecordContext,
  useShowContext,
  useTranslate,
} from 'react-admin';
import type { Report, ReportReporter } from '@vigie/shared';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { PhoneField } from '../common/PhoneField.tsx';
import { YesNoField } from '../common/YesNoField.tsx';
import { useLockOnMount } from '../live/useLock.ts';
import { useSubscribeToRecord } from '../live/useSubscribe.ts';
import { AssigneeField } from './AssigneeField.tsx';
import { DuplicatesPanel } from './DuplicatesPanel.tsx';
import { EmergencyBanner } from './EmergencyBanner.tsx';
import { PresenceNotice } from './PresenceNotice.tsx';
import { PriorityField, StatusField } from './ReportChips.tsx';
import { ReportStatusActions } from './ReportStatusActions.tsx';
import { ReportShowActions } from '../print/ReportShowActions.tsx';
import { ReportTimeline } from './ReportTimeline.tsx';
import { TriageForm } from './TriageForm.tsx';
import { categoryChoices, sourceChoices } from './reportChoices.ts';
import { BroadcastFromReportButton } from '../broadcasts/BroadcastFromReportButton.tsx';

type ReportDetails = Report & ReportReporter;

export const ReportTitle = () => {
  const record = useRecordContext<Report>();
  const translate = useTranslate();
  return <>{record ? translate('vigie.report.title', { id: record.id }) : ''}</>;
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="section">
      <CardContent>
        <Typography component="h2" variant="h6" gutterBottom>
          {translate(title)}
        </Typography>
        <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))' } }}>
          {children}
        </Box>
      </CardContent>
    </Card>
  );
};

/** Whole-width cell in a Section grid. */
const Wide = ({ children }: { children: ReactNode }) => <Box sx={{ gridColumn: '1 / -1' }}>{children}</Box>;

/**
 * Refetches the report when someone else changes it. Our own changes arrive too, with the
 * `updated_at` we already show: skip those, since every read of the reporter is audited.
 */
const useLiveReport = () => {
  const { record, refetch } = useShowContext<ReportDetails>();
  useSubscribeToRecord((event) => {
    const live = event.payload.record as Report | undefined;
    if (live && record && live.updated_at === record.updated_at) return;
    void refetch();
  }, 'reports');
};

const ReportDetailsView = () => {
  useLiveReport();
  const record = useRecordContext<Report>();
  // "Who is on it": others see this officer has the report open, until the page closes.
  useLockOnMount('reports', record?.id);
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' }, p: 2 }}>
      <Box sx={{ gridColumn: '1 / -1', display: 'grid', gap: 1 }}>
        <EmergencyBanner />
        <PresenceNotice reportId={record?.id} />
      </Box>
      <Box sx={{ display: 'grid', gap: 2, alignContent: 'start' }}>
        <Section title="vigie.report.details">
          <Labeled source="category"><SelectField source="category" choices={categoryChoices} /></Labeled>
          <Labeled source="received_at"><DateTimeField source="received_at" /></Labeled>
          <Labeled source="status"><StatusField /></Labeled>
          <Labeled source="priority"><PriorityField /></Labeled>
          <Wide>
            <Labeled source="description">
              <TextField source="description" component="p" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} />
            </Labeled>
          </Wide>
          <Labeled source="occurred_at"><DateTimeField source="occurred_at" emptyText="—" /></Labeled>
          <Labeled source="source"><SelectField source="source" choices={sourceChoices} /></Labeled>
          <Labeled source="assigned_to"><AssigneeField /></Labeled>
          <Labeled source="updated_at"><DateTimeField source="updated_at" /></Labeled>
        </Section>
        <Section title="vigie.report.actions">
          <Wide><ReportStatusActions /></Wide>
          <Wide><TriageForm /></Wide>
          <Wide><BroadcastFromReportButton /></Wide>
        </Section>
        <Section title="vigie.duplicates.section">
          <Wide><DuplicatesPanel titled /></Wide>
        </Section>
        <Section title="vigie.report.location">
          <Labeled source="address"><TextField source="address" emptyText="—" /></Labeled>
          <Labeled source="neighbourhood_id">
            <ReferenceField source="neighbourhood_id" reference="neighbourhoods" link={false} emptyText="—" />
          </Labeled>
          <Labeled source="out_of_area"><YesNoField source="out_of_area" /></Labeled>
        </Section>
        <Section title="vigie.report.reporter">
          <Labeled source="reporter_name"><TextField source="reporter_name" emptyText="—" /></Labeled>
          <Labeled source="reporter_phone"><PhoneField source="reporter_phone" /></Labeled>
        </Section>
      </Box>
      <Card variant="outlined" component="section" sx={{ alignSelf: 'start' }}>
        <CardContent>
          <TimelineHeading />
          <ReferenceManyField<ReportDetails>
            reference="report_events"
            target="report_id"
            sort={{ field: 'at', order: 'ASC' }}
            perPage={100}
          >
            <ReportTimeline />
          </ReferenceManyField>
        </CardContent>
      </Card>
    </Box>
  );
};

const TimelineHeading = () => {
  const translate = useTranslate();
  return (
    <Typography component="h2" variant="h6" gutterBottom>
      {translate('vigie.report.timeline')}
    </Typography>
  );
};

export const ReportShow = () => (
  <Show title={<ReportTitle />} actions={<ReportShowActions />}>
    <ReportDetailsView />
  </Show>
);
