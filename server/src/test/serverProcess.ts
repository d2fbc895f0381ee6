import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A Vigie server in a child process, as e2e and the benchmarks run it: the real server over a
 * throwaway database, stopped and started again on the same port. Both ends of the IPC protocol
 * live here: `startServerProcess` in the parent, `serveChild` in the child.
 */

/** The real server, started as `src/index.ts` starts it. */
export const SERVER_CHILD = path.join(import.meta.dirname, 'serverChild.ts');

const SERVER_DIR = path.resolve(import.meta.dirname, '../..');
/** How long a child may take to migrate, seed and listen on a busy two-core machine. */
export const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
const LOOP_DELAY_TIMEOUT_MS = 5_000;
/** All a child keeps of the shell's environment: a developer's DATABASE_URL or PORT must not leak in. */
const INHERITED_ENV = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];
const OUTPUT_PREFIX = '[server] ';

/** Event-loop delay in ms since the previous reading: how long ready work waited for the thread. */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

type ToParent = { type: 'ready'; url: string } | { type: 'loop-delay'; delay: LoopDelay };
type ToChild = { type: 'loop-delay' };

const RESOLUTION_MS = 5;

export function loopDelayMonitor() {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  // The histogram records the time between two ticks of its timer: the delay is what exceeds it.
  const delay = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  return (): LoopDelay => {
    const reading = { p50: delay(histogram.percentile(50)), p99: delay(histogram.percentile(99)), max: delay(histogram.max) };
    histogram.reset();
    return reading;
  };
}

/** In the child: tell the parent where it listens, and stop cleanly on SIGTERM or when orphaned. */
export function serveChild(url: string, stop: () => Promise<void>) {
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await stop();
    } finally {
      process.exit(0);
    }
  };
  const loopDelay = loopDelayMonitor();
  process.on('message', (message: ToChild) => {
    if (message.type === 'loop-delay') process.send?.({ type: 'loop-delay', delay: loopDelay() } satisfies ToParent);
  });
  process.on('SIGTERM', () => void shutdown());
  process.on('disconnect', () => void shutdown()); // the parent died, even by SIGKILL: never outlive it
  process.send?.({ type: 'ready', url } satisfies ToParent);
}

/** A free loopback port, for a server whose PUBLIC_URL must name its port before it starts. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const deadline = (ms: number, what: string) =>
  sleep(ms, undefined, { ref: false }).then(() => Promise.reject(new Error(`${what}: no answer within ${ms / 1000} s`)));

/** The whole process group: whatever the server may have spawned goes with it. */
const signalGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  if (!child.pid) return;
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
};

export interface ServerProcess {
  /** Where the child listens (`http://127.0.0.1:<port>`); PUBLIC_URL may spell it otherwise (e2e: localhost). */
  readonly url: string;
  readonly port: number;
  /** The running process's pid: a restart changes it. */
  readonly pid: number;
  /** The server process's event-loop delay since the previous call (or its start). */
  loopDelay(): Promise<LoopDelay>;
  /** SIGTERM, as a deploy stops it (its sockets closed), SIGKILL after 15 s; nothing when stopped. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash or the OOM killer ends it: nothing is closed cleanly. Resolves once it exited. */
  kill(): Promise<void>;
  /** A new process on the same port and database (in-memory state is lost); nothing when running. */
  start(): Promise<void>;
  restart(): Promise<void>;
}

export interface ServerProcessOptions {
  /** A module that ends by calling `serveChild`; the real server by default. */
  entry?: string;
  /** The child's environment besides INHERITED_ENV. PORT absent or 0: any free port, kept on restart. */
  env: Record<string, string>;
  /** Where V8 writes a .cpuprofile of each child when it stops (Chrome DevTools, speedscope). */
  cpuProfileDir?: string | undefined;
}

/**
 * Start `entry` in a child process and wait until it listens. Its output is passed through with a
 * prefix, and repeated in the error when it fails to start.
 */
