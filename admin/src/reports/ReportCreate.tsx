import {
  Create,
  RadioButtonGroupInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  maxLength,
  regex,
  required,
  useNotify,
  useRedirect,
  type Validator,
} from 'react-admin';
import { parisLocalToIso, toParisLocal } from '../common/parisTime.ts';
import { ReportLocationInput } from './ReportLocationInput.tsx';
import { categoryChoices, priorityChoices } from './reportChoices.ts';
import { choicesOf } from '../common/choices.ts';
import { useRef } from 'react';
import { createSubmissionKeys, IDEMPOTENCY_FIELD } from './submissionKey.ts';

/** Officers type reports taken by phone or at the desk; the platform's come through intake. */
const officerSourceChoices = choicesOf(['phone', 'officer'], 'vigie.sources');

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

// Only what POST /api/reports accepts; blank optional fields are left out.
const toPayload = (data: Record<string, unknown>) => {
  const payload: Record<string, unknown> = {
    category: data.category,
    description: data.description,
    priority: data.priority,
    source: data.source,
    lat: data.lat,
    lng: data.lng,
  };
  for (const key of ['address', 'reporter_name', 'reporter_phone', 'occurred_at'] as const) {
    const value = blankToNull(data[key]);
    if (value !== null && value !== undefined) payload[key] = value;
  }
  return payload;
};

const phone = regex(/^\+?[0-9 .()-]{6,32}$/, 'vigie.create.phone_invalid');

// A minute of slack for a clock slightly ahead of the server's; the server checks again.
const notInFuture: Validator = (value) =>
  typeof value === 'string' && Date.parse(value) > Date.now() + 60_000 ? 'vigie.create.occurred_future' : undefined;

// Enabled on a pristine form: a click on an empty form shows what is missing under each field
// instead of a greyed-out button that says nothing.
const CreateToolbar = () => (
  <Toolbar>
    <SaveButton alwaysEnable />
  </Toolbar>
);

/**
 * A report taken by phone or at the desk. The server checks everything again and its 400
 * `errors` appear beside the fields (react-admin's server-side validation).
 */
export const ReportCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  // One Idempotency-Key per submission, reused when the same payload is sent again (a retry).
  const keys = useRef(createSubmissionKeys()).current;
  const transform = (data: Record<string, unknown>) => {
    const payload = toPayload(data);
    return { ...payload, [IDEMPOTENCY_FIELD]: keys.keyFor(payload) };
  };
  return (
    <Create
      title="vigie.create.title"
      transform={transform}
      mutationOptions={{
        onSuccess: (report: { id: number }) => {
          notify('vigie.create.created', { type: 'success', messageArgs: { id: report.id } });
          redirect('show', 'reports', report.id);
        },
      }}
    >
      <SimpleForm defaultValues={{ source: 'phone', priority: 'normal' }} sx={{ maxWidth: 760 }} toolbar={<CreateToolbar />}>
        <RadioButtonGroupInput source="source" choices={officerSourceChoices} validate={required()} />
        <SelectInput source="category" choices={categoryChoices} validate={required('vigie.create.category_required')} />
        <TextInput
          source="description"
          multiline
          minRows={4}
          fullWidth
          validate={[required('vigie.create.description_required'), maxLength(4000)]}
          helperText="vigie.create.description_help"
        />
        <SelectInput source="priority" choices={priorityChoices} validate={required()} helperText="vigie.create.priority_help" />
        <ReportLocationInput />
        <TextInput
          source="occurred_at"
          type="datetime-local"
          format={(value: string | null | undefined) => (value ? toParisLocal(value) : '')}
          parse={(value: string) => (value ? parisLocalToIso(value) : null)}
          validate={notInFuture}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: toParisLocal(Date.now()) } }}
        />
        <TextInput source="reporter_name" autoComplete="off" validate={maxLength(200)} />
        <TextInput source="reporter_phone" type="tel" autoComplete="off" validate={phone} />
      </SimpleForm>
    </Create>
  );
};
