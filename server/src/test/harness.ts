import { hashPassword, type Sql } from '@vigie/db';
import { createTestDatabase, type TestDatabase } from '@vigie/db/testing';
import type { Role } from '@vigie/shared';
import { io as ioClient, type Socket } from 'socket.io-client';
import { startServer, type Running } from '../bootstrap.ts';
import { parseEnv } from '../env.ts';
import { createLogger } from '../logger.ts';

/** The origin test clients claim, as a browser on the dashboard would. */
export const ORIGIN = 'http://vigie.test';
export const PASSWORD = 'correct horse battery staple';

export interface TestServer {
  db: TestDatabase;
  sql: Sql;
  running: Running;
  base: string;
  stop(): Promise<void>;
}

/** A real server on an ephemeral port over a fresh database of the engine under test. */
export async function startTestServer(envOverrides: Record<string, string> = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const env = parseEnv({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', VIGIE_DEMO: '0', PUBLIC_URL: ORIGIN, ...envOverrides });
  // Tests deliver partner webhooks explicitly (deliverDueWebhooks), never from the background loop.
  const running = await startServer(db, env, createLogger(env.LOG_LEVEL), { adminDist: null, sweepMs: 500, partnerWebhooks: false });
  return {
    db,
    sql: db.sql,
    running,
    base: running.url,
    async stop() {
      await running.stop();
      await db.destroy();
    },
  };
}

let hashed: Promise<string> | undefined;
let counter = 0;

/** A staff account straight into the database (one argon2 hash shared by all, to keep tests fast). */
export async function createStaff(sql: Sql, role: Role, overrides: { email?: string; disabled?: boolean } = {}) {
  hashed ??= hashPassword(PASSWORD);
  const email = overrides.email ?? `${role}.${process.pid}.${++counter}@vigie.test`;
  const [row] = await sql<{ id: number }[]>`
    insert into staff (email, full_name, role, password_hash, disabled)
    values (${email}, ${`Test ${role} ${counter}`}, ${role}, ${await hashed}, ${overrides.disabled ?? false})
    returning id`;
  return { id: row!.id, email, role };
}

export interface Client {
  cookie: string;
  request(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string>; raw?: string }): Promise<Response>;
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }>;
}

export function client(base: string, cookie = ''): Client {
  const self: Client = {
    cookie,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { origin: ORIGIN, ...(self.cookie ? { cookie: self.cookie } : {}), ...options.headers };
      let body: string | undefined = options.raw;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      return fetch(base + path, { method, headers, body, redirect: 'manual' });
    },
    async json(method, path, body) {
      const res = await self.request(method, path, body === undefined ? {} : { body });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as never, headers: res.headers };
    },
  };
  return self;
}

/** Sign in through the real route and keep the session cookie. */
export async function signIn(base: string, email: string, password = PASSWORD): Promise<Client> {
  const anonymous = client(base);
  const res = await anonymous.request('POST', '/api/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  return client(base, setCookie.split(';')[0]!);
}

export function connectSocket(base: string, cookie: string | null, options: { origin?: string } = {}): Socket {
  return ioClient(base, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { ...(cookie ? { cookie } : {}), ...(options.origin ? { origin: options.origin } : {}) },
  });
}

export const waitFor = <T>(socket: Socket, event: string, timeoutMs = 5000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });

export const connected = (socket: Socket) =>
  new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });

/** A sector around the commune centre so that created reports get a neighbourhood. */
export async function createSector(sql: Sql, name = 'Centre-ville') {
  const [row] = await sql<{ id: number }[]>`
    insert into neighbourhoods (name, area) values (${name}, '((2.31,48.77),(2.31,48.79),(2.33,48.79),(2.33,48.77))'::polygon)
    returning id`;
  return row!.id;
}
