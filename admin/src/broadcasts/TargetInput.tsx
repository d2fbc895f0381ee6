import { Box, Button, Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { useInput, useTranslate, ValidationError } from 'react-admin';
import { useSectors } from '../map/useSectors.ts';
import type { BroadcastTarget, ZoneCollection } from './broadcastTypes.ts';
import { LazyZoneMap } from './lazy.tsx';
import { zoneCollection, zoneSummary } from './zones.ts';

type Mode = 'commune' | 'neighbourhood_ids' | 'zones';

const modeOf = (target: BroadcastTarget | undefined): Mode =>
  !target ? 'zones' : 'commune' in target ? 'commune' : 'neighbourhood_ids' in target ? 'neighbourhood_ids' : 'zones';

const EMPTY: Record<Mode, BroadcastTarget> = {
  commune: { commune: true },
  neighbourhood_ids: { neighbourhood_ids: [] },
  zones: { zones: zoneCollection([]) },
};

/** Who receives it: the whole commune (needs a supervisor's approval), sectors, or zones drawn on the map. */
export const TargetInput = () => {
  const translate = useTranslate();
  const sectors = useSectors();
  const { field, fieldState } = useInput<BroadcastTarget>({
    source: 'target',
    validate: (value: BroadcastTarget | undefined) => {
      if (!value) return 'vigie.broadcasts.target_required';
      if ('neighbourhood_ids' in value && value.neighbourhood_ids.length === 0) return 'vigie.broadcasts.target_sectors_required';
      if ('zones' in value && value.zones.features.length === 0) return 'vigie.broadcasts.target_zones_required';
      return undefined;
    },
  });
  const target = field.value as BroadcastTarget | undefined;
  const mode = modeOf(target);
  const ids = target && 'neighbourhood_ids' in target ? target.neighbourhood_ids : [];
  const zones = target && 'zones' in target ? target.zones : undefined;
  const summary = zoneSummary(zones);
  const error = fieldState.error?.message;
  // The map keeps its own layers: clearing the zones draws a fresh map.
  const [mapKey, setMapKey] = useState(0);

  return (
    <FormControl component="fieldset" error={Boolean(error)} fullWidth sx={{ mb: 2 }}>
      <FormLabel component="legend">{translate('resources.broadcasts.fields.target')}</FormLabel>
      <RadioGroup row value={mode} onChange={(event) => field.onChange(EMPTY[event.target.value as Mode])}>
        <FormControlLabel value="zones" control={<Radio />} label={translate('vigie.broadcasts.target_zones')} />
        <FormControlLabel value="neighbourhood_ids" control={<Radio />} label={translate('vigie.broadcasts.target_sectors')} />
        <FormControlLabel value="commune" control={<Radio />} label={translate('vigie.broadcasts.target_commune')} />
      </RadioGroup>
      {mode === 'commune' && <FormHelperText>{translate('vigie.broadcasts.commune_needs_approval')}</FormHelperText>}
      {mode === 'neighbourhood_ids' && (
        <FormGroup row aria-label={translate('vigie.broadcasts.target_sectors')}>
          {sectors.map((sector) => (
            <FormControlLabel
              key={sector.id}
              control={
                <Checkbox
                  checked={ids.includes(sector.id)}
                  onChange={(event) =>
                    field.onChange({ neighbourhood_ids: event.target.checked ? [...ids, sector.id] : ids.filter((id) => id !== sector.id) })
                  }
                />
              }
              label={sector.name}
            />
          ))}
        </FormGroup>
      )}
      {mode === 'zones' && (
        <Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('vigie.broadcasts.draw_help')}
          </Typography>
          <LazyZoneMap key={mapKey} mode="zones" zones={zones} onZonesChange={(next: ZoneCollection) => field.onChange({ zones: next })} />
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 1 }}>
            <Typography variant="body2">{translate('vigie.broadcasts.zone_summary', { polygons: summary.polygons, circles: summary.circles })}</Typography>
          </Box>
        </Box>
      )}
      {error && (
        <FormHelperText>
          <ValidationError error={error} />
        </FormHelperText>
      )}
      {mode === 'zones' && summary.polygons + summary.circles > 0 && (
        <Button size="small" sx={{ alignSelf: 'flex-start' }} onClick={() => {
            field.onChange(EMPTY.zones);
            setMapKey((key) => key + 1);
          }}>
          {translate('vigie.broadcasts.clear_zones')}
        </Button>
      )}
    </FormControl>
  );
};
