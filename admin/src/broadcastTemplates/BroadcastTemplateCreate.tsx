import { Create, SimpleForm } from 'react-admin';
import { BroadcastTemplateInputs, toTemplatePayload } from './BroadcastTemplateInputs.tsx';

export const BroadcastTemplateCreate = () => (
  <Create redirect="list" transform={toTemplatePayload}>
    <SimpleForm defaultValues={{ category: 'information' }}>
      <BroadcastTemplateInputs />
    </SimpleForm>
  </Create>
);
