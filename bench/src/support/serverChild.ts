import { connectDatabase } from '@vigie/db';
import { startServer } from '../../../server/src/bootstrap.ts';
import { parseEnv } from '../../../server/src/env.ts';
import { createLogger } from '../../../server/src/logger.ts';
import { serveChild } from './childProcess.ts';

/**
 * The real Vigie server in its own process, as `server/src/index.ts` starts it (same pool, same
 * `startServer`), but telling its parent the port it got, which a silent logger would not print.
 */
const env = parseEnv(process.env);
const db = await connectDatabase({ url: env.DATABASE_URL });
const running = await startServer(db, env, createLogger(env.LOG_LEVEL), { adminDist: null });
serveChild(running.url, async () => {
  await running.stop();
  await db.close();
});
