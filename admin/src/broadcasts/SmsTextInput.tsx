import { Alert, Box, Button, Typography } from '@mui/material';
import { TextInput, useTranslate, type TextInputProps } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { canFixToGsm7, countSms, toGsm7 } from '@vigie/shared';

/** The longest SMS Vigie lets an officer send: 6 segments is already a letter, not an alert. */
export const SMS_MAX_LENGTH = 918;

/**
 * The SMS text with a live counter that is right for French (3GPP TS 23.038): characters left in the
 * segment, segments, and — when one character switched the message to UCS-2 (70 a segment instead of
 * 160) — that character named, with a one-click fix when GSM-7 has an equivalent.
 */
export const SmsTextInput = (props: Omit<TextInputProps, 'source'>) => {
  const translate = useTranslate();
  const text: string = useWatch({ name: 'sms_text' }) ?? '';
  const { setValue } = useFormContext();
  const count = countSms(text);
  const counterId = 'sms-text-counter';
  return (
    <Box>
      <TextInput
        source="sms_text"
        multiline
        minRows={3}
        fullWidth
        slotProps={{ htmlInput: { maxLength: SMS_MAX_LENGTH, 'aria-describedby': counterId } }}
        {...props}
      />
      <Typography id={counterId} variant="body2" color="text.secondary" aria-live="polite" sx={{ mt: -1, mb: 1 }}>
        {translate('vigie.broadcasts.sms_counter', {
          remaining: count.remaining,
          smart_count: count.segments,
          encoding: count.encoding,
        })}
      </Typography>
      {count.ucs2_char !== null && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            canFixToGsm7(text) ? (
              <Button color="inherit" size="small" onClick={() => setValue('sms_text', toGsm7(text), { shouldDirty: true, shouldValidate: true })}>
                {translate('vigie.broadcasts.fix_gsm7')}
              </Button>
            ) : undefined
          }
        >
          {translate('vigie.broadcasts.ucs2_warning', { char: count.ucs2_char })}
        </Alert>
      )}
    </Box>
  );
};
