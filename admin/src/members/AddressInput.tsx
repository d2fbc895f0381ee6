import { useEffect, useId, useState } from 'react';
import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { useDataProvider, useInput, useTranslate, type Validator } from 'react-admin';
import { LazyPointPicker } from '../map/lazy.tsx';
import type { LiveDataProvider } from '../providers/dataProvider.ts';
import type { GeocodeResult } from '../providers/membersMethods.ts';

const required: Validator = (value) => (typeof value === 'string' && value.trim() !== '' ? undefined : 'ra.validation.required');

/** Waits for the clerk to pause typing before asking the geocoder (BAN has a rate limit). */
const PAUSE_MS = 300;

/**
 * The postal address with the geocoder's suggestions (label, score, inside the commune or not);
 * choosing one places the point, which the clerk can then drag on the small map to correct.
 */
export const AddressInput = () => {
  const translate = useTranslate();
  const id = useId();
  const dataProvider = useDataProvider<LiveDataProvider>();
  const address = useInput({ source: 'address', validate: required });
  const lat = useInput({ source: 'lat' });
  const lng = useInput({ source: 'lng' });
  const [text, setText] = useState<string>(address.field.value ?? '');
  const [options, setOptions] = useState<GeocodeResult[]>([]);
  const [chosen, setChosen] = useState<GeocodeResult | null>(null);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 3) return setOptions([]);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      dataProvider.geocode(q, controller.signal).then(setOptions, () => setOptions([]));
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, dataProvider]);

  const error = address.fieldState.error?.message && (address.fieldState.isTouched || address.formState.isSubmitted) ? translate(address.fieldState.error.message, { _: address.fieldState.error.message }) : undefined;
  const point = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2, width: '100%', maxWidth: 720, display: 'grid', gap: 1 }}>
      <Typography component="legend" variant="subtitle2">
        {translate('resources.members.fields.address')}
      </Typography>
      <Autocomplete<GeocodeResult, false, false, true>
        freeSolo
        options={options}
        filterOptions={(x) => x}
        getOptionLabel={(option) => (typeof option === 'string' ? option : option.label)}
        inputValue={text}
        onInputChange={(_event, value) => {
          setText(value);
          address.field.onChange(value);
        }}
        onChange={(_event, value) => {
          if (!value || typeof value === 'string') return;
          setChosen(value);
          address.field.onChange(value.label);
          lat.field.onChange(value.lat);
          lng.field.onChange(value.lng);
        }}
        renderOption={({ key, ...props }, option) => (
          <li key={key} {...props}>
            <Box>
              <span>{option.label}</span>
              <Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>
                {translate('vigie.members.desk.score', { score: Math.round(option.score * 100) })}
                {option.in_commune ? '' : ` · ${translate('vigie.members.checks.out_of_area')}`}
              </Typography>
            </Box>
          </li>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            id={`${id}-address`}
            label={translate('resources.members.fields.address')}
            required
            error={Boolean(error)}
            helperText={error ?? translate('vigie.members.desk.address_help')}
            onBlur={address.field.onBlur}
          />
        )}
      />
      {chosen && (
        <Typography variant="body2" role="status">
          {translate('vigie.members.desk.score', { score: Math.round(chosen.score * 100) })}
          {chosen.in_commune ? '' : ` · ${translate('vigie.members.checks.out_of_area')}`}
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary">
        {translate('vigie.members.desk.point_help')}
      </Typography>
      <LazyPointPicker
        lat={point(lat.field.value)}
        lng={point(lng.field.value)}
        onChange={(newLat, newLng) => {
          lat.field.onChange(newLat);
          lng.field.onChange(newLng);
        }}
        height={260}
      />
    </Box>
  );
};
