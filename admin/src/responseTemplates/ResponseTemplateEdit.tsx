import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import type { ResponseTemplate } from '@vigie/shared';
import { ResponseTemplateInputs } from './ResponseTemplateInputs.tsx';

const toPayload = ({ status, title, body, active }: Record<string, unknown>) => ({ status, title, body, active });

export const ResponseTemplateTitle = () => {
  const record = useRecordContext<ResponseTemplate>();
  return <>{record?.title ?? ''}</>;
};

// Templates are retired (inactive), never deleted: the timeline keeps the replies that used them.
const TemplateToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const ResponseTemplateEdit = () => (
  <Edit title={<ResponseTemplateTitle />} mutationMode="pessimistic" transform={toPayload} redirect="list">
    <SimpleForm toolbar={<TemplateToolbar />}>
      <ResponseTemplateInputs />
    </SimpleForm>
  </Edit>
);
