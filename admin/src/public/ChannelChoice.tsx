import type { Channel } from '@vigie/shared';
import { errorId, FieldError, fieldId } from './Field.tsx';
import { toggleChannel } from './registration.ts';

interface Props {
  path: string;
  legend: string;
  channels: Channel[];
  hasPhone: boolean;
  onChange: (channels: Channel[]) => void;
  error?: string;
}

/** SMS / e-mail checkboxes; SMS stays disabled (and unchecked) until a mobile number is given. */
export function ChannelChoice({ path, legend, channels, hasPhone, onChange, error }: Props) {
  const id = fieldId(path);
  return (
    <fieldset className={error ? 'field field-invalid' : 'field'} aria-describedby={error ? errorId(path) : undefined} id={id}>
      <legend>{legend}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={channels.includes('email')}
          onChange={(event) => onChange(toggleChannel(channels, 'email', event.target.checked))}
        />
        Par e-mail
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={hasPhone && channels.includes('sms')}
          disabled={!hasPhone}
          aria-describedby={hasPhone ? undefined : `${id}-sms-hint`}
          onChange={(event) => onChange(toggleChannel(channels, 'sms', event.target.checked))}
        />
        Par SMS
      </label>
      {hasPhone ? null : (
        <p className="hint" id={`${id}-sms-hint`}>
          Indiquez un numéro de mobile pour recevoir les alertes par SMS.
        </p>
      )}
      <FieldError path={path} error={error} />
    </fieldset>
  );
}
