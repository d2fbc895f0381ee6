import { Edit, SimpleForm } from 'react-admin';
import { BroadcastTemplateInputs, toTemplatePayload } from './BroadcastTemplateInputs.tsx';

export const BroadcastTemplateEdit = () => (
  <Edit mutationMode="pessimistic" transform={toTemplatePayload} redirect="list">
    <SimpleForm>
      <BroadcastTemplateInputs />
    </SimpleForm>
  </Edit>
);
