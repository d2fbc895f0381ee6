import { MenuItem, Stack, TextField } from '@mui/material';
import { REPORT_CATEGORIES } from '@vigie/shared';
import { useGetList, useTranslate } from 'react-admin';
import type { StatsFilters } from './statsQuery.ts';

/** Period, category and sector; each change asks the server again (aggregates only, so it is cheap). */
export const StatsFiltersBar = ({ value, onChange }: { value: StatsFilters; onChange: (next: StatsFilters) => void }) => {
  const translate = useTranslate();
  const { data: sectors } = useGetList<{ id: number; name: string }>('neighbourhoods', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } });
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, '@media print': { display: 'none' } }}>
      <TextField type="date" size="small" label={translate('vigie.stats.from')} value={value.from} onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
      <TextField type="date" size="small" label={translate('vigie.stats.to')} value={value.to} onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
      <TextField select size="small" sx={{ minWidth: 200 }} label={translate('resources.reports.fields.category')} value={value.category} onChange={(e) => onChange({ ...value, category: e.target.value as StatsFilters['category'] })}>
        <MenuItem value="">{translate('vigie.stats.all')}</MenuItem>
        {REPORT_CATEGORIES.map((c) => (
          <MenuItem key={c} value={c}>{translate(`vigie.categories.${c}`)}</MenuItem>
        ))}
      </TextField>
      <TextField select size="small" sx={{ minWidth: 200 }} label={translate('vigie.stats.sector')} value={value.neighbourhood_id} onChange={(e) => onChange({ ...value, neighbourhood_id: e.target.value === '' ? '' : Number(e.target.value) })}>
        <MenuItem value="">{translate('vigie.stats.all')}</MenuItem>
        {(sectors ?? []).map((s) => (
          <MenuItem key={s.id} value={s.id}>{s.name}</MenuItem>
        ))}
      </TextField>
    </Stack>
  );
};
