/**
 * Create a real staff account from the command line (production has no demo accounts):
 *   pnpm user:create --email chef@ville.fr --name "Claire Dubois" --role supervisor
 * The password is read from VIGIE_NEW_PASSWORD or asked on the terminal (never a CLI argument,
 * which would end up in the shell history and the process list).
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { connectDatabase, hashPassword, migrate } from '@vigie/db';
import { isRole, ROLES } from '@vigie/shared';
import { passwordProblem } from '../auth/passwordPolicy.ts';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
});
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

const email = values.email?.trim().toLowerCase() ?? fail('Missing --email');
const fullName = values.name?.trim() ?? fail('Missing --name');
const role = values.role ?? fail(`Missing --role (${ROLES.join(', ')})`);
if (!isRole(role)) fail(`Unknown role "${role}" (${ROLES.join(', ')})`);
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail('Invalid e-mail');

let password = process.env.VIGIE_NEW_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  password = await rl.question('Password (12–128 characters): ');
  rl.close();
}
const problem = passwordProblem(password, { email, full_name: fullName });
if (problem) fail(`Password refused: ${problem}`);

const db = await connectDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.VIGIE_DATA_DIR });
try {
  await migrate(db.sql);
  const [row] = await db.sql`
    insert into staff (email, full_name, role, password_hash)
    values (${email}, ${fullName}, ${role}, ${await hashPassword(password)})
    on conflict (email) do nothing returning id`;
  if (!row) fail(`An account already exists for ${email}`);
  await db.sql`insert into audit_log (staff_id, action, resource, record_id) values (null, 'create', 'staff', ${String(row!.id)})`;
  console.log(`Created ${role} account #${row!.id} for ${email}`);
} finally {
  await db.close();
}
