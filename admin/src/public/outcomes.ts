import { messageOf, NETWORK_ERROR, SERVER_ERROR, tooManyMessage, type ApiAnswer } from './api.ts';

export type Outcome = { tone: 'success' | 'error'; title: string; text: string };

/**
 * What the resident reads after pressing « Confirmer »: the server's French message when it gives
 * one (it knows whether the link expired or was used), else a plain one for the status.
 */
export function confirmationOutcome(answer: ApiAnswer): Outcome {
  const server = messageOf(answer.body);
  if (answer.status >= 200 && answer.status < 300)
    return {
      tone: 'success',
      title: 'Inscription confirmée',
      text: "Merci. La mairie va vérifier votre inscription ; vous recevrez un message dès qu'elle sera validée.",
    };
  if (answer.status === 409)
    return { tone: 'error', title: 'Lien déjà utilisé', text: server ?? 'Cette inscription a déjà été confirmée : il n’y a rien d’autre à faire.' };
  // The server answers 410 for a used and for an expired link alike; its message tells which.
  if (answer.status === 410)
    return {
      tone: 'error',
      title: 'Lien déjà utilisé ou expiré',
      text: server ?? 'Ce lien ne fonctionne plus. Inscrivez-vous à nouveau : un nouveau lien vous sera envoyé.',
    };
  if (answer.status === 404)
    return { tone: 'error', title: 'Lien inconnu', text: server ?? 'Ce lien ne correspond à aucune inscription. Copiez le lien entier reçu par e-mail.' };
  if (answer.status === 400) return { tone: 'error', title: 'Lien incomplet', text: server ?? 'Copiez le lien entier reçu par e-mail.' };
  if (answer.status === 429) return { tone: 'error', title: 'Trop de tentatives', text: tooManyMessage(answer.retryAfter) };
  if (answer.status === 0) return { tone: 'error', title: 'Pas de connexion', text: NETWORK_ERROR };
  return { tone: 'error', title: 'Erreur', text: SERVER_ERROR };
}

const CHANNEL_NAMES: Record<string, string> = { sms: 'par SMS', email: 'par e-mail' };

export function unsubscribeOutcome(answer: ApiAnswer): Outcome {
  const server = messageOf(answer.body);
  if (answer.status >= 200 && answer.status < 300) {
    const channel = (answer.body as { channel?: unknown } | null)?.channel;
    const how = typeof channel === 'string' ? CHANNEL_NAMES[channel] : undefined;
    return {
      tone: 'success',
      title: 'Désinscription enregistrée',
      text: `Vous ne recevrez plus les alertes${how ? ` ${how}` : ''}. Pour vous réinscrire, contactez la mairie.`,
    };
  }
  if (answer.status === 404 || answer.status === 410 || answer.status === 400)
    return { tone: 'error', title: 'Lien invalide', text: server ?? 'Ce lien de désinscription ne fonctionne pas. Contactez la mairie.' };
  if (answer.status === 429) return { tone: 'error', title: 'Trop de tentatives', text: tooManyMessage(answer.retryAfter) };
  if (answer.status === 0) return { tone: 'error', title: 'Pas de connexion', text: NETWORK_ERROR };
  return { tone: 'error', title: 'Erreur', text: SERVER_ERROR };
}
