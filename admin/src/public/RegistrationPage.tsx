import { useRef, useState, type FormEvent } from 'react';
import type { MemberKind } from '@vigie/shared';
import { messageOf, NETWORK_ERROR, postJson, SERVER_ERROR, tooManyMessage } from './api.ts';
import { ChannelChoice } from './ChannelChoice.tsx';
import { CONSENT_TEXT, CONSENT_VERSION } from './consent.ts';
import { errorId, Field, FieldError, fieldId } from './Field.tsx';
import { RelativeFields } from './RelativeFields.tsx';
import {
  emptyDraft,
  emptyRelative,
  fieldErrorsFromBody,
  MAX_RELATIVES,
  toPayload,
  validateDraft,
  type FieldErrors,
  type RegistrationDraft,
} from './registration.ts';

const KINDS: Array<{ kind: MemberKind; label: string }> = [
  { kind: 'self', label: 'Pour moi' },
  { kind: 'on_behalf', label: "Pour quelqu'un d'autre (un parent, un voisin sans internet…)" },
  { kind: 'senior', label: 'Pour une personne âgée : ses proches reçoivent les alertes à sa place' },
];

/** The error summary names each field as its label does, so « aller au champ » reads well. */
const summaryLabel = (path: string): string => {
  const relative = path.match(/^relatives\.(\d+)\.(\w+)$/);
  const names: Record<string, string> = {
    full_name: 'Nom et prénom',
    address: 'Adresse postale',
    email: 'Adresse e-mail',
    phone: 'Téléphone mobile',
    channels: 'Moyens de prévenir',
    relation: 'Lien',
    'consent.accepted': 'Accord',
    relatives: 'Proches',
    'registrant.full_name': 'Votre nom',
    'registrant.relation': 'Votre lien avec la personne',
    'registrant.email': 'Votre e-mail',
    'registrant.phone': 'Votre téléphone',
  };
  if (relative) return `Proche n° ${Number(relative[1]) + 1} — ${names[relative[2]!] ?? relative[2]}`;
  return names[path] ?? path;
};

type Outcome = { kind: 'form' } | { kind: 'sent'; email: string };

