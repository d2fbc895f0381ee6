import { Card, CardContent, Typography } from '@mui/material';
import { Form, PasswordInput, SaveButton, maxLength, minLength, required, useNotify, useTranslate } from 'react-admin';
import { useState } from 'react';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@vigie/shared';
import { fieldErrorsOf } from '../common/fieldErrors.ts';
import { accountApi } from './accountApi.ts';

type Values = { current_password?: string; new_password?: string; confirm_password?: string };

const sameAsNew = (value: unknown, values: Values) =>
  value && value !== values.new_password ? 'vigie.account.password_mismatch' : undefined;

export const PasswordChangeForm = ({ onChanged }: { onChanged: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  // A new key after a change empties the form: no password lingers in the page.
  const [generation, setGeneration] = useState(0);
  const submit = async (values: Values) => {
    try {
      await accountApi.changePassword(values.current_password ?? '', values.new_password ?? '');
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (errors) return errors;
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
      return undefined;
    }
    notify('vigie.account.password_changed', { type: 'success' });
    setGeneration((n) => n + 1);
    onChanged();
    return undefined;
  };
  return (
    <Card component="section" aria-labelledby="account-password-title">
      <CardContent>
        <Typography id="account-password-title" variant="h6" component="h2" gutterBottom>
          {translate('vigie.account.password_title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('vigie.account.password_intro')}
        </Typography>
        <Form key={generation} onSubmit={submit as never} sanitizeEmptyValues={false}>
          <PasswordInput source="current_password" label="vigie.account.current_password" autoComplete="current-password" validate={required()} fullWidth />
          <PasswordInput
            source="new_password"
            label="vigie.account.new_password"
            autoComplete="new-password"
            helperText="vigie.staff.password_help"
            validate={[required(), minLength(PASSWORD_MIN_LENGTH), maxLength(PASSWORD_MAX_LENGTH)]}
            fullWidth
          />
          <PasswordInput source="confirm_password" label="vigie.account.confirm_password" autoComplete="new-password" validate={[required(), sameAsNew]} fullWidth />
          <SaveButton label="vigie.account.change_password" />
        </Form>
      </CardContent>
    </Card>
  );
};
