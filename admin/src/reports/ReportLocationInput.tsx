import { Box, Typography } from '@mui/material';
import { maxLength, useInput, useTranslate, ValidationError, type Validator } from 'react-admin';
import { LazyPointPicker } from '../map/lazy.tsx';
import { AddressSearch } from './AddressSearch.tsx';
import { CoordinateField } from './CoordinateField.tsx';
import { parseCoordinate, type Axis } from './coordinates.ts';

/** Empty → place the point; text that did not parse → say why (the field holds the text itself). */
const coordinateRule =
  (axis: Axis): Validator =>
  (value) => {
    if (value === null || value === undefined || value === '') return 'vigie.create.point_required';
    if (typeof value === 'string') return parseCoordinate(value, axis).error ?? 'vigie.create.coordinate_invalid';
    return typeof value === 'number' && Number.isFinite(value) ? undefined : 'vigie.create.coordinate_invalid';
  };

/**
 * Where the report happened: an address (its suggestions place the point), a click on the small map
 * (then a drag), or coordinates typed with a point or a French comma. The server's 400 errors for
 * `address`, `lat` and `lng` show under these fields.
 */
export const ReportLocationInput = () => {
  const translate = useTranslate();
  const address = useInput({ source: 'address', validate: maxLength(500) });
  const lat = useInput({ source: 'lat', validate: coordinateRule('lat') });
  const lng = useInput({ source: 'lng', validate: coordinateRule('lng') });
  const value = (field: typeof lat.field) => (typeof field.value === 'number' && Number.isFinite(field.value) ? field.value : null);
  const message = (input: typeof lat) => {
    const text = input.fieldState.error?.message;
    // react-admin wraps its validators' messages (`@@react-admin@@…`): ValidationError unwraps and translates.
    return text && (input.fieldState.isTouched || input.formState.isSubmitted) ? <ValidationError error={text} /> : undefined;
  };
  const place = (newLat: number, newLng: number) => {
    lat.field.onChange(newLat);
    lng.field.onChange(newLng);
    lat.field.onBlur();
    lng.field.onBlur();
  };
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2, width: '100%', maxWidth: 720, display: 'grid', gap: 1 }}>
      <Typography component="legend" variant="subtitle2" sx={{ mb: 0.5 }}>
        {translate('vigie.create.location')}
      </Typography>
      <Typography variant="body2" color="text.secondary" id="report-location-help">
        {translate('vigie.create.location_help')}
      </Typography>
      <AddressSearch input={address} onPlace={place} />
      <LazyPointPicker lat={value(lat.field)} lng={value(lng.field)} onChange={place} height={300} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <CoordinateField axis="lat" input={lat} error={message(lat)} />
        <CoordinateField axis="lng" input={lng} error={message(lng)} />
      </Box>
    </Box>
  );
};
