import type { ReactNode } from 'react';
import { Box, Card, CardContent, Typography } from '@mui/material';
import {
  Labeled,
  ReferenceManyField,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Member } from '@vigie/shared';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { PhoneField } from '../common/PhoneField.tsx';
import { YesNoField } from '../common/YesNoField.tsx';
import { ExportJsonButton } from './ExportJsonButton.tsx';
import { MemberActions } from './MemberActions.tsx';
import { MemberCheckChips } from './MemberCheckChips.tsx';
import { ChannelsField, MemberStatusField } from './MemberChips.tsx';
import { decisionReasonChoices, memberKindChoices, memberSourceChoices } from './memberChoices.ts';
import { SectorField } from './MemberList.tsx';
import { MemberMessages } from './MemberMessages.tsx';
import { MemberTimeline } from './MemberTimeline.tsx';
import { RelativesPanel } from './RelativesPanel.tsx';

type MemberDetails = Member & {
  registrant_name?: string | null;
  registrant_relation?: string | null;
  registrant_email?: string | null;
  registrant_phone?: string | null;
  consent_version?: string | null;
  consent_at?: string | null;
  decision_reason?: string | null;
};

export const MemberTitle = () => {
  const record = useRecordContext<Member>();
  const translate = useTranslate();
  if (!record) return null;
  return <>{record.full_name ?? translate('vigie.members.number', { id: record.id })}</>;
};

const Section = ({ title, children, grid = true }: { title: string; children: ReactNode; grid?: boolean }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="section">
      <CardContent>
        <Typography component="h2" variant="h6" gutterBottom>
          {translate(title)}
        </Typography>
        {grid ? <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))' } }}>{children}</Box> : children}
      </CardContent>
    </Card>
  );
};

const Registrant = () => {
  const record = useRecordContext<MemberDetails>();
  if (!record?.registrant_name) return null;
  return (
    <Section title="vigie.members.show.registrant">
      <Labeled source="registrant_name"><TextField source="registrant_name" /></Labeled>
      <Labeled source="registrant_relation"><TextField source="registrant_relation" /></Labeled>
      <Labeled source="registrant_email"><TextField source="registrant_email" emptyText="—" /></Labeled>
      <Labeled source="registrant_phone"><PhoneField source="registrant_phone" /></Labeled>
    </Section>
  );
};

const MemberDetailsView = () => {
  const record = useRecordContext<MemberDetails>();
  if (!record) return null;
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' }, p: 2 }}>
      <Box sx={{ display: 'grid', gap: 2, alignContent: 'start' }}>
        <Section title="vigie.members.show.decision" grid={false}>
          <Box sx={{ display: 'grid', gap: 1.5 }}>
            <MemberStatusField />
            {record.status === 'pending_review' && <MemberCheckChips />}
            <MemberActions />
          </Box>
        </Section>
        <Section title="vigie.members.show.identity">
          <Labeled source="full_name"><TextField source="full_name" emptyText="—" /></Labeled>
          <Labeled source="kind"><SelectField source="kind" choices={memberKindChoices} /></Labeled>
          <Labeled source="email"><TextField source="email" emptyText="—" /></Labeled>
          <Labeled source="phone"><PhoneField source="phone" /></Labeled>
          <Labeled source="address"><TextField source="address" emptyText="—" /></Labeled>
          <Labeled source="neighbourhood_id"><SectorField /></Labeled>
          <Labeled source="out_of_area"><YesNoField source="out_of_area" /></Labeled>
          <Labeled source="channels"><ChannelsField /></Labeled>
        </Section>
        <Registrant />
        {record.kind === 'senior' && (
          <Section title="vigie.members.show.relatives" grid={false}>
            <ReferenceManyField reference="relatives" target="member_id" perPage={5} sort={{ field: 'id', order: 'ASC' }}>
              <RelativesPanel />
            </ReferenceManyField>
          </Section>
        )}
        <Section title="vigie.members.show.record">
          <Labeled source="source"><SelectField source="source" choices={memberSourceChoices} /></Labeled>
          <Labeled source="external_id"><TextField source="external_id" emptyText="—" /></Labeled>
          <Labeled source="created_at"><DateTimeField source="created_at" /></Labeled>
          <Labeled source="confirmed_at"><DateTimeField source="confirmed_at" emptyText="—" /></Labeled>
          <Labeled source="decided_at"><DateTimeField source="decided_at" emptyText="—" /></Labeled>
          <Labeled source="decided_by_name"><TextField source="decided_by_name" emptyText="—" /></Labeled>
          <Labeled source="decision_reason"><SelectField source="decision_reason" choices={decisionReasonChoices} emptyText="—" /></Labeled>
          <Labeled source="consent_version"><TextField source="consent_version" emptyText="—" /></Labeled>
          <Labeled source="consent_at"><DateTimeField source="consent_at" emptyText="—" /></Labeled>
        </Section>
      </Box>
      <Box sx={{ display: 'grid', gap: 2, alignContent: 'start' }}>
        <Section title="vigie.members.show.history" grid={false}>
          <ReferenceManyField reference="member_events" target="member_id" perPage={200} sort={{ field: 'at', order: 'ASC' }}>
            <MemberTimeline />
          </ReferenceManyField>
        </Section>
        <Section title="vigie.members.show.messages" grid={false}>
          <ReferenceManyField reference="outbox_messages" target="member_id" perPage={50} sort={{ field: 'created_at', order: 'DESC' }}>
            <MemberMessages />
          </ReferenceManyField>
        </Section>
      </Box>
    </Box>
  );
};

const ShowActions = () => (
  <TopToolbar>
    <ExportJsonButton />
  </TopToolbar>
);

export const MemberShow = () => (
  <Show title={<MemberTitle />} actions={<ShowActions />}>
    <MemberDetailsView />
  </Show>
);
