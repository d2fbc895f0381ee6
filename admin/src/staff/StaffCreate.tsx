import { Create, SimpleForm } from 'react-admin';
import { StaffInputs } from './StaffInputs.tsx';

// Only the fields POST /api/staff accepts.
const toPayload = ({ email, full_name, role, password }: Record<string, unknown>) => ({
  email: typeof email === 'string' ? email.trim().toLowerCase() : email,
  full_name,
  role,
  password,
});

export const StaffCreate = () => (
  <Create redirect="list" transform={toPayload}>
    <SimpleForm defaultValues={{ role: 'officer' }}>
      <StaffInputs mode="create" />
    </SimpleForm>
  </Create>
);
