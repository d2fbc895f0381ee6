import { createSecretKey, type KeyObject } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Deps } from '../../context.ts';
import { SecretBoxError } from '../../crypto/secretBox.ts';
import { findPartnerCredentials, type PartnerCredentials } from './queries.ts';
import { openSecret } from './secrets.ts';

/** A partner as a signature check needs it, its secrets opened. */
export interface PartnerKeys {
  id: string;
  name: string;
  disabled: boolean;
  rate_per_minute: number;
  /** Null when it no longer opens (the server key changed): the partner must be given a new one. */
  current: KeyObject | null;
  /** During a rotation overlap: the old secret, until `expiresAt` (epoch ms). */
  previous: { secret: KeyObject; expiresAt: number } | null;
}

export interface Keyring {
  /** The partner, or undefined when no partner has this id. */
  get(id: string): Promise<PartnerKeys | undefined>;
  /** Drop what this process holds about a partner (it was changed: see the `partner_changed` fan-out). */
  forget(id: string): void;
}

/**
 * How long a process may go on using what it read about a partner. Every change made through the
 * API is also pushed to every process at once (fan-out), so this only bounds a change made behind
 * the API's back (psql) and a fetch that raced with a change.
 */
export const KEYRING_TTL_MS = 5_000;

/**
 * Partners' credentials, cached per process: every signed request needs them, and reading and
 * opening them (a query, an AES-GCM open per secret) costs more than the rest of the check. Unknown
 * ids are cached too, in a bounded LRU, so a flood of made-up ids does not reach the database.
 */
export function createKeyring(deps: Pick<Deps, 'sql' | 'env' | 'logger'>): Keyring {
  const cache = new LRUCache<string, { partner: PartnerKeys | null }>({
    max: 1_000,
    ttl: KEYRING_TTL_MS,
    // Concurrent misses on one id share a single query.
    fetchMethod: async (id) => {
      const row = await findPartnerCredentials(deps.sql, id);
      return { partner: row ? openKeys(deps, row) : null };
    },
  });
  return {
    async get(id) {
      return (await cache.fetch(id))?.partner ?? undefined;
    },
    forget(id) {
      cache.delete(id);
    },
  };
}

/** The secrets that verify a signature now: the current one, and the previous during its overlap. */
export function verifyingSecrets(partner: PartnerKeys, now = Date.now()): KeyObject[] {
  const secrets = partner.current ? [partner.current] : [];
  if (partner.previous && partner.previous.expiresAt > now) secrets.push(partner.previous.secret);
  return secrets;
}

function openKeys({ env, logger }: Pick<Deps, 'env' | 'logger'>, row: PartnerCredentials): PartnerKeys {
  // A secret that no longer opens is skipped, loudly: the partner gets 401s until it is rotated.
  const tryOpen = (box: Buffer | null) => {
    if (box === null) return null;
    try {
      return createSecretKey(openSecret(env.VIGIE_SECRET_KEY, row.id, box));
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      logger.error({ partner_id: row.id }, 'partner secret does not open: was VIGIE_SECRET_KEY changed? rotate the secret');
      return null;
    }
  };
  const previous = tryOpen(row.previous_secret_ciphertext);
  return {
    id: row.id,
    name: row.name,
    disabled: row.disabled,
    rate_per_minute: row.rate_per_minute,
    current: tryOpen(row.secret_ciphertext),
    previous: previous && row.previous_secret_expires_at ? { secret: previous, expiresAt: row.previous_secret_expires_at.getTime() } : null,
  };
}
