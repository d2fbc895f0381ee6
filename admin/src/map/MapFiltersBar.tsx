import { useId } from 'react';
import {
  Box,
  Button,
  Checkbox,
  FormControl,
  InputLabel,
  ListItemText,
  MenuItem,
  Select,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { REPORT_CATEGORIES, REPORT_STATUSES } from '@vigie/shared';
import { DEFAULT_MAP_FILTERS, TIME_WINDOWS, isInvertedRange, windowRange, type MapFilters, type TimeWindow } from './mapFilters.ts';
import type { Sector } from './useSectors.ts';

interface Option<T> {
  id: T;
  name: string;
}

/** A labelled multiple select whose closed value says how many are chosen (all when none). */
function MultiSelect<T extends string | number>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: Option<T>[];
  value: T[];
  onChange: (value: T[]) => void;
}) {
  const translate = useTranslate();
  const id = useId();
  return (
    <FormControl size="small" sx={{ minWidth: 150, maxWidth: 220 }}>
      <InputLabel id={`${id}-label`} shrink>
        {label}
      </InputLabel>
      <Select<T[]>
        labelId={`${id}-label`}
        id={id}
        multiple
        displayEmpty
        label={label}
        notched
        value={value}
        onChange={(event) => onChange(event.target.value as T[])}
        renderValue={(selected) =>
          selected.length === 0
            ? translate('vigie.map.all')
            : selected.length === 1
              ? (options.find((option) => option.id === selected[0])?.name ?? '')
              : translate('vigie.map.selected', { smart_count: selected.length })
        }
      >
        {options.map((option) => (
          <MenuItem key={option.id} value={option.id} dense>
            <Checkbox size="small" checked={value.includes(option.id)} tabIndex={-1} disableRipple sx={{ p: 0.5, mr: 1 }} />
            <ListItemText primary={option.name} />
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** Time window, statuses, categories and sectors of the map; the count of what is shown. */
export const MapFiltersBar = ({
  filters,
  onChange,
  sectors,
  count,
  truncated,
}: {
  filters: MapFilters;
  onChange: (filters: MapFilters) => void;
  sectors: readonly Sector[];
  count: number | null;
  truncated: boolean;
}) => {
  const translate = useTranslate();
  const set = (patch: Partial<MapFilters>) => onChange({ ...filters, ...patch });
  const inverted = filters.window === 'custom' && isInvertedRange(windowRange(filters, Date.now()));
  return (
    <Box
      component="form"
      role="search"
      aria-label={translate('vigie.map.filters')}
      onSubmit={(event) => event.preventDefault()}
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5, px: 2, py: 1 }}
    >
      <ToggleButtonGroup
        size="small"
        exclusive
        value={filters.window}
        onChange={(_, window: TimeWindow | null) => window && set({ window })}
        aria-label={translate('vigie.map.window')}
        // One row on a phone too: a wrapped « 24 h » reads as two buttons.
        sx={{ maxWidth: '100%', overflowX: 'auto' }}
      >
        {TIME_WINDOWS.map((window) => (
          <ToggleButton key={window} value={window} sx={{ px: 1.25, py: 0.5, textTransform: 'none', whiteSpace: 'nowrap', flexShrink: 0 }}>
            {translate(`vigie.map.windows.${window}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {filters.window === 'custom' && (
        <>
          <TextField
            size="small"
            type="datetime-local"
            label={translate('vigie.map.from')}
            value={filters.from}
            onChange={(event) => set({ from: event.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            size="small"
            type="datetime-local"
            label={translate('vigie.map.to')}
            value={filters.to}
            onChange={(event) => set({ to: event.target.value })}
            error={inverted}
            helperText={inverted ? translate('vigie.map.inverted') : undefined}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </>
      )}
      <MultiSelect
        label={translate('resources.reports.fields.status')}
        options={REPORT_STATUSES.map((id) => ({ id, name: translate(`vigie.statuses.${id}`) }))}
        value={filters.status}
        onChange={(status) => set({ status })}
      />
      <MultiSelect
        label={translate('resources.reports.fields.category')}
        options={REPORT_CATEGORIES.map((id) => ({ id, name: translate(`vigie.categories.${id}`) }))}
        value={filters.category}
        onChange={(category) => set({ category })}
      />
      <MultiSelect
        label={translate('vigie.map.sector')}
        options={sectors.map((sector) => ({ id: sector.id, name: sector.name }))}
        value={filters.neighbourhood_id}
        onChange={(neighbourhood_id) => set({ neighbourhood_id })}
      />
      <Button size="small" onClick={() => onChange(DEFAULT_MAP_FILTERS)}>
        {translate('vigie.map.reset')}
      </Button>
      <Typography role="status" variant="body2" sx={{ ml: 'auto', color: truncated ? 'error.main' : 'text.secondary' }}>
        {count === null
          ? translate('ra.page.loading')
          : translate(truncated ? 'vigie.map.count_truncated' : 'vigie.map.count', { smart_count: count })}
      </Typography>
    </Box>
  );
};
