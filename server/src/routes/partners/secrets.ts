import { randomBytes } from 'node:crypto';
import { open, seal } from '../../crypto/secretBox.ts';

/** 32 random bytes, written base64url: what the partner copies once and signs with. */
export const generateSecret = () => randomBytes(32).toString('base64url');

// The partner id is authenticated with the ciphertext: a secret copied onto another partner's row does not open.
const context = (partnerId: string) => `partners:${partnerId}`;

/** The HMAC key is the secret exactly as shown (its UTF-8 bytes), like Stripe's `whsec_…` strings. */
export const sealSecret = (key: Buffer, partnerId: string, secret: string) => seal(key, Buffer.from(secret, 'utf8'), context(partnerId));

export const openSecret = (key: Buffer, partnerId: string, ciphertext: Uint8Array) => open(key, ciphertext, context(partnerId));

let warned = false;

/** Once per process: secrets sealed under the built-in development key are as good as plain text. */
export function warnIfDevelopmentKey(env: { VIGIE_SECRET_KEY_IS_DEVELOPMENT: boolean }, logger: { warn(message: string): void }) {
  if (!env.VIGIE_SECRET_KEY_IS_DEVELOPMENT || warned) return;
  warned = true;
  logger.warn('VIGIE_SECRET_KEY is not set: partner secrets are sealed with a fixed development key. Set it (`openssl rand -base64 32`) before real partners connect.');
}
