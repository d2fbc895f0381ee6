import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import { PartnerInputs } from './PartnerInputs.tsx';
import { toUpdatePayload } from './partnerRules.ts';
import type { Partner } from './partnerSecret.ts';
import { PartnerSecretPanel } from './PartnerSecretPanel.tsx';

const PartnerTitle = () => {
  const record = useRecordContext<Partner>();
  return <>{record?.name ?? ''}</>;
};

// Partners are disabled, never deleted (their reports keep naming them): no delete button.
const PartnerToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

// The secret panel sits beside the form on wide screens, below it otherwise.
const stackOnNarrow = { '& .RaEdit-main': { flexDirection: { xs: 'column', lg: 'row' }, alignItems: { xs: 'stretch', lg: 'flex-start' } } };

export const PartnerEdit = () => (
  <Edit
    title={<PartnerTitle />}
    mutationMode="pessimistic"
    transform={toUpdatePayload}
    redirect="list"
    aside={<PartnerSecretPanel />}
    sx={stackOnNarrow}
  >
    <SimpleForm toolbar={<PartnerToolbar />}>
      <PartnerInputs mode="edit" />
    </SimpleForm>
  </Edit>
);
