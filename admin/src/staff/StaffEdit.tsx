import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import type { Staff } from '@vigie/shared';
import { StaffInputs } from './StaffInputs.tsx';

// Only what PUT /api/staff/:id accepts; an empty password field means "keep it".
const toPayload = ({ full_name, role, disabled, password }: Record<string, unknown>) => ({
  full_name,
  role,
  disabled,
  ...(typeof password === 'string' && password !== '' ? { password } : {}),
});

const StaffTitle = () => {
  const record = useRecordContext<Staff>();
  return <>{record?.full_name ?? ''}</>;
};

// Accounts are disabled, never deleted (the audit log keeps naming its authors): no delete button.
const StaffToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const StaffEdit = () => (
  <Edit title={<StaffTitle />} mutationMode="pessimistic" transform={toPayload} redirect="list">
    <SimpleForm toolbar={<StaffToolbar />}>
      <StaffInputs mode="edit" />
    </SimpleForm>
  </Edit>
);
