import type { Database, FanOut, Sql } from '@vigie/db';
import type { CommuneConfig, Role } from '@vigie/shared';
import type { Env } from './env.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { PartnerRates } from './routes/intake/partnerRates.ts';
import type { Keyring } from './routes/partners/keyring.ts';
import type { Logger } from './logger.ts';

/** Everything a route needs, built once at start (or per test) and passed to each sub-app. */
export interface Deps {
  db: Database;
  sql: Sql;
  env: Env;
  logger: Logger;
  commune: CommuneConfig;
  fanOut: FanOut;
  /** Partners' credentials, cached per process and dropped on every `partner_changed` message. */
  partnerKeys: Keyring;
  /** Partners' request counts, shared between processes through the `throttle` table. */
  partnerRates: PartnerRates;
  /** The pg-boss job queue (outbox, deliveries, partner webhooks, scheduled broadcasts). */
  queue: JobQueue;
  startedAt: number;
  migrationVersion: number;
}

export interface AuthContext {
  staff_id: number;
  full_name: string;
  role: Role;
  session_id: string;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    auth: AuthContext;
    ip: string | null;
  };
}
