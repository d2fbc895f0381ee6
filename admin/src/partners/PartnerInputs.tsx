import { Typography } from '@mui/material';
import { BooleanInput, Labeled, NumberInput, TextField, TextInput, maxLength, required, useTranslate } from 'react-admin';
import { partnerIdError, rateError, webhookUrlError } from './partnerRules.ts';

const monoFont = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/** The partner form, shared by create and edit; the server's 400 messages land beside the fields. */
export const PartnerInputs = ({ mode }: { mode: 'create' | 'edit' }) => {
  const translate = useTranslate();
  return (
    <>
      {mode === 'create' ? (
        <TextInput
          source="id"
          autoComplete="off"
          helperText="vigie.partners.id_help"
          validate={[required(), partnerIdError]}
          slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'none', maxLength: 63 } }}
          sx={{ '& input': { fontFamily: monoFont } }}
        />
      ) : (
        // Shown rather than a disabled input, whose greyed-out helper text fails contrast (WCAG 1.4.3).
        <Labeled source="id" sx={{ mb: 1 }}>
          <>
            <TextField source="id" sx={{ fontFamily: monoFont, fontSize: '1rem' }} />
            <Typography variant="caption" color="text.secondary" component="p">
              {translate('vigie.partners.id_fixed')}
            </Typography>
          </>
        </Labeled>
      )}
      <TextInput source="name" autoComplete="off" validate={[required(), maxLength(200)]} />
      {/* No min/max attributes: the browser's bubble, in its own language, would pre-empt rateError. */}
      <NumberInput
        source="rate_per_minute"
        helperText="vigie.partners.rate_help"
        validate={[required(), rateError]}
      />
      <TextInput
        source="webhook_url"
        autoComplete="off"
        // inputMode rather than type="url": the browser's own bubble would pre-empt the French messages.
        slotProps={{ htmlInput: { inputMode: 'url', spellCheck: false } }}
        helperText="vigie.partners.webhook_help"
        validate={webhookUrlError}
      />
      <BooleanInput source="disabled" helperText="vigie.partners.disabled_help" />
    </>
  );
};
