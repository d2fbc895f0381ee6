import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createFanOut, loadCommune, loadSectorsIfNone, migrate, outerRing, type Database } from '@vigie/db';
import { seedDemo } from '@vigie/db/seeds';
import { createApp } from './app.ts';
import type { Deps } from './context.ts';
import type { Env } from './env.ts';
import { attachLive, type Live } from './live/io.ts';
import type { Logger } from './logger.ts';
import { startMaintenance } from './maintenance.ts';
import { startPartnerWebhooks } from './jobs/partnerWebhooks.ts';
import { startQueue } from './jobs/queue.ts';
import { startDeliveryWorkers } from './delivery/worker.ts';
import { startBroadcastScheduler } from './routes/broadcasts/scheduler.ts';
import { ensureDemoPartner } from './routes/partners/demo.ts';
import { communeSectorCheck } from './routes/neighbourhoods/geometry.ts';
import { createKeyring } from './routes/partners/keyring.ts';
import { createPartnerRates } from './routes/intake/partnerRates.ts';

export interface Running {
  deps: Deps;
  server: HttpServer;
  live: Live;
  url: string;
  stop(): Promise<void>;
}

/**
 * Node's HTTP timeouts (slowloris): a request must send its headers within 15 s and its whole body
 * within 60 s (the largest body is 1 MiB); idle keep-alive connections are kept a little longer than
 * a reverse proxy keeps its own (nginx: 60 s), so the proxy never reuses one Node just closed.
 */
export const HTTP_TIMEOUTS = { headersTimeout: 15_000, requestTimeout: 60_000, keepAliveTimeout: 65_000, connectionsCheckingInterval: 5_000 };

/** Migrate, seed demo data when asked, build the app, and serve HTTP + socket.io on one port. */
export async function startServer(
  db: Database,
  env: Env,
  logger: Logger,
  options: { adminDist?: string | null; sweepMs?: number; partnerWebhooks?: boolean; deliveryWorkers?: boolean; httpTimeouts?: Partial<typeof HTTP_TIMEOUTS> } = {},
): Promise<Running> {
  const { version, applied } = await migrate(db.sql);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  const commune = loadCommune(env.VIGIE_COMMUNE_FILE, { preset: env.VIGIE_TILES, url: env.VIGIE_TILE_URL, attribution: env.VIGIE_TILE_ATTRIBUTION });

  if (env.VIGIE_DEMO) {
    const summary = await seedDemo(db.sql, commune);
    if (summary.seeded) logger.info(summary, 'demo data seeded');
    if ((await ensureDemoPartner(db.sql, env.VIGIE_SECRET_KEY)) !== 'present') logger.info({ partner_id: 'vvs-demo' }, 'demo partner ready');
  }
  const sectors = await loadSectorsIfNone(db.sql, env.VIGIE_COMMUNE_FILE, communeSectorCheck(outerRing(commune.boundary)));
  if (sectors) logger.info({ sectors }, 'sectors loaded from the commune file');
  if (env.NODE_ENV === 'production') {
    const [demo] = await db.sql`
      select (select count(*)::int from staff where is_demo) as staff,
             (select count(*)::int from partners where id = 'vvs-demo') as partners`;
    if ((demo?.staff as number) > 0) {
      throw new Error('Refusing to start in production while demo accounts exist: disable or delete them, then create real accounts with `pnpm user:create`.');
    }
    if ((demo?.partners as number) > 0) {
      throw new Error('Refusing to start in production while the demo partner `vvs-demo` exists: its secret is public. Delete it.');
    }
  }

  const fanOut = createFanOut(db, {
    onError: (error, attempt, givenUp) => logger[givenUp ? 'error' : 'warn']({ err: error, attempt }, givenUp ? 'fan-out NOTIFY given up' : 'fan-out NOTIFY failed, retrying'),
  });
  const partnerKeys = createKeyring({ sql: db.sql, env, logger });
  const stopKeyringSync = await fanOut.subscribe((message) => message.kind === 'partner_changed' && partnerKeys.forget(message.partner_id));
  const partnerRates = createPartnerRates(db.sql, { onError: (error) => logger.warn({ err: error }, 'sharing partner rates failed') });
  // The queue's schema is created (or migrated) here, before anything can enqueue a job.
  const queue = await startQueue(db, logger);
  const deps: Deps = { db, sql: db.sql, env, logger, commune, fanOut, partnerKeys, partnerRates, queue, startedAt: Date.now(), migrationVersion: version };
  const app = createApp(deps, options.adminDist === undefined ? {} : { adminDist: options.adminDist });
  const { keepAliveTimeout, ...serverTimeouts } = { ...HTTP_TIMEOUTS, ...options.httpTimeouts };
  const server = createServer(serverTimeouts, getRequestListener(app.fetch));
  server.keepAliveTimeout = keepAliveTimeout;
  const live = await attachLive(server, deps, options.sweepMs ? { sweepMs: options.sweepMs } : {});
  const maintenance = startMaintenance(deps);
  if (options.partnerWebhooks !== false) await startPartnerWebhooks(deps, queue);
  const delivery = options.deliveryWorkers !== false ? await startDeliveryWorkers(deps) : null;
  if (options.deliveryWorkers !== false) await startBroadcastScheduler(deps);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    deps,
    server,
    live,
    url: `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${port}`,
    async stop() {
      maintenance.stop();
      await queue.stop(); // waits for the jobs in hand, so none is left half-sent
      await delivery?.close();
      await stopKeyringSync();
      await live.close(); // also closes the HTTP server
      server.closeAllConnections();
      await partnerRates.stop(); // the last counts, once no request can add one
    },
  };
}
