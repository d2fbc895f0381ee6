import { connectDatabase } from '@vigie/db';
import { startServer } from '../bootstrap.ts';
import { parseEnv } from '../env.ts';
import { createLogger } from '../logger.ts';
import { serveChild } from './serverProcess.ts';

/**
 * The real server for `startServerProcess`, as `src/index.ts` starts it (same pool, same
 * `startServer`), but telling its parent the port it got, which a silent logger would not print.
 * The built admin is served only when ADMIN_DIST names one: a benchmark of the API has none.
 */
const env = parseEnv(process.env);
// Without it the embedded engine would open the developer's own .data/pglite.
if (!env.DATABASE_URL) throw new Error('serverChild.ts runs on a throwaway database: DATABASE_URL is required');
const db = await connectDatabase({ url: env.DATABASE_URL });
const running = await startServer(db, env, createLogger(env.LOG_LEVEL), { adminDist: env.ADMIN_DIST ?? null });
serveChild(running.url, async () => {
  await running.stop();
  await db.close();
});
