import { Box, Button, Typography } from '@mui/material';
import { communeProjection, type GeoJSON, type Report, type ReportReporter } from '@vigie/shared';
import type { ReactNode } from 'react';
import {
  Link,
  Loading,
  RecordContextProvider,
  ReferenceManyField,
  ResourceContextProvider,
  useGetOne,
  useLocaleState,
  useParams,
  useTranslate,
} from 'react-admin';
import { useCommuneConfig } from '../commune/useCommuneConfig.ts';
import { formatDateTime } from '../common/parisTime.ts';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import { ReportTimeline } from '../reports/ReportTimeline.tsx';
import './print.css';

type ReportDetails = Report & ReportReporter;

const outer = (b: GeoJSON.Polygon | GeoJSON.MultiPolygon): GeoJSON.Position[] =>
  b.type === 'Polygon' ? (b.coordinates[0] ?? []) : (b.coordinates.map((p) => p[0] ?? []).sort((x, y) => y.length - x.length)[0] ?? []);

/** The commune outline and the report's place, drawn: a printed sheet cannot wait for map tiles. */
const PlaceMap = ({ boundary, lat, lng, label }: { boundary: GeoJSON.Polygon | GeoJSON.MultiPolygon; lat: number; lng: number; label: string }) => {
  const { project, outline } = communeProjection(outer(boundary), 320, 240);
  const [x, y] = project(lng, lat);
  return (
    <svg viewBox="0 0 320 240" width="320" height="240" role="img" aria-label={label}>
      <path d={outline} fill="#f5f5f5" stroke="#37474f" strokeWidth={1.5} />
      <circle cx={x} cy={y} r={9} fill="none" stroke="#b3261e" strokeWidth={2} />
      <circle cx={x} cy={y} r={3} fill="#b3261e" />
    </svg>
  );
};

/** A definition list row, left out entirely when there is nothing to say: no empty boxes on paper. */
const Row = ({ label, children }: { label: string; children: ReactNode }) =>
  children === null || children === undefined || children === '' ? null : (
    <>
      <Box component="dt" sx={{ fontWeight: 600 }}>{label}</Box>
      <Box component="dd" sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{children}</Box>
    </>
  );

/** « Fiche de signalement »: one report on one sheet, without the application around it. */
export const ReportPrint = () => {
  const { id } = useParams();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const commune = useCommuneConfig();
  const { data: report, isPending, error } = useGetOne<ReportDetails>('reports', { id: Number(id) });
  const { data: sector } = useGetOne<{ id: number; name: string }>('neighbourhoods', { id: report?.neighbourhood_id ?? 0 }, { enabled: Boolean(report?.neighbourhood_id) });
  if (isPending) return <Loading />;
  if (error || !report) return <Typography role="alert">{translate('ra.page.not_found')}</Typography>;
  const date = (value: string | null) => (value ? formatDateTime(value, dateLocaleFor(locale)) : null);
  const field = (name: string) => translate(`resources.reports.fields.${name}`);
  return (
    <Box component="main" className="vigie-print" sx={{ maxWidth: '190mm', mx: 'auto', p: 3, color: '#000', bgcolor: '#fff' }}>
      <Box className="vigie-print-actions" sx={{ mb: 2, display: 'flex', gap: 1 }}>
        <Button variant="contained" onClick={() => window.print()}>{translate('vigie.print.print_now')}</Button>
        <Link to={`/reports/${report.id}/show`} sx={{ alignSelf: 'center' }}>{translate('ra.action.back')}</Link>
      </Box>
      <Typography variant="body2">{commune ? `${translate('vigie.dashboard.police_desk')} · ${commune.name}` : translate('vigie.dashboard.police_desk')}</Typography>
      <Typography variant="h4" component="h1" sx={{ mb: 0.5 }}>{translate('vigie.print.title', { id: report.id })}</Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>{translate('vigie.print.printed_at', { date: formatDateTime(new Date().toISOString(), dateLocaleFor(locale)) })}</Typography>
      {report.emergency && <Typography sx={{ fontWeight: 700, mb: 1 }}>{translate('vigie.emergency.short')}</Typography>}
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Box component="dl" sx={{ flex: '1 1 300px', display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
          <Row label={field('category')}>{translate(`vigie.categories.${report.category}`)}</Row>
          <Row label={field('status')}>{translate(`vigie.statuses.${report.status}`)}</Row>
          <Row label={field('priority')}>{translate(`vigie.priorities.${report.priority}`)}</Row>
          <Row label={field('received_at')}>{date(report.received_at)}</Row>
          <Row label={field('occurred_at')}>{date(report.occurred_at)}</Row>
          <Row label={field('source')}>{translate(`vigie.sources.${report.source}`)}</Row>
          <Row label={field('address')}>{report.address}</Row>
          <Row label={field('neighbourhood_id')}>{sector?.name}</Row>
          <Row label={field('out_of_area')}>{report.out_of_area ? translate('ra.boolean.true') : null}</Row>
          <Row label={field('assigned_to')}>{report.assigned_to_name}</Row>
          <Row label={field('reporter_name')}>{report.reporter_name}</Row>
          <Row label={field('reporter_phone')}>{report.reporter_phone}</Row>
          <Row label={field('external_id')}>{report.external_id}</Row>
          <Row label={field('description')}>{report.description}</Row>
        </Box>
        {commune && <PlaceMap boundary={commune.boundary} lat={report.lat} lng={report.lng} label={translate('vigie.print.map_label')} />}
      </Box>
      <Typography variant="h6" component="h2" sx={{ mt: 3, mb: 1 }}>{translate('vigie.report.timeline')}</Typography>
      <ResourceContextProvider value="reports">
        <RecordContextProvider value={report}>
          <ReferenceManyField reference="report_events" target="report_id" sort={{ field: 'at', order: 'ASC' }} perPage={200}>
            <ReportTimeline />
          </ReferenceManyField>
        </RecordContextProvider>
      </ResourceContextProvider>
    </Box>
  );
};
