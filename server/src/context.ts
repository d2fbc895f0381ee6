import type { Database, FanOut, Sql } from '@vigie/db';
import type { CommuneConfig, Role } from '@vigie/shared';
import type { Env } from './env.ts';
import type { Logger } from './logger.ts';

/** Everything a route needs, built once at start (or per test) and passed to each sub-app. */
export interface Deps {
  db: Database;
  sql: Sql;
  env: Env;
  logger: Logger;
  commune: CommuneConfig;
  fanOut: FanOut;
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
