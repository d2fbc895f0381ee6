import { createHash, randomBytes } from 'node:crypto';
import type { Sql, TxSql } from '@vigie/db';
import { enqueueMessage } from '../outbox/enqueue.ts';

type AnySql = Sql | TxSql;

/** A confirmation link is valid this long (double opt-in, relatives' contacts). */
export const CONFIRMATION_TTL_HOURS = 48;

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** A single-use token; only its hash is stored, like session tokens. */
export async function createConfirmationToken(tx: AnySql, purpose: 'member_email' | 'relative_contact', memberId: number, relativeId: number | null = null) {
  const token = randomBytes(32).toString('base64url');
  await tx`
    insert into confirmation_tokens (token_hash, purpose, member_id, relative_id, expires_at)
    values (${hashToken(token)}, ${purpose}, ${memberId}, ${relativeId},
            now() + make_interval(hours => ${CONFIRMATION_TTL_HOURS}))`;
  return token;
}

// The link opens a page with a « Confirmer » button that POSTs: a mail scanner prefetching it confirms nothing.
const confirmLink = (publicUrl: string, token: string) => `${publicUrl}/inscription/confirmer?token=${token}`;

/** The resident's double opt-in e-mail. */
export async function queueMemberConfirmation(tx: AnySql, publicUrl: string, member: { id: number; email: string }) {
  const token = await createConfirmationToken(tx, 'member_email', member.id);
  await enqueueMessage(tx, {
    channel: 'email',
    to: member.email,
    subject: 'Confirmez votre inscription au réseau Voisins vigilants et solidaires',
    body:
      'Bonjour,\n\nVous (ou un proche) avez demandé à rejoindre le réseau Voisins vigilants et solidaires de la commune.\n' +
      `Pour confirmer votre adresse e-mail, ouvrez ce lien puis cliquez sur « Confirmer » (valable ${CONFIRMATION_TTL_HOURS} heures) :\n\n` +
      `${confirmLink(publicUrl, token)}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message : sans confirmation, elle sera effacée.\n`,
    kind: 'member_confirmation',
    member_id: member.id,
  });
}

/** A senior's relative confirms the contacts given for them: by e-mail if they have one, else by SMS. */
export async function queueRelativeConfirmation(
  tx: AnySql,
  publicUrl: string,
  relative: { id: number; member_id: number; email: string | null; phone: string | null },
) {
  if (!relative.email && !relative.phone) return;
  const token = await createConfirmationToken(tx, 'relative_contact', relative.member_id, relative.id);
  const link = confirmLink(publicUrl, token);
  await enqueueMessage(tx, relative.email
    ? {
        channel: 'email',
        to: relative.email,
        subject: 'Confirmez vos coordonnées de proche – Voisins vigilants et solidaires',
        body:
          'Bonjour,\n\nVous avez été indiqué(e) comme proche d’une personne âgée inscrite au réseau Voisins vigilants et solidaires : ' +
          'vous recevrez les alertes à sa place.\n' +
          `Pour confirmer vos coordonnées, ouvrez ce lien puis cliquez sur « Confirmer » (valable ${CONFIRMATION_TTL_HOURS} heures) :\n\n${link}\n`,
        kind: 'relative_confirmation',
        member_id: relative.member_id,
        relative_id: relative.id,
      }
    : {
        channel: 'sms',
        to: relative.phone!,
        body: `Voisins vigilants : vous êtes le proche d'une personne inscrite. Confirmez vos coordonnées : ${link}`,
        kind: 'relative_confirmation',
        member_id: relative.member_id,
        relative_id: relative.id,
      });
}
