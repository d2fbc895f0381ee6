import { connectDatabase } from '@vigie/db';
import { startServer } from '../../../server/src/bootstrap.ts';
import { parseEnv } from '../../../server/src/env.ts';
import { createLogger } from '../../../server/src/logger.ts';
import { serveChild } from '../support/childProcess.ts';

/**
 * `support/serverChild.ts` with the built admin mounted (`ADMIN_DIST`): the map is measured as an
 * officer gets it, the SPA and the API on one origin, which `PUBLIC_URL` must name exactly for the
 * sign-in and the socket to be accepted.
 */
const env = parseEnv(process.env);
const db = await connectDatabase({ url: env.DATABASE_URL });
const running = await startServer(db, env, createLogger(env.LOG_LEVEL), {});
serveChild(running.url, async () => {
  await running.stop();
  await db.close();
});
