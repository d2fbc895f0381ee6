import { useState, type ReactNode } from 'react';
import { postJson, type ApiAnswer } from './api.ts';
import type { Outcome } from './outcomes.ts';

interface Props {
  title: string;
  intro: ReactNode;
  button: string;
  endpoint: string;
  /** null: the link has no token at all, nothing to send. */
  body: Record<string, string> | null;
  outcomeOf: (answer: ApiAnswer) => Outcome;
}

/**
 * A page reached from a link in a message: nothing happens on load (a mail scanner that opens the
 * link must not confirm or unsubscribe anyone), only the button sends the POST.
 */
export function TokenActionPage({ title, intro, button, endpoint, body, outcomeOf }: Props) {
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function act() {
    if (!body || sending) return;
    setSending(true);
    setOutcome(outcomeOf(await postJson(endpoint, body)));
    setSending(false);
  }

  if (outcome)
    return (
      <section className={`card outcome outcome-${outcome.tone}`} role={outcome.tone === 'error' ? 'alert' : 'status'}>
        <h2>{outcome.title}</h2>
        <p>{outcome.text}</p>
      </section>
    );

  return (
    <section className="card" aria-labelledby="action-title">
      <h2 id="action-title">{title}</h2>
      {body ? (
        <>
          {intro}
          <button type="button" className="primary" onClick={act} disabled={sending} aria-busy={sending}>
            {sending ? 'Envoi…' : button}
          </button>
        </>
      ) : (
        <p role="alert">Ce lien est incomplet : ouvrez le lien entier reçu dans le message.</p>
      )}
    </section>
  );
}
