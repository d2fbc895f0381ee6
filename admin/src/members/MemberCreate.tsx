import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  Create,
  FormDataConsumer,
  RadioButtonGroupInput,
  SaveButton,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  email,
  maxLength,
  required,
  useTranslate,
} from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { CONSENT_TEXT, CONSENT_VERSION } from '../public/consent.ts';
import { AddressInput } from './AddressInput.tsx';
import { DeskSummary } from './DeskSummary.tsx';
import { channelChoices, memberKindChoices } from './memberChoices.ts';

const consentGiven = (value: unknown) => (value === true ? undefined : 'vigie.members.desk.consent_required');
const atMostFive = (value: unknown) => (Array.isArray(value) && (value.length < 1 || value.length > 5) ? 'vigie.members.desk.relatives_count' : undefined);
const atLeastOneChannel = (value: unknown) => (Array.isArray(value) && value.length > 0 ? undefined : 'vigie.members.desk.channels_required');

/**
 * « Relire avec la personne »: the form is checked, then its content is shown to be read out to the
 * resident; only their « oui » (the dialog's button) saves it.
 */
const ReadOutToolbar = () => {
  const translate = useTranslate();
  const { trigger } = useFormContext();
  const [open, setOpen] = useState(false);
  return (
    <Toolbar>
      <Button variant="contained" onClick={async () => (await trigger()) && setOpen(true)}>
        {translate('vigie.members.desk.review')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="desk-readout-title" aria-describedby="desk-readout-text" fullWidth maxWidth="md">
        <DialogTitle id="desk-readout-title">{translate('vigie.members.desk.readout_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText id="desk-readout-text" sx={{ mb: 2 }}>
            {translate('vigie.members.desk.readout_text')}
          </DialogContentText>
          <DeskSummary />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('vigie.members.desk.correct')}</Button>
          <SaveButton label="vigie.members.desk.save" type="button" onClick={() => setOpen(false)} alwaysEnable />
        </DialogActions>
      </Dialog>
    </Toolbar>
  );
};

const RelativeInputs = () => (
  <ArrayInput source="relatives" label="vigie.members.desk.relatives" validate={atMostFive}>
    <SimpleFormIterator inline={false} disableReordering getItemLabel={(index) => `n° ${index + 1}`}>
      <TextInput source="full_name" label="resources.relatives.fields.full_name" validate={[required(), maxLength(200)]} />
      <TextInput source="relation" label="resources.relatives.fields.relation" validate={[required(), maxLength(100)]} />
      <TextInput source="email" label="resources.relatives.fields.email" type="email" validate={email()} />
      <TextInput source="phone" label="resources.relatives.fields.phone" type="tel" />
      <CheckboxGroupInput source="channels" label="resources.relatives.fields.channels" choices={channelChoices} validate={atLeastOneChannel} />
    </SimpleFormIterator>
  </ArrayInput>
);

/** The form keeps what the other kinds typed (switching back restores it); only the chosen kind's part is sent. */
export const deskPayload = ({ registrant, relatives, ...data }: Record<string, unknown>) => ({
  ...data,
  ...(data.kind === 'on_behalf' ? { registrant } : {}),
  ...(data.kind === 'senior' ? { relatives } : {}),
});

/** Desk registration: the clerk types what the resident says at the counter or on the phone. */
export const MemberCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="show" title="vigie.members.desk.title" transform={deskPayload}>
      <SimpleForm
        toolbar={<ReadOutToolbar />}
        defaultValues={{ kind: 'on_behalf', channels: ['sms'], consent: { version: CONSENT_VERSION, accepted: false }, relatives: [{ channels: ['sms'] }] }}
        sx={{ maxWidth: 760 }}
      >
        <RadioButtonGroupInput source="kind" choices={memberKindChoices} validate={required()} />
        <FormDataConsumer<{ kind?: string }>>
          {({ formData }) =>
            formData.kind === 'on_behalf' && (
              <>
                <Typography component="h2" variant="subtitle1">{translate('vigie.members.show.registrant')}</Typography>
                <TextInput source="registrant.full_name" label="resources.members.fields.registrant_name" validate={[required(), maxLength(200)]} />
                <TextInput source="registrant.relation" label="resources.members.fields.registrant_relation" validate={[required(), maxLength(100)]} />
                <TextInput source="registrant.phone" label="resources.members.fields.registrant_phone" type="tel" />
                <TextInput source="registrant.email" label="resources.members.fields.registrant_email" type="email" validate={email()} />
              </>
            )
          }
        </FormDataConsumer>
        <Typography component="h2" variant="subtitle1">{translate('vigie.members.desk.person')}</Typography>
        <TextInput source="full_name" validate={[required(), maxLength(200)]} />
        <AddressInput />
        <TextInput source="phone" type="tel" helperText="vigie.members.desk.phone_help" />
        <TextInput source="email" type="email" validate={email()} />
        <CheckboxGroupInput source="channels" choices={channelChoices} validate={atLeastOneChannel} />
        <FormDataConsumer<{ kind?: string }>>{({ formData }) => formData.kind === 'senior' && <RelativeInputs />}</FormDataConsumer>
        <Typography component="h2" variant="subtitle1">{translate('vigie.members.desk.consent_title', { version: CONSENT_VERSION })}</Typography>
        <Typography variant="body2" sx={{ bgcolor: 'action.hover', p: 1.5, borderRadius: 1, maxWidth: 720 }}>
          {CONSENT_TEXT}
        </Typography>
        <BooleanInput source="consent.accepted" label="vigie.members.desk.consent_given" validate={consentGiven} />
        <TextInput source="note" multiline minRows={2} label="vigie.members.desk.note" validate={maxLength(2000)} />
      </SimpleForm>
    </Create>
  );
};
