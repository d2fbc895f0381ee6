import { connectDatabase } from '@vigie/db';
import { startServer } from './bootstrap.ts';
import { parseEnv } from './env.ts';
import { createLogger } from './logger.ts';

let env;
try {
  env = parseEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const logger = createLogger(env.LOG_LEVEL);

const db = await connectDatabase({ url: env.DATABASE_URL, dataDir: env.VIGIE_DATA_DIR });
logger.info(
  db.engine === 'embedded'
    ? { engine: 'embedded', data_dir: env.VIGIE_DATA_DIR ?? '.data/pglite' }
    : { engine: 'postgres', host: new URL(db.url).host },
  db.engine === 'embedded'
    ? 'database: embedded PGlite (single process; set DATABASE_URL for PostgreSQL)'
    : 'database: PostgreSQL',
);

let running;
try {
  running = await startServer(db, env, logger);
} catch (error) {
  logger.fatal({ err: error }, (error as Error).message);
  await db.close();
  process.exit(1);
}
logger.info({ url: env.PUBLIC_URL, listening: running.url, demo: env.VIGIE_DEMO }, `Vigie is ready on ${env.PUBLIC_URL}`);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await running.stop();
    await db.close();
  } finally {
    process.exit(0);
  }
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
