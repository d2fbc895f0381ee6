import { createDatabase, dropDatabase, dropStaleDatabases, startServer, STATE_ENV } from './testServer.ts';

/**
 * A throwaway database on the machine's PostgreSQL, then the real server on a free port with the
 * demo data seeded into it. Workers start after this and inherit `process.env`, so the config's
 * `baseURL` (re-read in each worker) sees the port chosen here.
 */
export default async function globalSetup() {
  const stale = await dropStaleDatabases();
  if (stale.length) console.log(`[e2e] dropped ${stale.length} database(s) left by killed runs: ${stale.join(', ')}`);

  const database = await createDatabase();
  let server;
  try {
    server = await startServer(database);
  } catch (error) {
    await dropDatabase(database);
    throw error;
  }
  const pid = server.child.pid!;
  process.env[STATE_ENV.database] = database;
  process.env[STATE_ENV.pid] = String(pid);
  process.env[STATE_ENV.baseURL] = server.baseURL;
  // If the runner dies without its teardown, do not leave a server holding the database open.
  process.once('exit', () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already stopped by globalTeardown
    }
  });
  console.log(`[e2e] server ${server.baseURL} (pid ${pid}) on database ${database}`);
}
