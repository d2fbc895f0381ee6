import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseKey } from './crypto/secretBox.ts';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** Number of reverse-proxy hops in front of Vigie whose X-Forwarded-For entries are trusted. */
const proxyHops = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v, ctx) => {
    if (['', '0', 'false', 'no', 'off'].includes(v)) return 0;
    if (['true', 'yes', 'on'].includes(v)) return 1;
    if (/^[1-9]$/.test(v)) return Number(v);
    ctx.addIssue({ code: 'custom', message: 'must be 0 (no proxy), 1 or true (one proxy), or the number of proxies in front of Vigie (up to 9)' });
    return z.NEVER;
  });

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
  /** Registrations never confirmed by e-mail are deleted after this many days (RGPD). */
  MEMBERS_UNCONFIRMED_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Rejected registrations are deleted this many days after the decision (RGPD). */
  MEMBERS_REJECTED_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Partner events delivered (pushed or polled) longer ago than this are purged. */
  PARTNER_EVENTS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Proxies you control in front of Vigie: the client IP is the N-th X-Forwarded-For entry from the right. */
  TRUST_PROXY: proxyHops.default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the built admin SPA lives; the API still runs without it. */
  ADMIN_DIST: z.string().optional(),
  /** Address search: `ban` (Base Adresse Nationale API) or `offline` (the commune's street list). Default: offline in demo, ban otherwise. */
  GEOCODER: z.enum(['ban', 'offline']).optional(),
  GEOCODER_URL: z.url().default('https://api-adresse.data.gouv.fr/search/'),
  GEOCODER_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
  /** SMTP server for e-mail (`smtp://user:pass@host:587`, `smtps://…`); unset: messages are kept as `captured`. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  SMTP_FROM: z.string().default('Vigie <no-reply@localhost>'),
  /** SMS provider adapter (`brevo`); unset: SMS are kept as `captured`. */
  SMS_PROVIDER: z.enum(['brevo']).optional(),
  BREVO_API_KEY: z.string().optional(),
  /** Overridable for tests (the local fake) and regional endpoints. */
  BREVO_API_URL: z.url().default('https://api.brevo.com'),
  /** Alphanumeric sender shown on phones (11 characters at most). */
  SMS_SENDER: z.string().regex(/^[A-Za-z0-9 ]{1,11}$/, 'must be 1 to 11 letters or digits').default('Vigie'),
  /** Bearer token the provider's webhooks (delivery receipts, replies) must present. */
  SMS_WEBHOOK_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Price of one SMS segment, for the cost shown before a broadcast. */
  SMS_UNIT_PRICE_EUR: z.coerce.number().min(0).max(10).default(0.045),
  /** Messages per second sent to the SMS provider from one process. */
  SMS_RATE_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(10),
  /** AES-256-GCM key sealing partner secrets at rest: 32 bytes, base64 or hex. Required in production. */
  VIGIE_SECRET_KEY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined;
      const key = parseKey(value);
      if (!key) ctx.addIssue({ code: 'custom', message: 'must be 32 bytes written in base64 or hex (generate one with `openssl rand -base64 32`)' });
      return key ?? undefined;
    }),
});

/**
 * Outside production, without VIGIE_SECRET_KEY, partner secrets are sealed under this fixed key so
 * that a demo or a laptop just works; anyone reading this file can open them, hence the warning.
 */
const DEVELOPMENT_SECRET_KEY = createHash('sha256').update('vigie:development-only:partner-secrets').digest();

export type Env = Omit<z.infer<typeof EnvSchema>, 'VIGIE_SECRET_KEY'> & {
  PUBLIC_URL: string;
  /** Origins accepted by the CSRF and socket handshake checks: PUBLIC_URL, or every loopback spelling when it is unset. */
  ALLOWED_ORIGINS: string[];
  VIGIE_DEMO: boolean;
  VIGIE_SECRET_KEY: Buffer;
  /** True when VIGIE_SECRET_KEY was unset and the fixed development key stands in (never in production). */
  VIGIE_SECRET_KEY_IS_DEVELOPMENT: boolean;
};

/** Parse the environment once at start; a bad value stops the server with a readable message. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.SMS_PROVIDER === 'brevo' && !env.BREVO_API_KEY) {
    throw new Error('Invalid environment:\n  BREVO_API_KEY: required when SMS_PROVIDER=brevo');
  }
  if (!env.VIGIE_SECRET_KEY && env.NODE_ENV === 'production') {
    throw new Error('Invalid environment:\n  VIGIE_SECRET_KEY: required in production (32 bytes, base64 or hex: `openssl rand -base64 32`); it encrypts partner secrets');
  }
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    ...env,
    PUBLIC_URL: publicUrl,
    // Unset PUBLIC_URL means a laptop: the address the server prints (127.0.0.1) must work as well as localhost.
    ALLOWED_ORIGINS: env.PUBLIC_URL
      ? [publicUrl]
      : ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${env.PORT}`),
    VIGIE_DEMO: env.VIGIE_DEMO ?? !env.DATABASE_URL,
    VIGIE_SECRET_KEY: env.VIGIE_SECRET_KEY ?? DEVELOPMENT_SECRET_KEY,
    VIGIE_SECRET_KEY_IS_DEVELOPMENT: !env.VIGIE_SECRET_KEY,
  };
}
