import { Box, Typography } from '@mui/material';
import type { FullStats } from '@vigie/shared';
import { useLocaleState, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import { pivot } from './statsQuery.ts';
import { TableView } from './TableView.tsx';

// The drawings are hidden from assistive technology (and kept out of the tab order): the table
// under each one says the same.
// One colour per category, distinguishable in print and by most colour-blind readers (Okabe–Ito).
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

const usePeriodLabel = () => {
  const [locale] = useLocaleState();
  const dateLocale = dateLocaleFor(locale);
  const week = new Intl.DateTimeFormat(dateLocale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(dateLocale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (period: string) => (period.length === 7 ? month.format(new Date(`${period}-01T00:00:00Z`)) : week.format(new Date(`${period}T00:00:00Z`)));
};

/** Reports per week or per month, stacked by category, with the same figures as a table. */
export const SeriesChart = ({ title, series, weekly }: { title: string; series: FullStats['by_week']; weekly: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const label = usePeriodLabel();
  const numbers = new Intl.NumberFormat(dateLocaleFor(locale));
  const { rows, keys } = pivot(series);
  const name = (k: string) => translate(`vigie.categories.${k}`);
  return (
    <Box component="section" aria-label={title} sx={{ mb: 3, breakInside: 'avoid' }}>
      <Typography variant="h6" component="h2">{title}</Typography>
      <Box sx={{ width: '100%', height: 300 }} aria-hidden>
        <ResponsiveContainer>
          <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" tickFormatter={label} />
            <YAxis allowDecimals={false} tickFormatter={(v: number) => numbers.format(v)} />
            <Tooltip labelFormatter={(v) => (weekly ? translate('vigie.stats.week_of', { date: label(String(v)) }) : label(String(v)))} formatter={(v, n) => [numbers.format(Number(v)), name(String(n))]} />
            <Legend formatter={(v) => name(String(v))} />
            {keys.map((k, i) => (
              <Bar key={k} dataKey={k} stackId="a" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <TableView
        caption={title}
        head={[translate(weekly ? 'vigie.stats.week' : 'vigie.stats.month'), ...keys.map(name)]}
        rows={rows.map((r) => [weekly ? translate('vigie.stats.week_of', { date: label(String(r.period)) }) : label(String(r.period)), ...keys.map((k) => numbers.format(Number(r[k])))])}
      />
    </Box>
  );
};

/** A count this period against the same period a year earlier, one pair of bars per row. */
export const ComparisonChart = ({ title, rows }: { title: string; rows: Array<{ label: string; count: number; previous: number }> }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const numbers = new Intl.NumberFormat(dateLocaleFor(locale));
  const now = translate('vigie.stats.this_period');
  const before = translate('vigie.stats.last_year');
  return (
    <Box component="section" aria-label={title} sx={{ mb: 3, breakInside: 'avoid' }}>
      <Typography variant="h6" component="h2">{title}</Typography>
      <Box sx={{ width: '100%', height: Math.max(160, 36 * rows.length + 60) }} aria-hidden>
        <ResponsiveContainer>
          <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 8, right: 16, left: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => numbers.format(v)} />
            <YAxis type="category" dataKey="label" width={170} />
            <Tooltip formatter={(v) => numbers.format(Number(v))} />
            <Legend />
            <Bar dataKey="count" name={now} fill="#0072B2" isAnimationActive={false} />
            <Bar dataKey="previous" name={before} fill="#BBBBBB" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <TableView
        caption={title}
        head={['', now, before]}
        rows={rows.map((r) => [r.label, numbers.format(r.count), numbers.format(r.previous)])}
      />
    </Box>
  );
};
