import { Autocomplete, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { HttpError, useTranslate, ValidationError, type UseInputValue } from 'react-admin';
import { API_URL, httpClient } from '../providers/httpClient.ts';

/** One answer of GET /api/geocode?q= (the members issue's geocoder). */
export interface GeocodeResult {
  label: string;
  lat: number;
  lng: number;
  score: number;
  in_commune: boolean;
}

const MIN_LENGTH = 3;
const DEBOUNCE_MS = 300;

/**
 * The report's address, with suggestions from the geocoder: picking one places the point. Without a
 * geocoder (404) or when it fails, it stays a plain address field and the point is placed on the map.
 */
export const AddressSearch = ({ input, onPlace }: { input: UseInputValue; onPlace: (lat: number, lng: number) => void }) => {
  const translate = useTranslate();
  const [options, setOptions] = useState<GeocodeResult[]>([]);
  const [available, setAvailable] = useState(true);
  const [query, setQuery] = useState('');
  const latest = useRef(0);

  useEffect(() => {
    if (!available || query.trim().length < MIN_LENGTH) {
      setOptions([]);
      return;
    }
    const ticket = ++latest.current;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const { json } = await httpClient(`${API_URL}/geocode?q=${encodeURIComponent(query.trim())}`, { signal: controller.signal });
        const results = Array.isArray((json as { results?: unknown })?.results) ? (json as { results: GeocodeResult[] }).results : [];
        if (ticket === latest.current) setOptions(results.filter((r) => Number.isFinite(r.lat) && Number.isFinite(r.lng)));
      } catch (error) {
        if (error instanceof HttpError && (error.status === 404 || error.status === 403)) setAvailable(false);
        if (ticket === latest.current) setOptions([]);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, available]);

  const error = input.fieldState.error?.message;
  return (
    <Autocomplete<GeocodeResult, false, false, true>
      freeSolo
      options={options}
      filterOptions={(x) => x}
      getOptionLabel={(option) => (typeof option === 'string' ? option : option.label)}
      inputValue={typeof input.field.value === 'string' ? input.field.value : ''}
      onInputChange={(_event, value, reason) => {
        if (reason === 'input' || reason === 'clear') {
          input.field.onChange(value);
          setQuery(value);
        }
      }}
      onChange={(_event, value) => {
        if (value && typeof value !== 'string') {
          input.field.onChange(value.label);
          onPlace(value.lat, value.lng);
        }
      }}
      noOptionsText={translate('vigie.create.address_no_result')}
      renderOption={(props, option) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <li key={key} {...rest}>
            <span>
              {option.label}
              {!option.in_commune && (
                <Typography component="span" variant="body2" color="warning.main" sx={{ ml: 1 }}>
                  {translate('vigie.create.address_outside')}
                </Typography>
              )}
            </span>
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate('resources.reports.fields.address')}
          onBlur={input.field.onBlur}
          error={Boolean(error)}
          helperText={error ? <ValidationError error={error} /> : translate(available ? 'vigie.create.address_help' : 'vigie.create.address_help_plain')}
        />
      )}
      sx={{ width: '100%' }}
    />
  );
};
