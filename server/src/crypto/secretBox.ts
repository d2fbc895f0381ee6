import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for small secrets at rest (partner secrets: HMAC needs the secret itself, so it
 * cannot be hashed). Layout: version (1 byte) ‖ nonce (12) ‖ ciphertext ‖ tag (16). The version
 * byte and the caller's `context` (e.g. the row's id) are authenticated, so a box copied onto
 * another row, or altered in any byte, does not open.
 */
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export class SecretBoxError extends Error {}

const associated = (version: number, context: string) => Buffer.concat([Buffer.of(version), Buffer.from(context, 'utf8')]);

export function seal(key: Buffer, plaintext: Uint8Array, context = ''): Buffer {
  if (key.length !== KEY_BYTES) throw new SecretBoxError(`The key must be ${KEY_BYTES} bytes`);
  // A random 96-bit nonce is safe for far more secrets than a police service will ever seal.
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associated(VERSION, context));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), nonce, body, cipher.getAuthTag()]);
}

export function open(key: Buffer, box: Uint8Array, context = ''): Buffer {
  if (key.length !== KEY_BYTES) throw new SecretBoxError(`The key must be ${KEY_BYTES} bytes`);
  const data = Buffer.from(box.buffer, box.byteOffset, box.byteLength);
  if (data.length < 1 + NONCE_BYTES + TAG_BYTES) throw new SecretBoxError('Sealed value too short');
  if (data[0] !== VERSION) throw new SecretBoxError(`Unknown sealed-value version ${data[0]}`);
  const nonce = data.subarray(1, 1 + NONCE_BYTES);
  const body = data.subarray(1 + NONCE_BYTES, data.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(associated(VERSION, context));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new SecretBoxError('Sealed value does not open with this key (wrong VIGIE_SECRET_KEY, or altered data)');
  }
}

/** A 32-byte key written as hex (64 digits) or base64 / base64url (43–44 characters); null otherwise. */
export function parseKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(value)) {
    const key = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return key.length === KEY_BYTES ? key : null;
  }
  return null;
}
