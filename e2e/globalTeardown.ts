import { dropDatabase, stopServer, STATE_ENV } from './testServer.ts';

export default async function globalTeardown() {
  const pid = Number(process.env[STATE_ENV.pid]);
  const database = process.env[STATE_ENV.database];
  if (pid) await stopServer(pid);
  if (database) await dropDatabase(database);
}
