import type { Role } from '@vigie/shared';
import { hashPassword } from '../src/passwords.ts';
import type { TxSql } from '../src/types.ts';

export const DEMO_PASSWORD = 'vigie-demo';

/** The accounts the README and the sign-in page advertise, one per role. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; full_name: string; role: Role }> = [
  { email: 'agent@vigie.test', full_name: 'Julien Marchand', role: 'officer' },
  { email: 'chef@vigie.test', full_name: 'Claire Dubois', role: 'supervisor' },
  { email: 'mairie@vigie.test', full_name: 'Sophie Lemaire', role: 'townhall' },
  { email: 'admin@vigie.test', full_name: 'Thomas Garnier', role: 'admin' },
];

/** More officers, so that reports are spread over a realistic team. */
const TEAM: ReadonlyArray<{ email: string; full_name: string; role: Role }> = [
  { email: 'k.benali@vigie.test', full_name: 'Karim Benali', role: 'officer' },
  { email: 'l.fontaine@vigie.test', full_name: 'Léa Fontaine', role: 'officer' },
  { email: 'm.rousseau@vigie.test', full_name: 'Mathieu Rousseau', role: 'officer' },
  { email: 'n.diallo@vigie.test', full_name: 'Nadia Diallo', role: 'officer' },
];

export interface SeededStaff {
  /** Officers first; the demo officer is the first one. */
  officers: number[];
  supervisors: number[];
  count: number;
}

export interface StaffRow {
  email: string;
  full_name: string;
  role: Role;
  password_hash: string;
  is_demo: boolean;
  created_at: Date;
  updated_at: Date;
}

/** Hashing is the slow part (argon2id): done before the transaction opens, not inside it. */
export async function prepareStaff(createdAt: Date): Promise<StaffRow[]> {
  const accounts = [...DEMO_ACCOUNTS, ...TEAM];
  // One hash per account (distinct salts); the native hasher runs them in parallel.
  const hashes = await Promise.all(accounts.map(() => hashPassword(DEMO_PASSWORD)));
  return accounts.map((account, index) => ({
    ...account,
    password_hash: hashes[index] ?? '',
    is_demo: true,
    created_at: createdAt,
    updated_at: createdAt,
  }));
}

export async function insertStaff(tx: TxSql, rows: StaffRow[]): Promise<SeededStaff> {
  const values = tx(rows, 'email', 'full_name', 'role', 'password_hash', 'is_demo', 'created_at', 'updated_at');
  const inserted = await tx<{ id: number; role: Role }[]>`insert into staff ${values} returning id, role`;
  return {
    officers: inserted.filter((s) => s.role === 'officer').map((s) => s.id),
    supervisors: inserted.filter((s) => s.role === 'supervisor').map((s) => s.id),
    count: inserted.length,
  };
}
