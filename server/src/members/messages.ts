import type { MemberDecisionReason } from '@vigie/shared';

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
