import path from 'node:path';
import { formatLoopDelay, startServerProcess, type LoopDelay, type ServerProcess } from './support/childProcess.ts';
import { formatCpu, startCpuWatch, type CpuUse } from './support/cpu.ts';
import { closedLoop, createHttpClient, type HttpClient, type LoopResult } from './support/http.ts';
import { ms, summarise } from './support/stats.ts';
import { backendPids, INTAKE_PATH, intakeStream, liftIntakeLimit, startVigie } from './support/vigie.ts';
import type { Benchmark, Row } from './table.ts';

const CONCURRENCY = 16;
const ROUNDS = 3;
const ROUND_MS = 5_000;
const WARMUP_MS = 1_500;
/** A bound on count as well as on time, whatever the machine. */
const MAX_REQUESTS_PER_ROUND = 50_000;
/** The goals: at least 0.6× the bare route's throughput, at most 3× its p99. */
const MIN_THROUGHPUT_RATIO = 0.6;
const MAX_P99_RATIO = 3;

const BARE_CHILD = path.resolve(import.meta.dirname, 'support/bareIntakeChild.ts');

interface Side {
  label: string;
  server: ServerProcess;
  http: HttpClient;
  next: ReturnType<typeof intakeStream>;
  rounds: Array<LoopResult & { cpu: CpuUse; loop: LoopDelay }>;
}

async function round(side: Side, durationMs: number, pids: number[]) {
  const cpu = startCpuWatch(side.server.pid, pids);
  await side.server.loopDelay();
  const result = await closedLoop({
    concurrency: CONCURRENCY,
    durationMs,
    maxRequests: MAX_REQUESTS_PER_ROUND,
    send: () => {
      const intake = side.next();
      return side.http.request('POST', INTAKE_PATH, intake.headers, intake.body);
    },
    expect: (status) => status === 201,
  });
  if (result.errors) throw new Error(`${side.label}: ${result.errors} requests failed, first: ${result.firstError}`);
  return { ...result, cpu: cpu(), loop: await side.server.loopDelay() };
}

export const intakeThroughput: Benchmark = {
  name: 'intakeThroughput',
  description: `signed POST /api/intake/reports vs a bare Hono route doing one INSERT, same database and pool, ${CONCURRENCY} concurrent, ${ROUNDS} × ${ROUND_MS / 1000} s each, alternating; servers in child processes`,
  async run() {
    const vigie = await startVigie('intake', { demo: true });
    let bare: ServerProcess | undefined;
    const clients: HttpClient[] = [];
    try {
      await liftIntakeLimit(vigie.sql);
      bare = await startServerProcess(BARE_CHILD, { DATABASE_URL: vigie.database.url });
      // The same seed on both sides: the same alerts in the same order, under other external ids.
      const sides: Side[] = [
        { label: 'Vigie intake', server: vigie.server, http: createHttpClient(vigie.server.url, CONCURRENCY), next: intakeStream(`v${process.pid}`), rounds: [] },
        { label: 'bare INSERT', server: bare, http: createHttpClient(bare.url, CONCURRENCY), next: intakeStream(`b${process.pid}`), rounds: [] },
      ];
      clients.push(...sides.map((s) => s.http));
      const [intake, baseline] = sides as [Side, Side];

      for (const side of sides) await round(side, WARMUP_MS, []); // JIT, pools filled, caches warm
      for (let i = 0; i < ROUNDS; i++) {
        for (const side of i % 2 === 0 ? [intake, baseline] : [baseline, intake]) {
          side.rounds.push(await round(side, ROUND_MS, await backendPids(vigie.sql)));
        }
      }

      const totals = sides.map((side) => {
        const ok = side.rounds.reduce((sum, r) => sum + r.ok, 0);
        const seconds = side.rounds.reduce((sum, r) => sum + r.elapsedMs, 0) / 1000;
        const latency = summarise(side.rounds.flatMap((r) => r.latencies));
        console.log(`  ${side.label.padEnd(12)} ${ok} reports in ${seconds.toFixed(1)} s: ${(ok / seconds).toFixed(0)} req/s, p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)}`);
        for (const r of side.rounds) console.log(`      round: ${(r.ok / (r.elapsedMs / 1000)).toFixed(0)} req/s, p99 ${ms(summarise(r.latencies).p99)}; ${formatCpu(r.cpu)}; ${formatLoopDelay('server', r.loop)}`);
        return { rps: ok / seconds, p99: latency.p99 };
      });
      const [v, b] = totals as [typeof totals[0], typeof totals[0]];
      const rows: Row[] = [
        { name: 'intake throughput (baseline: bare INSERT)', value: v.rps, baseline: b.rps, unit: 'req/s', digits: 0, minRatio: MIN_THROUGHPUT_RATIO },
        { name: 'intake p99 latency (baseline: bare INSERT)', value: v.p99, baseline: b.p99, unit: 'ms', maxRatio: MAX_P99_RATIO },
      ];
      return rows;
    } finally {
      for (const client of clients) client.close();
      await bare?.stop();
      await vigie.close();
    }
  },
};
