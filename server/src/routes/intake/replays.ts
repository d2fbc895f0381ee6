import { createHash } from 'node:crypto';
import { parseSignature, SIGNATURE_TOLERANCE_SECONDS } from './signature.ts';

/** Enough for 10 partners at 600 a minute over a whole signature window, in a few megabytes. */
export const MAX_REMEMBERED_SIGNATURES = 100_000;

/**
 * Signed requests already counted against their partner's rate, for as long as their signature is
 * valid. A captured request replayed is answered by the idempotency path (the same report, 200)
 * without using up the quota that the partner's next genuine alert needs. Per process and bounded:
 * with N processes a replay costs at most N counts, and only a partner's secret makes new entries.
 */
export function createSeenSignatures(options: { max?: number; now?: () => number } = {}) {
  const max = options.max ?? MAX_REMEMBERED_SIGNATURES;
  const now = options.now ?? Date.now;
  /** key → when its signature expires; Map order is insertion order, so the oldest go first. */
  const seen = new Map<string, number>();
  return {
    /** True the first time this (partner, t, body) is seen within its signature's validity. */
    firstSeen(partnerId: string, signature: string, body: Uint8Array): boolean {
      const t = parseSignature(signature)?.t;
      if (t === undefined) return true;
      const at = now();
      for (const [key, expires] of seen) {
        if (expires > at && seen.size < max) break;
        seen.delete(key);
      }
      const key = `${partnerId}\n${t}\n${createHash('sha256').update(body).digest('base64')}`;
      if (seen.has(key)) return false;
      seen.set(key, (t + SIGNATURE_TOLERANCE_SECONDS) * 1000);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}
