import { useEffect, useRef } from 'react';
import { Box, Divider, IconButton, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import {
  Labeled,
  Link,
  RecordContextProvider,
  ReferenceField,
  ResourceContextProvider,
  SelectField,
  TextField,
  useCreatePath,
  useGetOne,
  useTranslate,
} from 'react-admin';
import type { Report } from '@vigie/shared';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { useLockOnMount } from '../live/useLock.ts';
import { useSubscribeToRecord } from '../live/useSubscribe.ts';
import { AssigneeField } from '../reports/AssigneeField.tsx';
import { DuplicatesPanel } from '../reports/DuplicatesPanel.tsx';
import { EmergencyBanner } from '../reports/EmergencyBanner.tsx';
import { PresenceNotice } from '../reports/PresenceNotice.tsx';
import { PriorityField, StatusField } from '../reports/ReportChips.tsx';
import { ReportStatusActions } from '../reports/ReportStatusActions.tsx';
import { TriageForm } from '../reports/TriageForm.tsx';
import { categoryChoices, sourceChoices } from '../reports/reportChoices.ts';

const SectionTitle = ({ children }: { children: string }) => (
  <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
    {children}
  </Typography>
);

/**
 * The report opened from the map (marker or row): details and every triage action, without
 * leaving the map. Opening it joins the report's presence room; closing leaves it.
 */
export const ReportSidePanel = ({ id, onClose }: { id: number; onClose: () => void }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const heading = useRef<HTMLHeadingElement>(null);
  const { data: record, refetch, isPending, error } = useGetOne<Report>('reports', { id });
  useLockOnMount('reports', id);
  useSubscribeToRecord(
    (event) => {
      const live = event.payload.record as Report | undefined;
      if (live && record && live.updated_at === record.updated_at) return;
      void refetch();
    },
    'reports',
    id,
  );
  // Keyboard users land on the panel's title when it opens.
  useEffect(() => heading.current?.focus(), [id]);

  return (
    <ResourceContextProvider value="reports">
      <RecordContextProvider value={record}>
        <Box component="section" aria-labelledby="report-panel-title" sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}>
            <Typography id="report-panel-title" ref={heading} tabIndex={-1} component="h2" variant="h6" sx={{ flex: 1, outline: 'none' }}>
              {translate('vigie.report.title', { id })}
            </Typography>
            <IconButton component={Link} to={createPath({ resource: 'reports', id, type: 'show' })} aria-label={translate('vigie.map.open_report')} size="small">
              <OpenInNewIcon fontSize="small" />
            </IconButton>
            <IconButton onClick={onClose} aria-label={translate('vigie.map.close_panel')} size="small">
              <CloseIcon fontSize="small" />
            </IconButton>
          </Box>
          <Box sx={{ overflowY: 'auto', flex: 1, minHeight: 0, p: 2, display: 'grid', gap: 2, alignContent: 'start' }}>
            {isPending && <Typography variant="body2">{translate('ra.page.loading')}</Typography>}
            {error && (
              <Typography variant="body2" color="error">
                {translate('vigie.map.report_error')}
              </Typography>
            )}
            {record && (
              <>
                <EmergencyBanner />
                <PresenceNotice reportId={id} />
                <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' }}>
                  <Labeled source="category"><SelectField source="category" choices={categoryChoices} /></Labeled>
                  <Labeled source="received_at"><DateTimeField source="received_at" /></Labeled>
                  <Labeled source="status"><StatusField /></Labeled>
                  <Labeled source="priority"><PriorityField /></Labeled>
                  <Box sx={{ gridColumn: '1 / -1' }}>
                    <Labeled source="description">
                      <TextField source="description" component="p" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} />
                    </Labeled>
                  </Box>
                  <Labeled source="address"><TextField source="address" emptyText="—" /></Labeled>
                  <Labeled source="neighbourhood_id">
                    <ReferenceField source="neighbourhood_id" reference="neighbourhoods" link={false} emptyText="—" />
                  </Labeled>
                  <Labeled source="source"><SelectField source="source" choices={sourceChoices} /></Labeled>
                  <Labeled source="assigned_to"><AssigneeField /></Labeled>
                </Box>
                <Divider />
                <SectionTitle>{translate('vigie.report.actions')}</SectionTitle>
                <ReportStatusActions />
                <TriageForm />
                <Divider />
                <DuplicatesPanel />
              </>
            )}
          </Box>
        </Box>
      </RecordContextProvider>
    </ResourceContextProvider>
  );
};
