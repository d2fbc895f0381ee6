import type { Sql } from '@vigie/db';
import { SecretBoxError } from '../../crypto/secretBox.ts';
import { openSecret, sealSecret } from './secrets.ts';

/** Published in the README: anyone can sign as this partner, which is why it exists only in demo mode. */
export const DEMO_PARTNER = {
  id: 'vvs-demo',
  name: 'Voisins vigilants – plateforme de démonstration',
  secret: 'vigie-demo-partner-secret',
} as const;

/**
 * Demo mode only (the caller checks): make sure the partner of the seeded platform reports exists.
 * Idempotent; an existing row is left alone (an admin may have rotated its secret) unless its
 * secret no longer opens, i.e. the server key changed since the demo was seeded.
 */
export async function ensureDemoPartner(sql: Sql, key: Buffer): Promise<'created' | 'resealed' | 'present'> {
  const sealed = sealSecret(key, DEMO_PARTNER.id, DEMO_PARTNER.secret);
  const [inserted] = await sql`
    insert into partners (id, name, secret_ciphertext) values (${DEMO_PARTNER.id}, ${DEMO_PARTNER.name}, ${sealed})
    on conflict (id) do nothing returning id`;
  if (inserted) return 'created';
  const [row] = await sql<{ secret_ciphertext: Buffer }[]>`select secret_ciphertext from partners where id = ${DEMO_PARTNER.id}`;
  try {
    openSecret(key, DEMO_PARTNER.id, row!.secret_ciphertext);
    return 'present';
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    await sql`
      update partners set secret_ciphertext = ${sealed}, previous_secret_ciphertext = null,
                          previous_secret_expires_at = null, updated_at = now()
      where id = ${DEMO_PARTNER.id}`;
    return 'resealed';
  }
}
