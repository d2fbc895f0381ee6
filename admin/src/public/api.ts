/** The answer of a public API call: status and parsed JSON body (null when there is none). */
export interface ApiAnswer {
  status: number;
  body: unknown;
  retryAfter: number | null;
}

/**
 * POST JSON to the same origin, no session involved. A network failure answers status 0, so every
 * page has one place to say « vérifiez votre connexion » instead of throwing.
 */
export async function postJson(path: string, body: unknown): Promise<ApiAnswer> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
    });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    const retry = Number(response.headers.get('Retry-After'));
    return { status: response.status, body: parsed, retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null };
  } catch {
    return { status: 0, body: null, retryAfter: null };
  }
}

export const messageOf = (body: unknown): string | undefined => {
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
};

/** « Réessayez dans 3 minutes » from a Retry-After in seconds. */
export function tooManyMessage(retryAfter: number | null): string {
  if (!retryAfter) return 'Trop de demandes depuis votre connexion. Réessayez dans quelques minutes.';
  const minutes = Math.ceil(retryAfter / 60);
  return `Trop de demandes depuis votre connexion. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`;
}

export const NETWORK_ERROR = "Le serveur n'a pas pu être joint. Vérifiez votre connexion puis réessayez.";
export const SERVER_ERROR = 'Une erreur est survenue de notre côté. Réessayez plus tard ou contactez la mairie.';
