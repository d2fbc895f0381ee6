import { dropDatabase, removeAdminCopy, stopServer, STATE_ENV } from './testServer.ts';

export default async function globalTeardown() {
  // The running server's pid: a spec that restarted the server had globalSetup's control update it.
  const pid = Number(process.env[STATE_ENV.pid]);
  const database = process.env[STATE_ENV.database];
  const adminDist = process.env[STATE_ENV.adminDist];
  if (pid > 0) await stopServer(pid);
  if (database) await dropDatabase(database);
  if (adminDist) removeAdminCopy(adminDist);
}
