import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createFanOut, loadCommune, migrate, type Database } from '@vigie/db';
import { seedDemo } from '@vigie/db/seeds';
import { createApp } from './app.ts';
import type { Deps } from './context.ts';
import type { Env } from './env.ts';
import { attachLive, type Live } from './live/io.ts';
import type { Logger } from './logger.ts';
import { startMaintenance } from './maintenance.ts';
import { startPartnerWebhooks } from './jobs/partnerWebhooks.ts';
import { ensureDemoPartner } from './routes/partners/demo.ts';
import { createKeyring } from './routes/partners/keyring.ts';
import { createPartnerRates } from './routes/intake/partnerRates.ts';

export interface Running {
  deps: Deps;
  server: HttpServer;
  live: Live;
  url: string;
  stop(): Promise<void>;
}

/** Migrate, seed demo data when asked, build the app, and serve HTTP + socket.io on one port. */
export async function startServer(db: Database, env: Env, logger: Logger, options: { adminDist?: string | null; sweepMs?: number; webhookMs?: number } = {}): Promise<Running> {
  const { version, applied } = await migrate(db.sql);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  const commune = loadCommune(env.VIGIE_COMMUNE_FILE, { preset: env.VIGIE_TILES, url: env.VIGIE_TILE_URL, attribution: env.VIGIE_TILE_ATTRIBUTION });

  if (env.VIGIE_DEMO) {
    const summary = await seedDemo(db.sql, commune);
    if (summary.seeded) logger.info(summary, 'demo data seeded');
    if ((await ensureDemoPartner(db.sql, env.VIGIE_SECRET_KEY)) !== 'present') logger.info({ partner_id: 'vvs-demo' }, 'demo partner ready');
  }
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
  const deps: Deps = { db, sql: db.sql, env, logger, commune, fanOut, partnerKeys, partnerRates, startedAt: Date.now(), migrationVersion: version };
  const app = createApp(deps, options.adminDist === undefined ? {} : { adminDist: options.adminDist });
  const server = createServer(getRequestListener(app.fetch));
  const live = await attachLive(server, deps, options.sweepMs ? { sweepMs: options.sweepMs } : {});
  const maintenance = startMaintenance(deps);
  const webhooks = startPartnerWebhooks(deps, options.webhookMs);
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
      webhooks.stop();
      await stopKeyringSync();
      await live.close(); // also closes the HTTP server
      server.closeAllConnections();
      await partnerRates.stop(); // the last counts, once no request can add one
    },
  };
}
