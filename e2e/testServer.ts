import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

/** The machine's PostgreSQL, used only to create and drop the throwaway database. */
export const ADMIN_URL = process.env.VIGIE_E2E_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const ROOT = path.resolve(import.meta.dirname, '..');
const SERVER_DIR = path.join(ROOT, 'server');
const ADMIN_DIST = path.join(ROOT, 'admin', 'dist');
const HEALTH_TIMEOUT_MS = 120_000;
const DB_PREFIX = 'vigie_e2e_';
const ADMIN_COPY_PREFIX = 'vigie-e2e-admin-';

/**
 * What globalTeardown needs, handed over through the runner's environment (same process); workers
 * inherit it, which is how a spec finds the control endpoint.
 */
export const STATE_ENV = {
  baseURL: 'VIGIE_E2E_BASE_URL',
  pid: 'VIGIE_E2E_SERVER_PID',
  database: 'VIGIE_E2E_DATABASE',
  adminDist: 'VIGIE_E2E_ADMIN_DIST',
  control: 'VIGIE_E2E_CONTROL_URL',
} as const;

const admin = () => postgres(ADMIN_URL, { max: 1, onnotice: () => {} });

async function withAdmin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = admin();
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export const databaseUrl = (name: string) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

export async function createDatabase(): Promise<string> {
  const name = `${DB_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin((sql) => sql`create database ${sql(name)}`);
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((sql) => sql`drop database if exists ${sql(name)} with (force)`);
}

/** `pid` < 0 asks about the process group `-pid`. */
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Drop databases left by runs that were killed before their teardown (their pid is gone). */
export async function dropStaleDatabases(): Promise<string[]> {
  return withAdmin(async (sql) => {
    const rows = await sql<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${DB_PREFIX}%`}`;
    const stale = rows
      .map((r) => r.datname)
      .filter((name) => {
        const pid = Number(name.slice(DB_PREFIX.length).split('_')[0]);
        return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid);
      });
    for (const name of stale) await sql`drop database if exists ${sql(name)} with (force)`;
    return stale;
  });
}

/**
 * A private copy of the built dashboard for this run. A build started meanwhile on the same
 * checkout (another `pnpm test:e2e`, `pnpm start`) empties admin/dist and renames every chunk,
 * which would break pages in the middle of a test. Copies left by killed runs are removed.
 */
export function copyAdminDist(): string {
  if (!existsSync(path.join(ADMIN_DIST, 'index.html'))) {
    throw new Error(`${ADMIN_DIST}/index.html is missing: build the admin first (run \`pnpm test:e2e\` from the root).`);
  }
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(name.startsWith(ADMIN_COPY_PREFIX) ? name.slice(ADMIN_COPY_PREFIX.length) : Number.NaN);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid)) removeAdminCopy(path.join(tmpdir(), name));
  }
  const copy = path.join(tmpdir(), `${ADMIN_COPY_PREFIX}${process.pid}`);
  removeAdminCopy(copy);
  cpSync(ADMIN_DIST, copy, { recursive: true });
  // Copied while a build was rewriting it? Then the entry points would be missing.
  const html = readFileSync(path.join(copy, 'index.html'), 'utf8');
  const missing = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!).filter((asset) => !existsSync(path.join(copy, asset)));
  if (missing.length) throw new Error(`admin/dist changed while it was copied (missing ${missing.join(', ')}): run again.`);
  return copy;
}

