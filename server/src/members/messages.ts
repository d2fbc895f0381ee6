import type { MemberDecisionReason } from '@vigie/shared';
import type { MemberNotice } from './notify.ts';

/** The reasons in words, as the resident reads them in the decision e-mail. */
export const DECISION_REASON_FR: Record<MemberDecisionReason, string> = {
  outside_commune: 'votre adresse se trouve en dehors de la commune',
  duplicate: 'vous êtes déjà inscrit(e) au réseau',
  unverifiable_address: 'nous n’avons pas pu vérifier votre adresse',
  incomplete: 'votre inscription est incomplète',
  abuse: 'les règles du réseau n’ont pas été respectées',
  requested_by_member: 'vous l’avez demandé',
  other: 'une autre raison, précisée ci-dessous le cas échéant',
};

const SIGNATURE = '\n\nLa mairie – réseau Voisins vigilants et solidaires';

/** The decision e-mail for each action that changes what the resident receives. */
export function decisionMessage(action: 'approve' | 'reject' | 'suspend' | 'reinstate' | 'ban', reason: MemberDecisionReason | null) {
  const because = reason ? ` : ${DECISION_REASON_FR[reason]}.` : '.';
  switch (action) {
    case 'approve':
      return { subject: 'Votre inscription est validée', body: `Bonjour,\n\nVotre inscription au réseau Voisins vigilants et solidaires est validée. Vous recevrez désormais les alertes de la commune.${SIGNATURE}` };
    case 'reject':
      return { subject: 'Votre inscription n’a pas été retenue', body: `Bonjour,\n\nVotre inscription au réseau Voisins vigilants et solidaires n’a pas été retenue${because}\nPour toute question, contactez l’accueil de la mairie.${SIGNATURE}` };
    case 'suspend':
      return { subject: 'Votre participation est suspendue', body: `Bonjour,\n\nVotre participation au réseau Voisins vigilants et solidaires est suspendue${because}\nVous ne recevez plus les alertes pour le moment.${SIGNATURE}` };
    case 'reinstate':
      return { subject: 'Votre participation est rétablie', body: `Bonjour,\n\nVotre participation au réseau Voisins vigilants et solidaires est rétablie : vous recevez de nouveau les alertes.${SIGNATURE}` };
    case 'ban':
      return { subject: 'Votre participation a pris fin', body: `Bonjour,\n\nVotre participation au réseau Voisins vigilants et solidaires a pris fin${because}${SIGNATURE}` };
  }
}

type Decision = 'approve' | 'reject' | 'suspend' | 'reinstate' | 'ban';

/** The same decision in one SMS (no subject, short: one 160-character part where possible). */
const DECISION_SMS: Record<Decision, string> = {
  approve: 'Voisins vigilants : votre inscription est validée, vous recevrez les alertes de la commune.',
  reject: 'Voisins vigilants : votre inscription n’a pas été retenue. Renseignements à l’accueil de la mairie.',
  suspend: 'Voisins vigilants : votre participation est suspendue, vous ne recevez plus les alertes pour le moment.',
  reinstate: 'Voisins vigilants : votre participation est rétablie, vous recevez de nouveau les alertes.',
  ban: 'Voisins vigilants : votre participation au réseau a pris fin. Renseignements à l’accueil de la mairie.',
};

/** What a senior's relatives read: the alerts they receive in the senior's place start, pause or stop. */
const RELATIVE_TEXT: Record<Decision, string> = {
  approve: 'L’inscription de la personne âgée dont vous êtes le proche est validée : vous recevrez les alertes de la commune à sa place.',
  reject: 'L’inscription de la personne âgée dont vous êtes le proche n’a pas été retenue : vous ne recevrez pas d’alertes à sa place.',
  suspend: 'La participation de la personne âgée dont vous êtes le proche est suspendue : vous ne recevez plus les alertes pour le moment.',
  reinstate: 'La participation de la personne âgée dont vous êtes le proche est rétablie : vous recevez de nouveau les alertes.',
  ban: 'La participation de la personne âgée dont vous êtes le proche a pris fin : vous ne recevrez plus les alertes.',
};

/** A staff decision as the notice `notifyMember` sends (the clerk's note only on unfavourable decisions). */
export function decisionNotice(action: Decision, reason: MemberDecisionReason | null, note: string | null): MemberNotice {
  const message = decisionMessage(action, reason);
  const withNote = note && action !== 'approve' && action !== 'reinstate' ? `${message.body}\n\nPrécision : ${note}` : message.body;
  return {
    subject: message.subject,
    body: withNote,
    sms: DECISION_SMS[action],
    kind: 'member_decision',
    relative: { subject: message.subject, body: `Bonjour,\n\n${RELATIVE_TEXT[action]}${SIGNATURE}`, sms: `Voisins vigilants : ${RELATIVE_TEXT[action]}` },
  };
}

/** « Demander un justificatif de domicile »: how to send it, and the clerk's own words if any. */
export function proofNotice(note: string | null): MemberNotice {
  const body =
    'Bonjour,\n\nPour valider votre inscription au réseau Voisins vigilants et solidaires, la mairie a besoin d’un justificatif de domicile ' +
    '(facture d’énergie, quittance de loyer, avis d’imposition… de moins de trois mois).\n' +
    'Vous pouvez le déposer à l’accueil de la mairie ou le renvoyer en réponse à ce message.' +
    (note ? `\n\nPrécision : ${note}` : '') +
    SIGNATURE;
  return {
    subject: 'Justificatif de domicile demandé pour votre inscription',
    body,
    sms: 'Voisins vigilants : pour valider votre inscription, déposez un justificatif de domicile de moins de 3 mois à l’accueil de la mairie.',
    kind: 'member_proof_request',
    relative: null,
  };
}
