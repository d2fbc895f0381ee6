import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import type { Stats } from '@vigie/shared';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Title, useCanAccess, useLocaleState, useTranslate } from 'react-admin';
import { useCommuneConfig } from '../commune/useCommuneConfig.ts';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import { httpClient } from '../providers/httpClient.ts';
import { StatsFiltersBar } from './StatsFiltersBar.tsx';
import { defaultFilters, statsUrl, type StatsFilters } from './statsQuery.ts';
import { TableView } from './TableView.tsx';

// Recharts comes with this chunk only: the town hall, which sees sector counts, never loads it.
const FullSections = lazy(() => import('./FullSections.tsx').then((m) => ({ default: m.FullSections })));

const Figure = ({ label, value, detail }: { label: string; value: string; detail: string }) => (
  <Card variant="outlined" sx={{ flex: 1, minWidth: 180 }}>
    <CardContent>
      <Typography variant="body2" color="text.secondary">{label}</Typography>
      <Typography variant="h4" component="p">{value}</Typography>
      <Typography variant="body2">{detail}</Typography>
    </CardContent>
  </Card>
);

const lastMonth = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

/** The chief's monthly PDF for the mayor: a plain link, so the browser downloads it with the session cookie. */
const BilanDownload = () => {
  const translate = useTranslate();
  const [month, setMonth] = useState(lastMonth);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', '@media print': { display: 'none' } }}>
      <TextField type="month" size="small" label={translate('vigie.stats.bilan_month')} value={month} onChange={(e) => setMonth(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      <Button variant="contained" href={`/api/stats/bilan.pdf?month=${encodeURIComponent(month)}`} disabled={!/^\d{4}-\d{2}$/.test(month)}>
        {translate('vigie.stats.bilan_download')}
      </Button>
    </Stack>
  );
};

export const StatsPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const commune = useCommuneConfig();
  const { canAccess: canExport } = useCanAccess({ action: 'export', resource: 'stats' });
  const [filters, setFilters] = useState<StatsFilters>(() => defaultFilters());
  const [stats, setStats] = useState<Stats>();
  const [error, setError] = useState<string>();
  // react-admin hands a new translate function on each render: read it, do not refetch on it.
  const translateRef = useRef(translate);
  translateRef.current = translate;
  useEffect(() => {
    let current = true;
    setError(undefined);
    httpClient(statsUrl(filters)).then(
      ({ json }) => current && setStats(json as Stats),
      (e: { body?: { message?: string; errors?: Record<string, string> } }) => {
        if (current) setError(Object.values(e.body?.errors ?? {})[0] ?? e.body?.message ?? translateRef.current('ra.notification.http_error'));
      },
    );
    return () => {
      current = false;
    };
  }, [filters]);
  const numbers = new Intl.NumberFormat(dateLocaleFor(locale));
  const percent = new Intl.NumberFormat(dateLocaleFor(locale), { style: 'percent', maximumFractionDigits: 1 });
  const versus = (_now: number, before: number) => translate('vigie.stats.versus_last_year', { n: numbers.format(before), smart_count: before });
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title={translate('vigie.stats.title')} />
      {/* The app bar's <Title> is the page's h1. */}
      {canExport && (
        <Stack direction="row" sx={{ justifyContent: 'flex-end', mb: 2 }}>
          <BilanDownload />
        </Stack>
      )}
      <StatsFiltersBar value={filters} onChange={setFilters} />
      {error && <Alert severity="error" sx={{ mb: 2 }}>{error}</Alert>}
      {stats && (
        <>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 3 }}>
            <Figure label={translate('vigie.stats.total')} value={numbers.format(stats.total)} detail={versus(stats.total, stats.previous_total)} />
            {stats.scope === 'full' && (
              <Figure
                label={translate('vigie.stats.forwarded')}
                value={percent.format(stats.total ? stats.forwarded.count / stats.total : 0)}
                detail={translate('vigie.stats.forwarded_detail', { n: numbers.format(stats.forwarded.count), smart_count: stats.forwarded.count })}
              />
            )}
          </Stack>
          <Box component="section" aria-label={translate('vigie.stats.by_sector')} sx={{ mb: 3 }}>
            <Typography variant="h6" component="h2">{translate('vigie.stats.by_sector')}</Typography>
            <TableView
              open
              caption={translate('vigie.stats.by_sector')}
              head={[translate('vigie.stats.sector'), translate('vigie.stats.this_period'), translate('vigie.stats.last_year')]}
              rows={stats.by_sector.map((s) => [s.name ?? translate('vigie.stats.no_sector'), numbers.format(s.count), numbers.format(s.previous)])}
            />
          </Box>
          {stats.scope === 'full' && (
            <Suspense fallback={<Typography>{translate('vigie.app.loading')}</Typography>}>
              <FullSections stats={stats} commune={commune} />
            </Suspense>
          )}
        </>
      )}
    </Box>
  );
};
