import { Box, TextField, Typography } from '@mui/material';
import { useInput, useTranslate, type Validator } from 'react-admin';
import { LazyPointPicker } from '../map/lazy.tsx';

const toNumber = (value: string) => (value.trim() === '' ? null : Number(value.replace(',', '.')));

const pointRequired: Validator = (value) => (value === null || value === undefined || value === '' ? 'vigie.create.point_required' : undefined);

/**
 * Latitude and longitude of the report: placed with a click on the small map (then dragged), or
 * typed. The server's 400 errors for `lat` / `lng` show under these fields.
 */
export const ReportLocationInput = () => {
  const translate = useTranslate();
  const lat = useInput({ source: 'lat', validate: pointRequired });
  const lng = useInput({ source: 'lng', validate: pointRequired });
  const value = (field: typeof lat.field) => (typeof field.value === 'number' && Number.isFinite(field.value) ? field.value : null);
  const message = (state: typeof lat.fieldState) => (state.error?.message ? translate(state.error.message, { _: state.error.message }) : undefined);
  const latError = (lat.fieldState.isTouched || lat.formState.isSubmitted) ? message(lat.fieldState) : undefined;
  const lngError = (lng.fieldState.isTouched || lng.formState.isSubmitted) ? message(lng.fieldState) : undefined;
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2, width: '100%', maxWidth: 720, display: 'grid', gap: 1 }}>
      <Typography component="legend" variant="subtitle2" sx={{ mb: 0.5 }}>
        {translate('vigie.create.location')}
      </Typography>
      <Typography variant="body2" color="text.secondary" id="report-location-help">
        {translate('vigie.create.location_help')}
      </Typography>
      <LazyPointPicker
        lat={value(lat.field)}
        lng={value(lng.field)}
        onChange={(newLat, newLng) => {
          lat.field.onChange(newLat);
          lng.field.onChange(newLng);
          lat.field.onBlur();
          lng.field.onBlur();
        }}
        height={300}
      />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        {([
          ['lat', lat, latError],
          ['lng', lng, lngError],
        ] as const).map(([name, input, error]) => (
          <TextField
            key={name}
            id={`report-${name}`}
            label={translate(`resources.reports.fields.${name}`)}
            value={input.field.value ?? ''}
            onChange={(event) => input.field.onChange(toNumber(event.target.value))}
            onBlur={input.field.onBlur}
            inputRef={input.field.ref}
            required
            error={Boolean(error)}
            helperText={error}
            slotProps={{ htmlInput: { inputMode: 'decimal', 'aria-describedby': 'report-location-help' } }}
            size="small"
            fullWidth={false}
            sx={{ flex: '1 1 180px' }}
          />
        ))}
      </Box>
    </Box>
  );
};
