import { ChannelChoice } from './ChannelChoice.tsx';
import { Field } from './Field.tsx';
import type { ContactDraft, FieldErrors } from './registration.ts';

interface Props {
  index: number;
  relative: ContactDraft;
  errors: FieldErrors;
  onChange: (relative: ContactDraft) => void;
  onRemove?: () => void;
}

/** One relative of a senior: who they are, how to reach them, and how they want the alerts. */
export function RelativeFields({ index, relative, errors, onChange, onRemove }: Props) {
  const path = `relatives.${index}.`;
  const set = (patch: Partial<ContactDraft>) => onChange({ ...relative, ...patch });
  return (
    <fieldset className="group">
      <legend>Proche n° {index + 1}</legend>
      <Field
        path={`${path}full_name`}
        label="Nom et prénom"
        autoComplete="off"
        value={relative.full_name}
        onChange={(full_name) => set({ full_name })}
        error={errors[`${path}full_name`]}
      />
      <Field
        path={`${path}relation`}
        label="Lien avec la personne (fille, voisin…)"
        autoComplete="off"
        value={relative.relation}
        onChange={(relation) => set({ relation })}
        error={errors[`${path}relation`]}
      />
      <Field
        path={`${path}email`}
        label="Adresse e-mail"
        type="email"
        autoComplete="off"
        optional
        value={relative.email}
        onChange={(email) => set({ email })}
        error={errors[`${path}email`]}
      />
      <Field
        path={`${path}phone`}
        label="Téléphone mobile"
        type="tel"
        autoComplete="off"
        optional
        value={relative.phone}
        onChange={(phone) => set(phone.trim() === '' ? { phone, channels: relative.channels.filter((c) => c !== 'sms') } : { phone })}
        error={errors[`${path}phone`]}
      />
      <ChannelChoice
        path={`${path}channels`}
        legend="Ce proche reçoit les alertes"
        channels={relative.channels}
        hasPhone={relative.phone.trim() !== ''}
        onChange={(channels) => set({ channels })}
        error={errors[`${path}channels`]}
      />
      {onRemove ? (
        <button type="button" className="secondary" onClick={onRemove}>
          Retirer le proche n° {index + 1}
        </button>
      ) : null}
    </fieldset>
  );
}