/** « /inscription »: the resident's own registration, double opt-in by e-mail. */
export function RegistrationPage() {
  const [draft, setDraft] = useState<RegistrationDraft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'form' });
  const summary = useRef<HTMLDivElement>(null);

  const set = (patch: Partial<RegistrationDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const showErrors = (next: FieldErrors, message: string | null) => {
    setErrors(next);
    setNotice(message);
    // After React has drawn the summary: move focus there so screen readers read it first.
    requestAnimationFrame(() => summary.current?.focus());
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    const local = validateDraft(draft);
    if (Object.keys(local).length > 0) return showErrors(local, 'Le formulaire contient des erreurs :');
    setSending(true);
    const answer = await postJson('/api/public/registrations', toPayload(draft));
    setSending(false);
    if (answer.status >= 200 && answer.status < 300) {
      window.scrollTo(0, 0);
      return setOutcome({ kind: 'sent', email: draft.email.trim() });
    }
    if (answer.status === 400 || answer.status === 409 || answer.status === 422) {
      const server = fieldErrorsFromBody(answer.body);
      return showErrors(server, messageOf(answer.body) ?? 'Le formulaire contient des erreurs :');
    }
    if (answer.status === 429) return showErrors({}, tooManyMessage(answer.retryAfter));
    if (answer.status === 0) return showErrors({}, NETWORK_ERROR);
    return showErrors({}, answer.status === 413 ? messageOf(answer.body) ?? SERVER_ERROR : SERVER_ERROR);
  }

  if (outcome.kind === 'sent') {
    return (
      <section className="card" aria-labelledby="sent-title">
        <h2 id="sent-title" tabIndex={-1}>
          Vérifiez votre boîte mail
        </h2>
        <p>
          Un message vient d'être envoyé à <strong>{outcome.email}</strong>. Ouvrez le lien qu'il contient puis appuyez sur
          « Confirmer mon inscription ».
        </p>
        <p>Sans confirmation, la demande est effacée. La mairie vérifie ensuite l'inscription avant de l'activer.</p>
        <p className="hint">Rien reçu ? Regardez dans les courriers indésirables, ou contactez la mairie.</p>
      </section>
    );
  }

  const errorEntries = Object.entries(errors);
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="form-title">
      <h2 id="form-title">Inscription</h2>
      <p className="hint">Tous les champs sont obligatoires, sauf ceux marqués « facultatif ».</p>

      {notice ? (
        <div className="summary" role="alert" tabIndex={-1} ref={summary}>
          <p>{notice}</p>
          {errorEntries.length > 0 ? (
            <ul>
              {errorEntries.map(([path, message]) => (
                <li key={path}>
                  <a href={`#${fieldId(path)}`}>
                    {summaryLabel(path)} : {message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <fieldset className="field">
        <legend>Cette inscription est</legend>
        {KINDS.map(({ kind, label }) => (
          <label className="check" key={kind}>
            <input type="radio" name="kind" value={kind} checked={draft.kind === kind} onChange={() => set({ kind })} />
            {label}
          </label>
        ))}
      </fieldset>

      {draft.kind === 'on_behalf' ? (
        <fieldset className="group">
          <legend>Vous, qui faites l'inscription</legend>
          <Field
            path="registrant.full_name"
            label="Votre nom et prénom"
            autoComplete="name"
            value={draft.registrant.full_name}
            onChange={(full_name) => set({ registrant: { ...draft.registrant, full_name } })}
            error={errors['registrant.full_name']}
          />
          <Field
            path="registrant.relation"
            label="Votre lien avec la personne (fils, voisine…)"
            value={draft.registrant.relation}
            onChange={(relation) => set({ registrant: { ...draft.registrant, relation } })}
            error={errors['registrant.relation']}
          />
          <Field
            path="registrant.email"
            label="Votre adresse e-mail"
            type="email"
            autoComplete="email"
            optional
            value={draft.registrant.email}
            onChange={(email) => set({ registrant: { ...draft.registrant, email } })}
            error={errors['registrant.email']}
          />
          <Field
            path="registrant.phone"
            label="Votre téléphone"
            type="tel"
            autoComplete="tel"
            optional
            value={draft.registrant.phone}
            onChange={(phone) => set({ registrant: { ...draft.registrant, phone } })}
            error={errors['registrant.phone']}
          />
        </fieldset>
      ) : null}

      <fieldset className="group">
        <legend>{draft.kind === 'self' ? 'Vous' : 'La personne inscrite'}</legend>
        <Field
          path="full_name"
          label="Nom et prénom"
          autoComplete={draft.kind === 'self' ? 'name' : 'off'}
          value={draft.full_name}
          onChange={(full_name) => set({ full_name })}
          error={errors.full_name}
        />
        <Field
          path="address"
          label="Adresse postale"
          hint="Numéro et rue, dans la commune (exemple : 12 rue de la Mairie)."
          autoComplete={draft.kind === 'self' ? 'street-address' : 'off'}
          value={draft.address}
          onChange={(address) => set({ address })}
          error={errors.address}
        />
        <Field
          path="email"
          label="Adresse e-mail"
          hint={draft.kind === 'self' ? undefined : 'Le lien de confirmation y sera envoyé.'}
          type="email"
          inputMode="email"
          autoComplete="email"
          value={draft.email}
          onChange={(email) => set({ email })}
          error={errors.email}
        />
        <Field
          path="phone"
          label="Téléphone mobile"
          hint="Pour recevoir les alertes par SMS."
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          optional
          value={draft.phone}
          onChange={(phone) => set(phone.trim() === '' ? { phone, channels: draft.channels.filter((c) => c !== 'sms') } : { phone })}
          error={errors.phone}
        />
        <ChannelChoice
          path="channels"
          legend="Être prévenu des alertes"
          channels={draft.channels}
          hasPhone={draft.phone.trim() !== ''}
          onChange={(channels) => set({ channels })}
          error={errors.channels}
        />
      </fieldset>

      {draft.kind === 'senior' ? (
        <section className="relatives" aria-labelledby="relatives-title">
          <h3 id="relatives-title">Les proches qui reçoivent les alertes</h3>
          <p className="hint" id={fieldId('relatives')}>
            De 1 à {MAX_RELATIVES} proches. Chacun confirmera ses coordonnées par le lien qu'il recevra.
          </p>
          <FieldError path="relatives" error={errors.relatives} />
          {draft.relatives.map((relative, index) => (
            <RelativeFields
              key={index}
              index={index}
              relative={relative}
              errors={errors}
              onChange={(next) => set({ relatives: draft.relatives.map((r, i) => (i === index ? next : r)) })}
              onRemove={draft.relatives.length > 1 ? () => set({ relatives: draft.relatives.filter((_, i) => i !== index) }) : undefined}
            />
          ))}
          {draft.relatives.length < MAX_RELATIVES ? (
            <button type="button" className="secondary" onClick={() => set({ relatives: [...draft.relatives, emptyRelative()] })}>
              Ajouter un proche
            </button>
          ) : null}
        </section>
      ) : null}

      <div className={errors['consent.accepted'] ? 'field field-invalid' : 'field'}>
        <p className="consent" id="consent-text">
          {CONSENT_TEXT} <span className="hint">(version {CONSENT_VERSION})</span>
        </p>
        <label className="check">
          <input
            type="checkbox"
            id={fieldId('consent.accepted')}
            checked={draft.consent}
            onChange={(event) => set({ consent: event.target.checked })}
            aria-invalid={errors['consent.accepted'] ? true : undefined}
            aria-describedby={['consent-text', errors['consent.accepted'] ? errorId('consent.accepted') : ''].join(' ').trim()}
          />
          J'ai lu ce texte et je donne mon accord
        </label>
        <FieldError path="consent.accepted" error={errors['consent.accepted']} />
      </div>

      {/* Honeypot: off-screen, out of the tab order and hidden from assistive technologies. */}
      <div className="hp" aria-hidden="true">
        <label htmlFor="website">Site web</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" value={draft.website} onChange={(event) => set({ website: event.target.value })} />
      </div>

      <button type="submit" className="primary" disabled={sending} aria-busy={sending}>
        {sending ? 'Envoi…' : "M'inscrire"}
      </button>
    </form>
  );
}
