import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** The origin browsers use to reach Vigie (CSRF and socket origin checks, Secure cookies). */
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  VIGIE_DATA_DIR: z.string().optional(),
  /** Seed demo data into an empty database. Default: on for the embedded engine, off otherwise. */
  VIGIE_DEMO: bool.optional(),
  VIGIE_COMMUNE_FILE: z.string().optional(),
  VIGIE_TILES: z.enum(['osm', 'ign']).default('osm'),
  VIGIE_TILE_URL: z.string().optional(),
  VIGIE_TILE_ATTRIBUTION: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
  /** Read the client IP from X-Forwarded-For (only behind a reverse proxy you control). */
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the built admin SPA lives; the API still runs without it. */
  ADMIN_DIST: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema> & { PUBLIC_URL: string; VIGIE_DEMO: boolean };

/** Parse the environment once at start; a bad value stops the server with a readable message. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = result.data;
  return {
    ...env,
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    VIGIE_DEMO: env.VIGIE_DEMO ?? !env.DATABASE_URL,
  };
}
