import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id minimum (m = 19 MiB, t = 2, p = 1). Algorithm 2 is argon2id. */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash must read as a failed sign-in, never a 500
  }
}
