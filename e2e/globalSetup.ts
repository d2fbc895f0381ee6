import {
  copyAdminDist,
  createDatabase,
  dropDatabase,
  dropStaleDatabases,
  removeAdminCopy,
  serveControl,
  startServer,
  stopServer,
  STATE_ENV,
  type StartedServer,
} from './testServer.ts';

/**
 * A throwaway database on the machine's PostgreSQL, then the real server on a free port with the
 * demo data seeded into it. Workers start after this and inherit `process.env`, so the config's
 * `baseURL` (re-read in each worker) sees the port chosen here, and specs find the control
 * endpoint through which they may stop and start the server (`testServer` in testServer.ts).
 */
export default async function globalSetup() {
  const stale = await dropStaleDatabases();
  if (stale.length) console.log(`[e2e] dropped ${stale.length} database(s) left by killed runs: ${stale.join(', ')}`);

  const adminDist = copyAdminDist();
  process.env[STATE_ENV.adminDist] = adminDist;
  const database = await createDatabase();
  let server: StartedServer | null;
  try {
    server = await startServer(database, { adminDist });
  } catch (error) {
    await dropDatabase(database);
    removeAdminCopy(adminDist);
    throw error;
  }
  const port = Number(new URL(server.baseURL).port);
  process.env[STATE_ENV.database] = database;
  process.env[STATE_ENV.pid] = String(server.child.pid!);
  process.env[STATE_ENV.baseURL] = server.baseURL;
  process.env[STATE_ENV.control] = await serveControl({
    async stop() {
      if (!server) return;
      const { pid } = server.child;
      server = null;
      process.env[STATE_ENV.pid] = '';
      await stopServer(pid);
    },
    async start() {
      if (server) return;
      server = await startServer(database, { port, adminDist });
      // globalTeardown and the exit hook below read the pid from here: always the running one.
      process.env[STATE_ENV.pid] = String(server.child.pid!);
      console.log(`[e2e] server restarted on ${server.baseURL} (pid ${server.child.pid})`);
    },
  });
  // If the runner dies without its teardown, do not leave a server holding the database open.
  process.once('exit', () => {
    const pid = Number(process.env[STATE_ENV.pid]);
    if (!(pid > 0)) return; // stopped by a spec and not started again: `kill(-0)` would hit the runner's own group
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already stopped by globalTeardown
    }
  });
  console.log(`[e2e] server ${server.baseURL} (pid ${server.child.pid}) on database ${database}`);
}
