import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';

/** A partner's secret: as typed, as bytes, or as a KeyObject made once (cheaper to use on every request). */
export type SigningKey = string | Uint8Array | KeyObject;

/**
 * Stripe's webhook scheme: `X-Vigie-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 * Shared by the intake route, its tests, `pnpm simulate` and the benchmark; no server imports here.
 */
export const PARTNER_HEADER = 'X-Vigie-Partner';
export const SIGNATURE_HEADER = 'X-Vigie-Signature';
/** A signature older or newer than this answers 401, so a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const nowSeconds = () => Math.floor(Date.now() / 1000);

function hmac(secret: SigningKey, t: number, body: string | Uint8Array): Buffer {
  return createHmac('sha256', typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret)
    .update(`${t}.`)
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest();
}

/** The `X-Vigie-Signature` value for a body (sign the exact bytes you send). */
export function signPayload(secret: SigningKey, body: string | Uint8Array, t: number = nowSeconds()): string {
  return `t=${t},v1=${hmac(secret, t, body).toString('hex')}`;
}

/** Both headers, ready to spread into `fetch`'s headers. */
export const signedHeaders = (partnerId: string, secret: SigningKey, body: string | Uint8Array, t?: number) => ({
  'content-type': 'application/json',
  [PARTNER_HEADER]: partnerId,
  [SIGNATURE_HEADER]: signPayload(secret, body, t),
});

/** `t` and every `v1` (several may be sent while a partner rolls a new secret out); null when malformed. */
export function parseSignature(header: string): { t: number; v1: Buffer[] } | null {
  if (header.length > 1024) return null;
  let t: number | null = null;
  const v1: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (rest.length || value === undefined) return null;
    if (key === 't') {
      if (t !== null || !/^\d{1,12}$/.test(value)) return null;
      t = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/i.test(value)) return null;
      v1.push(Buffer.from(value, 'hex'));
    } // other schemes (v0…) are ignored, as Stripe does
  }
  return t === null || v1.length === 0 ? null : { t, v1 };
}

export type Verdict = 'valid' | 'invalid' | 'expired';

/**
 * Constant-time check of every `v1` against every secret that may verify (current, and the previous
 * one during a rotation overlap). `expired` only once the signature itself is right, so the
 * partner learns its clock is off without an attacker learning anything.
 */
export function verifySignature(header: string | undefined, body: Uint8Array, secrets: SigningKey[], now: number = nowSeconds()): Verdict {
  const parsed = header ? parseSignature(header) : null;
  if (!parsed) return 'invalid';
  let matched = false;
  for (const secret of secrets) {
    const expected = hmac(secret, parsed.t, body);
    for (const candidate of parsed.v1) {
      if (timingSafeEqual(expected, candidate)) matched = true;
    }
  }
  if (!matched) return 'invalid';
  return Math.abs(now - parsed.t) > SIGNATURE_TOLERANCE_SECONDS ? 'expired' : 'valid';
}
