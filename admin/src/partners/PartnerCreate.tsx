import { useState } from 'react';
import { Create, SimpleForm, useDataProvider, useNotify, useRedirect } from 'react-admin';
import { fieldErrorsOf } from '../common/fieldErrors.ts';
import type { LiveDataProvider } from '../providers/dataProvider.ts';
import { PartnerInputs } from './PartnerInputs.tsx';
import { DEFAULT_RATE_PER_MINUTE, toCreatePayload } from './partnerRules.ts';
import { SecretDialog, type ShownSecret } from './SecretDialog.tsx';

/**
 * Saves through `createPartner` rather than react-admin's `create`, whose answer lands in the query
 * cache: the secret only ever lives in this component's state, until its dialog closes.
 */
export const PartnerCreate = () => {
  const dataProvider = useDataProvider<LiveDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [shown, setShown] = useState<ShownSecret | null>(null);

  // Resolves to the server's field errors (400, or 409 for a taken id), which the form shows.
  const submit = async (values: Record<string, unknown>) => {
    try {
      const result = await dataProvider.createPartner(toCreatePayload(values));
      // A 403 is reported by the auth provider and resolves without a secret: nothing to show then.
      if (!result.secret) return undefined;
      notify('vigie.partners.created', { type: 'success' });
      setShown({ ...result, reason: 'created' });
      return undefined;
    } catch (error) {
      notify((error as Error)?.message || 'ra.notification.http_error', { type: 'error' });
      return fieldErrorsOf(error);
    }
  };

  return (
    <Create>
      <SimpleForm onSubmit={submit} defaultValues={{ rate_per_minute: DEFAULT_RATE_PER_MINUTE, disabled: false }}>
        <PartnerInputs mode="create" />
      </SimpleForm>
      <SecretDialog
        shown={shown}
        onClose={() => {
          setShown(null);
          redirect('list', 'partners');
        }}
      />
    </Create>
  );
};
