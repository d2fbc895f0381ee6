import { Create, SimpleForm, useTranslate } from 'react-admin';
import { BroadcastInputs } from './BroadcastInputs.tsx';
import type { Broadcast } from './broadcastTypes.ts';

/** Only what the chosen channels and category need goes to the server. */
export const cleanBroadcast = (data: Partial<Broadcast>): Partial<Broadcast> => {
  const channels = data.channels ?? [];
  return {
    ...data,
    sms_text: channels.includes('sms') ? (data.sms_text ?? null) : null,
    email_subject: channels.includes('email') ? (data.email_subject ?? null) : null,
    email_body: channels.includes('email') ? (data.email_body ?? null) : null,
    closure: data.category === 'road_closure' ? (data.closure ?? null) : null,
    send_at: data.send_at || null,
  };
};

/** A draft: it is sent (or submitted for approval) from its page, after a last look at the reach. */
export const BroadcastCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="show" transform={cleanBroadcast} title={translate('vigie.broadcasts.new')} sx={{ '& .RaCreate-card': { overflow: 'visible' } }}>
      <SimpleForm defaultValues={{ channels: ['sms', 'email'], target: { zones: { type: 'FeatureCollection', features: [] } } }}>
        <BroadcastInputs />
      </SimpleForm>
    </Create>
  );
};
