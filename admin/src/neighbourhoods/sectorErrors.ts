import { HttpError } from 'react-admin';

export interface SectorErrors {
  name?: string;
  area?: string;
  form?: string;
}

/**
 * The server's per-field messages (400 on `area` or `area.3.1`, 409 on `name`) go under their
 * field; anything else is said once for the whole form, in the server's words when it gave some.
 */
export function sectorErrors(error: unknown, fallback: string): SectorErrors {
  const body = error instanceof HttpError ? (error.body as { message?: string; errors?: Record<string, string> } | undefined) : undefined;
  const fields = body?.errors ?? {};
  const area = Object.entries(fields).find(([key]) => key === 'area' || key.startsWith('area.'))?.[1];
  const name = fields.name;
  if (area || name) return { ...(area ? { area } : {}), ...(name ? { name } : {}) };
  return { form: body?.message ?? fallback };
}
