import { Box, Typography } from '@mui/material';
import { DateTimeInput, RadioButtonGroupInput, required, useInput, useTranslate, ValidationError } from 'react-admin';
import type { Closure } from './broadcastTypes.ts';
import { reopenChoices } from './broadcastChoices.ts';
import { LazyZoneMap } from './lazy.tsx';

const endsAfterStart = (value: string | undefined, values: { closure?: Partial<Closure> }) => {
  const starts = values.closure?.starts_at;
  return value && starts && new Date(value) <= new Date(starts) ? 'vigie.broadcasts.closure_ends_before_start' : undefined;
};

const lineDrawn = (value: Closure['geometry'] | undefined) => (value ? undefined : 'vigie.broadcasts.closure_line_required');

const ClosureLine = () => {
  const { field, fieldState } = useInput<Closure['geometry']>({ source: 'closure.geometry', defaultValue: null, validate: lineDrawn });
  return (
    <>
      <LazyZoneMap mode="line" height={300} line={field.value ?? null} onLineChange={(line) => field.onChange(line)} />
      {fieldState.error?.message && (
        <Typography variant="body2" color="error" role="alert" sx={{ mt: 1 }}>
          {/* react-admin wraps a validator's key (`@@react-admin@@"vigie…"`): ValidationError unwraps it before translating. */}
          <ValidationError error={fieldState.error.message} />
        </Typography>
      )}
    </>
  );
};

/** A road closure: where (a line on the map), from when to when, and what happens when it reopens. */
export const ClosureInputs = () => {
  const translate = useTranslate();
  return (
    <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, mb: 2 }}>
      <Typography component="legend" variant="subtitle2" sx={{ px: 1 }}>
        {translate('vigie.broadcasts.closure')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('vigie.broadcasts.closure_line_help')}
      </Typography>
      <ClosureLine />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 2 }}>
        <DateTimeInput source="closure.starts_at" label="vigie.broadcasts.closure_starts_at" validate={required()} />
        <DateTimeInput source="closure.ends_at" label="vigie.broadcasts.closure_ends_at" validate={[required(), endsAfterStart]} />
      </Box>
      <RadioButtonGroupInput source="closure.reopen" label="vigie.broadcasts.closure_reopen" choices={reopenChoices} defaultValue="propose" />
    </Box>
  );
};
