import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { KEY_BYTES, open, parseKey, seal, SecretBoxError } from './secretBox.ts';

const key = randomBytes(KEY_BYTES);
const secret = Buffer.from('vigie-demo-partner-secret');

describe('secretBox (AES-256-GCM)', () => {
  it('opens what it sealed, with a fresh nonce every time', () => {
    const a = seal(key, secret, 'partners:vvs-demo');
    const b = seal(key, secret, 'partners:vvs-demo');
    expect(open(key, a, 'partners:vvs-demo')).toEqual(secret);
    expect(a.equals(b)).toBe(false);
    expect(a[0]).toBe(1); // version byte
    expect(a.length).toBe(1 + 12 + secret.length + 16);
    expect(a.includes(secret)).toBe(false);
  });

  it('refuses an altered byte anywhere, another key, another context, an unknown version', () => {
    const box = seal(key, secret, 'partners:a');
    for (let i = 0; i < box.length; i++) {
      const altered = Buffer.from(box);
      altered[i]! ^= 0x01;
      expect(() => open(key, altered, 'partners:a'), `byte ${i}`).toThrow(SecretBoxError);
    }
    expect(() => open(randomBytes(KEY_BYTES), box, 'partners:a')).toThrow(/does not open/);
    expect(() => open(key, box, 'partners:b')).toThrow(SecretBoxError);
    expect(() => open(key, box.subarray(0, 20), 'partners:a')).toThrow(/too short/);
    expect(() => seal(randomBytes(16), secret)).toThrow(/32 bytes/);
  });

  it('reads a 32-byte key in hex, base64 or base64url, and nothing else', () => {
    const raw = randomBytes(KEY_BYTES);
    expect(parseKey(raw.toString('hex'))).toEqual(raw);
    expect(parseKey(raw.toString('hex').toUpperCase())).toEqual(raw);
    expect(parseKey(raw.toString('base64'))).toEqual(raw);
    expect(parseKey(` ${raw.toString('base64url')}\n`)).toEqual(raw);
    for (const bad of ['', 'short', raw.toString('hex').slice(2), randomBytes(31).toString('base64'), randomBytes(33).toString('base64'), 'é'.repeat(44)]) {
      expect(parseKey(bad), bad).toBeNull();
    }
  });
});

describe('VIGIE_SECRET_KEY', () => {
  const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/vigie' };

  it('is required in production, with a readable message', () => {
    expect(() => parseEnv(base)).toThrow(/VIGIE_SECRET_KEY: required in production/);
    expect(() => parseEnv({ ...base, VIGIE_SECRET_KEY: 'not a key' })).toThrow(/VIGIE_SECRET_KEY: must be 32 bytes/);
    const raw = randomBytes(KEY_BYTES);
    const env = parseEnv({ ...base, VIGIE_SECRET_KEY: raw.toString('base64') });
    expect(env.VIGIE_SECRET_KEY).toEqual(raw);
    expect(env.VIGIE_SECRET_KEY_IS_DEVELOPMENT).toBe(false);
  });

  it('falls back to a fixed development key outside production, and says so', () => {
    const a = parseEnv({ NODE_ENV: 'development' });
    const b = parseEnv({ NODE_ENV: 'test', VIGIE_SECRET_KEY: '' });
    expect(a.VIGIE_SECRET_KEY_IS_DEVELOPMENT).toBe(true);
    expect(a.VIGIE_SECRET_KEY).toHaveLength(KEY_BYTES);
    expect(b.VIGIE_SECRET_KEY).toEqual(a.VIGIE_SECRET_KEY); // fixed: a restarted demo still opens its secrets
  });
});