export async function startServerProcess({ entry = SERVER_CHILD, env, cpuProfileDir }: ServerProcessOptions): Promise<ServerProcess> {
  const inherited = Object.fromEntries(INHERITED_ENV.flatMap((key) => (process.env[key] === undefined ? [] : [[key, process.env[key]!]])));
  const profiling = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProfileDir)}`] : [];
  const stopping = new WeakSet<ChildProcess>();
  let running: ChildProcess | null = null;
  let pid = 0;
  let url = '';
  let port = env.PORT ?? '0';

  const spawnOne = async () => {
    // tsx from the server package, whatever loader the parent runs under (Playwright's, tsx's). A
    // group of its own: a Ctrl-C meant for the parent reaches the server through stop() alone.
    const child = fork(entry, [], {
      cwd: SERVER_DIR,
      env: { ...inherited, ...env, PORT: port },
      execArgv: ['--import', 'tsx', ...profiling],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
    });
    let output = '';
    for (const [stream, sink] of [[child.stdout!, process.stdout], [child.stderr!, process.stderr]] as const) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        output = (output + chunk).slice(-20_000);
        sink.write(chunk.replace(/^(?=.)/gm, OUTPUT_PREFIX));
      });
    }
    const ready = new Promise<string>((resolve, reject) => {
      const onMessage = (message: ToParent) => {
        if (message.type !== 'ready') return;
        child.off('message', onMessage);
        resolve(message.url);
      };
      child.on('message', onMessage);
      child.once('exit', (code, signal) => reject(new Error(`exited with ${signal ?? `code ${code}`}`)));
      child.once('error', reject);
    });
    try {
      url = await Promise.race([ready, deadline(START_TIMEOUT_MS, 'readiness')]);
    } catch (error) {
      if (child.exitCode === null && child.signalCode === null) signalGroup(child, 'SIGKILL');
      throw new Error(
        `${path.basename(entry)} did not start on port ${port} (${(error as Error).message}).\n` +
          `--- server output ---\n${output || '(nothing)'}\n--- end of server output ---`,
      );
    }
    child.once('exit', (code, signal) => {
      if (stopping.has(child)) return;
      if (running === child) running = null; // so that start() brings it back
      process.stderr.write(`\n${OUTPUT_PREFIX}pid ${child.pid} exited on its own with ${signal ?? `code ${code}`}\n`);
    });
    running = child;
    pid = child.pid!;
    port = new URL(url).port;
  };

  /** The running child, forgotten and marked as stopping; null when there is none left to signal. */
  const release = () => {
    const child = running;
    if (!child) return null;
    running = null;
    stopping.add(child);
    return child.exitCode !== null || child.signalCode !== null ? null : child;
  };

  const stop = async () => {
    const child = release();
    if (!child) return;
    const exited = once(child, 'exit');
    signalGroup(child, 'SIGTERM');
    try {
      await Promise.race([exited, deadline(STOP_TIMEOUT_MS, `stopping pid ${child.pid}`)]);
    } catch {
      signalGroup(child, 'SIGKILL');
      await exited;
    }
  };

  const kill = async () => {
    const child = release();
    if (!child) return;
    const exited = once(child, 'exit');
    signalGroup(child, 'SIGKILL');
    await exited;
  };

  const start = async () => {
    if (!running) await spawnOne();
  };

  await start();
  return {
    get url() {
      return url;
    },
    get port() {
      return Number(port);
    },
    get pid() {
      return pid;
    },
    loopDelay() {
      const child = running;
      if (!child) return Promise.reject(new Error('the server is stopped: no event-loop delay to read'));
      const reply = new Promise<LoopDelay>((resolve) => {
        const onMessage = (message: ToParent) => {
          if (message.type !== 'loop-delay') return;
          child.off('message', onMessage);
          resolve(message.delay);
        };
        child.on('message', onMessage);
      });
      child.send({ type: 'loop-delay' } satisfies ToChild);
      return Promise.race([reply, deadline(LOOP_DELAY_TIMEOUT_MS, 'reading the server event-loop delay')]);
    },
    stop,
    kill,
    start,
    async restart() {
      await stop();
      await start();
    },
  };
}