export function removeAdminCopy(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

export interface StartedServer {
  child: ChildProcess;
  baseURL: string;
}

/**
 * Start the real server (`tsx src/index.ts`, as `pnpm --filter @vigie/server start` does) in its
 * own process group, so teardown can stop it and anything it spawned in one signal. A restart
 * passes the port it had: the pages under test keep their origin and their session cookie.
 */
export async function startServer(
  database: string,
  { port: fixedPort, adminDist = ADMIN_DIST }: { port?: number; adminDist?: string } = {},
): Promise<StartedServer> {
  if (!existsSync(path.join(adminDist, 'index.html'))) {
    throw new Error(`${adminDist}/index.html is missing: build the admin first (run \`pnpm test:e2e\` from the root).`);
  }
  const port = fixedPort ?? (await freePort());
  const baseURL = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: SERVER_DIR,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(database),
      PORT: String(port),
      VIGIE_DEMO: '1',
      NODE_ENV: 'test',
      PUBLIC_URL: baseURL,
      LOG_LEVEL: 'warn',
      ADMIN_DIST: adminDist,
    },
  });

  // Keep the server's output for the failure message, and pass it through with a prefix.
  let output = '';
  const collect = (stream: NodeJS.ReadableStream, sink: NodeJS.WriteStream) => {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      output = (output + chunk).slice(-20_000);
      sink.write(chunk.replace(/^(?=.)/gm, '[server] '));
    });
  };
  collect(child.stdout!, process.stdout);
  collect(child.stderr!, process.stderr);

  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  });

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) {
        child.once('exit', (code, signal) => {
          if (!stopping.has(child.pid!)) {
            process.stderr.write(`\n[e2e] the server (pid ${child.pid}) exited during the tests with ${signal ?? `code ${code}`}\n`);
          }
        });
        return { child, baseURL };
      }
      lastError = `GET /api/health answered ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopServer(child.pid);
  throw new Error(
    `The server did not become healthy on ${baseURL} ` +
      `(${exited ?? `timed out after ${HEALTH_TIMEOUT_MS / 1000} s`}; last: ${lastError}).\n` +
      `--- server output ---\n${output || '(nothing)'}\n--- end of server output ---`,
  );
}

const stopping = new Set<number>();

/** SIGTERM the process group, then SIGKILL it if it is still there after 10 s. */
export async function stopServer(pid: number | undefined): Promise<void> {
  if (!pid) return;
  stopping.add(pid);
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false;
    }
  };
  if (!signalGroup('SIGTERM')) return;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (!isAlive(-pid)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  signalGroup('SIGKILL');
}

export interface ServerLifecycle {
  /** Stops the server (as a deploy does: SIGTERM, its sockets closed); nothing when already stopped. */
  stop(): Promise<void>;
  /** Starts it again on the same port and database; nothing when it is running. */
  start(): Promise<void>;
}

const CONTROL_TIMEOUT_MS = HEALTH_TIMEOUT_MS + 30_000;

/**
 * A loopback endpoint in the runner through which a spec stops and starts the server: the server
 * stays the runner's child (its output, teardown and exit hook keep working), whichever worker
 * asked. The random path keeps anything else on the machine from calling it.
 */
export function serveControl(lifecycle: ServerLifecycle): Promise<string> {
  const token = randomBytes(16).toString('hex');
  let queue: Promise<unknown> = Promise.resolve();
  const server = createHttpServer((request, response) => {
    const action = request.method === 'POST' ? request.url?.match(new RegExp(`^/${token}/(stop|start)$`))?.[1] : undefined;
    if (action !== 'stop' && action !== 'start') {
      response.writeHead(404).end();
      return;
    }
    // One action at a time, in the order asked.
    const run = queue.then(() => lifecycle[action]());
    queue = run.catch(() => {});
    run.then(
      () => response.writeHead(204).end(),
      (error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
    );
  });
  server.unref(); // never what keeps the runner alive
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve(`http://127.0.0.1:${port}/${token}`);
    });
  });
}

async function control(action: 'stop' | 'start') {
  const url = process.env[STATE_ENV.control];
  if (!url) throw new Error(`${STATE_ENV.control} is not set: run the specs through Playwright (globalSetup starts the server).`);
  const response = await fetch(`${url}/${action}`, { method: 'POST', signal: AbortSignal.timeout(CONTROL_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`The runner could not ${action} the server (${response.status}): ${await response.text()}`);
}

/** For specs: the server under test, stopped and started again by the runner that owns it. */
export const testServer = {
  stop: () => control('stop'),
  start: () => control('start'),
  async restart() {
    await control('stop');
    await control('start');
  },
};
