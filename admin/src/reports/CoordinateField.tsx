import { TextField } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { useLocaleState, useTranslate, type UseInputValue } from 'react-admin';
import { formatCoordinate, parseCoordinate, type Axis } from './coordinates.ts';

/**
 * One coordinate typed by hand. The text is kept as typed (a comma mid-typing is not lost); the form
 * holds the number once it parses, or the text itself so the validator can refuse it visibly.
 */
export const CoordinateField = ({ axis, input, error }: { axis: Axis; input: UseInputValue; error: ReactNode | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { field } = input;
  const [text, setText] = useState(() => (typeof field.value === 'number' ? formatCoordinate(field.value, locale) : ''));

  // A point placed on the map or picked from an address replaces what was typed.
  useEffect(() => {
    const typed = parseCoordinate(text, axis).value;
    if (typeof field.value === 'number' && typed !== field.value) setText(formatCoordinate(field.value, locale));
    if ((field.value === null || field.value === undefined || field.value === '') && typed != null) setText('');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only outside changes of the value matter
  }, [field.value]);

  return (
    <TextField
      id={`report-${axis}`}
      label={translate(`resources.reports.fields.${axis}`)}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const parsed = parseCoordinate(event.target.value, axis);
        field.onChange(parsed.error ? event.target.value : parsed.value);
      }}
      onBlur={field.onBlur}
      inputRef={field.ref}
      // No native `required`: the browser's own bubble (in its language) would hide the form's message.
      error={Boolean(error)}
      helperText={error ?? translate('vigie.create.coordinate_help')}
      slotProps={{ inputLabel: { required: true }, htmlInput: { inputMode: 'decimal', autoComplete: 'off', 'aria-required': true } }}
      size="small"
      fullWidth={false}
      sx={{ flex: '1 1 180px' }}
    />
  );
};
