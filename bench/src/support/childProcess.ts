import { fork, type ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { within } from './stats.ts';

interface Ready {
  type: 'ready';
  url: string;
}

/** Event-loop delay in ms since the previous reading: how long ready work waited for the thread. */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

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

export const formatLoopDelay = (who: string, d: LoopDelay) => `${who} event-loop delay p50 ${d.p50.toFixed(1)} ms, p99 ${d.p99.toFixed(1)} ms, max ${d.max.toFixed(1)} ms`;

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
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'loop-delay') process.send?.({ type: 'loop-delay', delay: loopDelay() });
  });
  process.on('SIGTERM', () => void shutdown());
  process.on('disconnect', () => void shutdown()); // the benchmark died: never outlive it
  process.send?.({ type: 'ready', url } satisfies Ready);
}

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  /** The server process's event-loop delay since the previous call (or its start). */
  loopDelay(): Promise<LoopDelay>;
  /** Stop the process and start a new one on the same port (in-memory state is lost). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const CHILD_ENV_KEYS = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];

/**
 * `VIGIE_BENCH_CPU_PROF=<dir>` writes a V8 CPU profile of every server child into <dir> when it
 * stops (open the .cpuprofile in Chrome DevTools or speedscope): how a missed goal is diagnosed.
 */
const profiling = () => {
  const dir = process.env.VIGIE_BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
};

/**
 * A server in a child process (`entry` calls `serveChild`). Children get only the variables given
 * here and a few of the shell's, so that a developer's DATABASE_URL or PORT cannot leak in.
 */
export async function startServerProcess(entry: string, env: Record<string, string>): Promise<ServerProcess> {
  const base = Object.fromEntries(CHILD_ENV_KEYS.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
  let child: ChildProcess;
  let url = '';

  const spawnOne = async (port: string) => {
    // fork() passes tsx's loader on through process.execArgv.
    child = fork(entry, [], { env: { ...base, ...env, PORT: port }, execArgv: [...process.execArgv, ...profiling()], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const started = new Promise<string>((resolve, reject) => {
      child.once('message', (message: Ready) => resolve(message.url));
      child.once('exit', (code) => reject(new Error(`${entry} exited with code ${code} before it was ready`)));
      child.once('error', reject);
    });
    url = await within(started, 60_000, `starting ${entry}`);
  };

  const stopOne = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    try {
      await within(exited, 15_000, `stopping ${entry}`);
    } catch {
      child.kill('SIGKILL');
      await exited;
    }
  };

  await spawnOne(env.PORT ?? '0');
  const port = Number(new URL(url).port);
  return {
    get url() {
      return url;
    },
    port,
    get pid() {
      return child.pid!;
    },
    loopDelay() {
      const reply = new Promise<LoopDelay>((resolve) => {
        const onMessage = (message: { type?: string; delay?: LoopDelay }) => {
          if (message.type !== 'loop-delay') return;
          child.off('message', onMessage);
          resolve(message.delay!);
        };
        child.on('message', onMessage);
      });
      child.send({ type: 'loop-delay' });
      return within(reply, 5_000, 'reading the server event-loop delay');
    },
    async restart() {
      await stopOne();
      await spawnOne(String(port));
    },
    stop: stopOne,
  };
}
