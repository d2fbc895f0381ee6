import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isProcessAlive, TEST_ADMIN_URL, throwawayDatabases } from '@vigie/db/testing';
import { freePort, startServerProcess, type ServerProcess } from '../server/src/test/serverProcess.ts';
import { serveControl, STATE_ENV } from './testServer.ts';
import { INBOX_ENV, startSmtpInbox } from './smtpInbox.ts';

const ADMIN_DIST = path.resolve(import.meta.dirname, '../admin/dist');
const ADMIN_COPY_PREFIX = 'vigie-e2e-admin-';

const databases = throwawayDatabases('vigie_e2e', process.env.VIGIE_E2E_ADMIN_URL ?? TEST_ADMIN_URL);

const removeAdminCopy = (dir: string) => rmSync(dir, { recursive: true, force: true });

/**
 * A private copy of the built dashboard for this run. A build started meanwhile on the same
 * checkout (another `pnpm test:e2e`, `pnpm start`) empties admin/dist and renames every chunk,
 * which would break pages in the middle of a test. Copies left by killed runs are removed.
 */
function copyAdminDist(): string {
  if (!existsSync(path.join(ADMIN_DIST, 'index.html'))) {
    throw new Error(`${ADMIN_DIST}/index.html is missing: build the admin first (run \`pnpm test:e2e\` from the root).`);
  }
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(name.startsWith(ADMIN_COPY_PREFIX) ? name.slice(ADMIN_COPY_PREFIX.length) : Number.NaN);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isProcessAlive(pid)) removeAdminCopy(path.join(tmpdir(), name));
  }
  const copy = path.join(tmpdir(), `${ADMIN_COPY_PREFIX}${process.pid}`);
  removeAdminCopy(copy);
  cpSync(ADMIN_DIST, copy, { recursive: true });
  // Copied while a build was rewriting it? Then the entry points would be missing.
  const html = readFileSync(path.join(copy, 'index.html'), 'utf8');
  const missing = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!).filter((asset) => !existsSync(path.join(copy, asset)));
  if (missing.length) throw new Error(`admin/dist changed while it was copied (missing ${missing.join(', ')}): run again.`);
  return copy;
}

/**
 * A throwaway database on the machine's PostgreSQL, then the real server on a free port with the
 * demo data seeded into it; what it returns is the global teardown. Workers start after this and
 * inherit `process.env`, so the config's `baseURL` (re-read in each worker) sees the port chosen
 * here, and specs find the control endpoint through which they may stop and start the server
 * (`testServer` in testServer.ts).
 */
export default async function globalSetup() {
  const stale = await databases.dropOrphans();
  if (stale.length) console.log(`[e2e] dropped ${stale.length} database(s) left by killed runs: ${stale.join(', ')}`);

  const adminDist = copyAdminDist();
  // The server mails residents (confirmation links) through a real SMTP server on loopback.
  const inbox = await startSmtpInbox();
  const database = await databases.create();
  // PUBLIC_URL must name the port before the server starts: its origin checks use it.
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  let server: ServerProcess;
  try {
    server = await startServerProcess({
      env: {
        DATABASE_URL: database.url,
        PORT: String(port),
        VIGIE_DEMO: '1',
        NODE_ENV: 'test',
        PUBLIC_URL: baseURL,
        LOG_LEVEL: 'warn',
        ADMIN_DIST: adminDist,
        SMTP_URL: inbox.smtpUrl,
      },
    });
  } catch (error) {
    await inbox.stop();
    await database.drop();
    removeAdminCopy(adminDist);
    throw error;
  }
  process.env[STATE_ENV.baseURL] = baseURL;
  process.env[INBOX_ENV] = inbox.inboxUrl;
  process.env[STATE_ENV.control] = await serveControl({
    stop: () => server.stop(),
    async start() {
      const before = server.pid;
      await server.start();
      if (server.pid !== before) console.log(`[e2e] server restarted on ${baseURL} (pid ${server.pid})`);
    },
  });
  console.log(`[e2e] server ${baseURL} (pid ${server.pid}) on database ${database.name}`);

  // If the runner dies without this, the server still stops: it watches its IPC channel to the runner.
  return async function globalTeardown() {
    await server.stop();
    await inbox.stop();
    await database.drop();
    removeAdminCopy(adminDist);
  };
}
