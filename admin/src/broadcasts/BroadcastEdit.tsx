import { Edit, SimpleForm } from 'react-admin';
import { cleanBroadcast } from './BroadcastCreate.tsx';
import { BroadcastInputs } from './BroadcastInputs.tsx';

/** Drafts only: once sent or submitted, a broadcast is frozen (the server answers 409). */
export const BroadcastEdit = () => (
  <Edit redirect="show" transform={cleanBroadcast} mutationMode="pessimistic" sx={{ '& .RaEdit-card': { overflow: 'visible' } }}>
    <SimpleForm>
      <BroadcastInputs />
    </SimpleForm>
  </Edit>
);
