import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits; only the SHA-256 of the token is stored. */
export const newSessionToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest();
