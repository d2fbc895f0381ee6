import { Box, Typography } from '@mui/material';
import { REPORT_PRIORITIES, type CommuneConfig, type FullStats } from '@vigie/shared';
import { useLocaleState, useTranslate } from 'react-admin';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import { CommuneHeatMap } from './CommuneHeatMap.tsx';
import { ComparisonChart, SeriesChart } from './StatsCharts.tsx';
import { TableView } from './TableView.tsx';

/** « 42 min », « 3 h 05 », « 2 j 4 h ». */
export function formatMinutes(minutes: number | null, translate: (key: string, options?: object) => string): string {
  if (minutes === null) return '—';
  const m = Math.round(minutes);
  if (m < 60) return translate('vigie.stats.minutes', { m });
  if (m < 1440) return translate('vigie.stats.hours', { h: Math.floor(m / 60), m: String(m % 60).padStart(2, '0') });
  return translate('vigie.stats.days', { d: Math.floor(m / 1440), h: Math.floor((m % 1440) / 60) });
}

/** Everything the police see besides the sector counts: loaded with Recharts, after the first screen. */
export const FullSections = ({ stats, commune }: { stats: FullStats; commune: CommuneConfig | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const numbers = new Intl.NumberFormat(dateLocaleFor(locale));
  const durations = [...REPORT_PRIORITIES].reverse().map((p) => stats.durations.find((d) => d.priority === p)!).filter(Boolean);
  return (
    <>
      <SeriesChart title={translate('vigie.stats.per_week')} series={stats.by_week} weekly />
      <SeriesChart title={translate('vigie.stats.per_month')} series={stats.by_month} weekly={false} />
      <ComparisonChart
        title={translate('vigie.stats.by_category')}
        rows={stats.by_category.map((c) => ({ label: translate(`vigie.categories.${c.category}`), count: c.count, previous: c.previous }))}
      />
      <ComparisonChart
        title={translate('vigie.stats.by_source')}
        rows={stats.by_source.map((s) => ({ label: translate(`vigie.sources.${s.source}`), count: s.count, previous: s.previous }))}
      />
      <Box component="section" aria-label={translate('vigie.stats.durations')} sx={{ mb: 3, breakInside: 'avoid' }}>
        <Typography variant="h6" component="h2">{translate('vigie.stats.durations')}</Typography>
        <TableView
          open
          caption={translate('vigie.stats.durations_caption')}
          head={[translate('resources.reports.fields.priority'), translate('vigie.stats.to_acknowledge'), translate('vigie.stats.to_close')]}
          rows={durations.map((d) => [
            translate(`vigie.priorities.${d.priority}`),
            `${formatMinutes(d.acknowledge_minutes, translate)} (${numbers.format(d.acknowledged)})`,
            `${formatMinutes(d.close_minutes, translate)} (${numbers.format(d.closed)})`,
          ])}
        />
      </Box>
      <Box component="section" aria-label={translate('vigie.stats.heat_map')} sx={{ mb: 3, breakInside: 'avoid' }}>
        <Typography variant="h6" component="h2">{translate('vigie.stats.heat_map')}</Typography>
        <Typography variant="body2" color="text.secondary">{translate('vigie.stats.heat_map_help')}</Typography>
        {commune && <CommuneHeatMap boundary={commune.boundary} heat={stats.heat} />}
        <TableView
          caption={translate('vigie.stats.heat_map')}
          head={[translate('vigie.stats.cell'), translate('vigie.stats.count')]}
          rows={[...stats.heat.cells]
            .sort((a, b) => b.count - a.count)
            .slice(0, 50)
            .map((c) => [`${c.lat.toFixed(4)}, ${c.lng.toFixed(4)}`, numbers.format(c.count)])}
        />
      </Box>
    </>
  );
};
