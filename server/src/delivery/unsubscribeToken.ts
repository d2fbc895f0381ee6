import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Channel } from '@vigie/shared';

export interface UnsubscribeSubject {
  kind: 'member' | 'relative';
  id: number;
  channel: Channel;
}

// A subkey of VIGIE_SECRET_KEY used for nothing else, so a token can never pass for another signature.
const subkey = (secret: Buffer) => createHmac('sha256', secret).update('vigie:unsubscribe:v1').digest();

/** `<payload>.<mac>`, both base64url: names the person and the channel; it does not expire (RFC 8058 links live in old mail). */
export function signUnsubscribeToken(secret: Buffer, subject: UnsubscribeSubject): string {
  const payload = Buffer.from(`${subject.kind === 'member' ? 'm' : 'r'}:${subject.id}:${subject.channel}`).toString('base64url');
  const mac = createHmac('sha256', subkey(secret)).update(payload).digest('base64url');
  return `${payload}.${mac}`;
}

export function verifyUnsubscribeToken(secret: Buffer, token: string): UnsubscribeSubject | null {
  if (token.length > 200) return null;
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) return null;
  const expected = createHmac('sha256', subkey(secret)).update(payload).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const match = /^([mr]):([1-9]\d{0,9}):(email|sms)$/.exec(Buffer.from(payload, 'base64url').toString());
  if (!match || Number(match[2]) > 2147483647) return null;
  return { kind: match[1] === 'm' ? 'member' : 'relative', id: Number(match[2]), channel: match[3] as Channel };
}
