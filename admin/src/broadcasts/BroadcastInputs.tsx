import { Alert, Box } from '@mui/material';
import { CheckboxGroupInput, DateTimeInput, FormDataConsumer, SelectInput, TextInput, maxLength, minLength, required, useTranslate } from 'react-admin';
import { broadcastCategoryChoices, channelChoices } from './broadcastChoices.ts';
import { ClosureInputs } from './ClosureInputs.tsx';
import { hasUnfilledPlaceholders } from './placeholders.ts';
import { ReachPreview } from './ReachPreview.tsx';
import { SmsTextInput } from './SmsTextInput.tsx';
import { TargetInput } from './TargetInput.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';

/** A follow-up goes to the recipients frozen when the first broadcast was sent. */
const FollowUpTarget = ({ id }: { id: number }) => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {translate('vigie.broadcasts.follow_up_target', { id })}
    </Alert>
  );
};

const noPlaceholderLeft = (value: string | undefined) => (hasUnfilledPlaceholders(value) ? 'vigie.broadcasts.placeholder_left' : undefined);
const sendAtInFuture = (value: string | undefined) =>
  value && new Date(value).getTime() < Date.now() - 60_000 ? 'vigie.broadcasts.send_at_past' : undefined;
const atLeastOneChannel = (value: string[] | undefined) => (!value || value.length === 0 ? 'vigie.broadcasts.channel_required' : undefined);

/**
 * The compose form shared by Create and Edit: texts per channel, target with its reach, timing. On
 * wide screens the reach stays in view while the officer draws (Create and Edit let the sticky
 * column out of their card, which clips it otherwise).
 */
export const BroadcastInputs = () => (
  <Box sx={{ width: '100%', display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(260px, 1fr)' } }}>
    <Box sx={{ minWidth: 0 }}>
      <TemplatePicker />
      <SelectInput source="category" choices={broadcastCategoryChoices} validate={required()} />
      <TextInput source="title" fullWidth validate={[required(), minLength(3), maxLength(120)]} />
      <CheckboxGroupInput source="channels" choices={channelChoices} validate={atLeastOneChannel} defaultValue={['sms', 'email']} />
      <FormDataConsumer<{ channels?: string[]; category?: string }>>
        {({ formData }) => (
          <>
            {formData.channels?.includes('sms') && <SmsTextInput validate={[required(), noPlaceholderLeft]} />}
            {formData.channels?.includes('email') && (
              <>
                <TextInput source="email_subject" fullWidth validate={[required(), maxLength(200), noPlaceholderLeft]} />
                <TextInput source="email_body" fullWidth multiline minRows={6} validate={[required(), maxLength(10_000), noPlaceholderLeft]} />
              </>
            )}
            {formData.category === 'road_closure' && <ClosureInputs />}
          </>
        )}
      </FormDataConsumer>
      <FormDataConsumer<{ follows_id?: number | null }>>
        {({ formData }) => (formData.follows_id ? <FollowUpTarget id={formData.follows_id} /> : <TargetInput />)}
      </FormDataConsumer>
      <DateTimeInput source="send_at" validate={sendAtInFuture} helperText="vigie.broadcasts.send_at_help" />
    </Box>
    <Box sx={{ minWidth: 0, position: { lg: 'sticky' }, top: { lg: 72 }, alignSelf: 'start' }}>
      <FormDataConsumer<{ follows_id?: number | null }>>{({ formData }) => (formData.follows_id ? null : <ReachPreview />)}</FormDataConsumer>
    </Box>
  </Box>
);
