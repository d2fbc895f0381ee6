import { startServerProcess as start, type LoopDelay, type ServerProcess } from '../../../server/src/test/serverProcess.ts';

/**
 * The benchmarks' servers run through the server process shared with e2e
 * (`server/src/test/serverProcess.ts`); what is the benchmarks' own is here.
 */
export { loopDelayMonitor, serveChild, SERVER_CHILD, type LoopDelay, type ServerProcess } from '../../../server/src/test/serverProcess.ts';

/**
 * `VIGIE_BENCH_CPU_PROF=<dir>` writes a V8 CPU profile of every server child into <dir> when it
 * stops (open the .cpuprofile in Chrome DevTools or speedscope): how a missed goal is diagnosed.
 */
export const startServerProcess = (entry: string, env: Record<string, string>): Promise<ServerProcess> =>
  start({ entry, env, cpuProfileDir: process.env.VIGIE_BENCH_CPU_PROF });

export const formatLoopDelay = (who: string, d: LoopDelay) => `${who} event-loop delay p50 ${d.p50.toFixed(1)} ms, p99 ${d.p99.toFixed(1)} ms, max ${d.max.toFixed(1)} ms`;
