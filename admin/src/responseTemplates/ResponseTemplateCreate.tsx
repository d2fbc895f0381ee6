import { Create, SimpleForm } from 'react-admin';
import { ResponseTemplateInputs } from './ResponseTemplateInputs.tsx';

const toPayload = ({ status, title, body, active }: Record<string, unknown>) => ({ status, title, body, active });

export const ResponseTemplateCreate = () => (
  <Create redirect="list" transform={toPayload}>
    <SimpleForm defaultValues={{ status: 'acknowledged', active: true }}>
      <ResponseTemplateInputs />
    </SimpleForm>
  </Create>
);
