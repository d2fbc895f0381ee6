import { BooleanInput, PasswordInput, SelectInput, TextInput, email, maxLength, minLength, required, useGetIdentity, useRecordContext } from 'react-admin';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type Staff } from '@vigie/shared';
import { roleChoices } from './staffChoices.ts';

// The server also refuses common passwords; its 400 message lands next to the field.
const passwordRules = [minLength(PASSWORD_MIN_LENGTH), maxLength(PASSWORD_MAX_LENGTH)];

/** The account form; creating sets the e-mail and a first password, editing may reset the password. */
export const StaffInputs = ({ mode }: { mode: 'create' | 'edit' }) => {
  const record = useRecordContext<Staff>();
  const { identity } = useGetIdentity();
  // The server refuses to disable or demote oneself (409): say so before, not after saving.
  const own = mode === 'edit' && record != null && identity != null && String(record.id) === String(identity.id);
  return (
    <>
      {mode === 'create' ? (
        <TextInput source="email" type="email" autoComplete="off" validate={[required(), email(), maxLength(254)]} />
      ) : (
        <TextInput source="email" disabled />
      )}
      <TextInput source="full_name" autoComplete="off" validate={[required(), maxLength(200)]} />
      <SelectInput source="role" choices={roleChoices} validate={required()} disabled={own} helperText={own ? 'vigie.account.own_role_help' : undefined} />
      {mode === 'create' ? (
        <PasswordInput
          source="password"
          autoComplete="new-password"
          helperText="vigie.staff.password_help"
          validate={[required(), ...passwordRules]}
        />
      ) : (
        <>
          <BooleanInput source="disabled" helperText={own ? 'vigie.account.own_disabled_help' : 'vigie.staff.disabled_help'} disabled={own} />
          <PasswordInput
            source="password"
            label="vigie.staff.new_password"
            autoComplete="new-password"
            helperText="vigie.staff.new_password_help"
            validate={passwordRules}
          />
        </>
      )}
    </>
  );
};
