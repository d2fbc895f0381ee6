import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { connected, connectSocket } from '../../server/src/test/harness.ts';
import { formatLoopDelay, loopDelayMonitor, type LoopDelay } from './support/childProcess.ts';
import { formatCpu, startCpuWatch, type CpuUse } from './support/cpu.ts';
import { createHttpClient } from './support/http.ts';
import { ms, sleep, summarise, within, type Summary } from './support/stats.ts';
import { backendPids, INTAKE_PATH, intakeStream, liftIntakeLimit, officerCookies, startVigie } from './support/vigie.ts';
import type { Benchmark, Row } from './table.ts';

const SOCKET_COUNTS = [1, 50, 200] as const;
const RATE_PER_SECOND = 50;
const PHASE_MS = 5_000;
const ROUNDS = 2;
/** The issue's goal: with 200 officers connected, 99 % of them see a report within 50 ms. */
const MAX_P99_MS = 50;

interface Phase {
  sockets: number;
  latencies: number[];
  /** How long the intake POSTs themselves took to answer: the part of the latency before the fan-out. */
  answers: number[];
  expected: number;
  posted: number;
  postErrors: number;
  firstError: string | null;
  cpu?: CpuUse;
  serverLoop?: LoopDelay;
  benchLoop?: LoopDelay;
}

/**
 * Open loop: a POST every 1000/rate ms on a fixed schedule, whether or not the previous ones
 * were answered, as alerts arrive in real life. Returns once every POST has been answered.
 */
async function postAtRate(durationMs: number, send: () => Promise<void>) {
  const interval = 1000 / RATE_PER_SECOND;
  const started = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let due = 0; due < durationMs; due += interval) {
    const wait = started + due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(send());
  }
  await Promise.all(pending);
}

export const liveLatency: Benchmark = {
  name: 'liveLatency',
  description: `intake POST → report:created on each of N authenticated sockets (N = ${SOCKET_COUNTS.join(', ')}) at ${RATE_PER_SECOND} reports/s; server in a child process`,
  async run() {
    const vigie = await startVigie('live', { demo: true });
    const sockets: Socket[] = [];
    const benchLoop = loopDelayMonitor();
    // Enough connections that the open loop never queues in the client, even when answers are slow.
    const http = createHttpClient(vigie.server.url, 64);
    try {
      await liftIntakeLimit(vigie.sql);
      const cookies = await officerCookies(vigie, Math.max(...SOCKET_COUNTS));
      const next = intakeStream(`live-${process.pid}`);
      /** external_id → when its POST was written, for the phase being measured. */
      const sentAt = new Map<string, number>();
      let phase: Phase | null = null;

      const onCreated = (event: { record: { external_id: string | null } }) => {
        const at = performance.now();
        const sent = event.record.external_id ? sentAt.get(event.record.external_id) : undefined;
        if (phase && sent !== undefined) phase.latencies.push(at - sent);
      };
      const connectUpTo = async (count: number) => {
        while (sockets.length > count) sockets.pop()!.close();
        while (sockets.length < count) {
          const batch = cookies.slice(sockets.length, Math.min(count, sockets.length + 25)).map((cookie) => connectSocket(vigie.server.url, cookie));
          sockets.push(...batch);
          for (const socket of batch) socket.on('report:created', onCreated);
          await within(Promise.all(batch.map(connected)), 30_000, `connecting ${count} sockets`);
        }
      };

      const measure = async (count: number, durationMs: number): Promise<Phase> => {
        await connectUpTo(count);
        await sleep(200);
        sentAt.clear();
        const current: Phase = { sockets: count, latencies: [], answers: [], expected: 0, posted: 0, postErrors: 0, firstError: null };
        phase = current;
        const cpu = startCpuWatch(vigie.server.pid, await backendPids(vigie.sql));
        await vigie.server.loopDelay();
        benchLoop();
        await postAtRate(durationMs, async () => {
          const intake = next();
          sentAt.set(intake.externalId, performance.now());
          try {
            const answer = await http.request('POST', INTAKE_PATH, intake.headers, intake.body);
            current.answers.push(answer.ms);
            if (answer.status === 201) current.posted++;
            else {
              current.postErrors++;
              current.firstError ??= `${answer.status} ${answer.body.slice(0, 200)}`;
            }
          } catch (error) {
            current.postErrors++;
            current.firstError ??= (error as Error).message;
          }
        });
        current.expected = current.posted * count;
        const drainUntil = performance.now() + 2_000;
        while (current.latencies.length < current.expected && performance.now() < drainUntil) await sleep(20);
        phase = null;
        current.cpu = cpu();
        current.serverLoop = await vigie.server.loopDelay();
        current.benchLoop = benchLoop();
        if (current.postErrors) throw new Error(`${current.postErrors} intake POSTs failed, first: ${current.firstError}`);
        return current;
      };

      await measure(1, 1_000); // warm-up: JIT, pools, the LISTEN connection
      const results = new Map<number, Phase[]>(SOCKET_COUNTS.map((n) => [n, []]));
      for (let round = 0; round < ROUNDS; round++) {
        // Interleaved, and in the reverse order every other round, so drift on the box is shared.
        const order = round % 2 === 0 ? [...SOCKET_COUNTS] : [...SOCKET_COUNTS].reverse();
        for (const n of order) results.get(n)!.push(await measure(n, PHASE_MS));
      }

      const summaries = new Map<number, Summary>();
      for (const n of SOCKET_COUNTS) {
        const phases = results.get(n)!;
        const latencies = phases.flatMap((p) => p.latencies);
        const expected = phases.reduce((sum, p) => sum + p.expected, 0);
        const posted = phases.reduce((sum, p) => sum + p.posted, 0);
        const s = summarise(latencies);
        const answers = summarise(phases.flatMap((p) => p.answers));
        summaries.set(n, s);
        const missing = expected - latencies.length;
        console.log(
          `  N=${String(n).padEnd(3)} ${posted} reports, ${latencies.length}/${expected} deliveries${missing ? ` (${missing} MISSING)` : ''}: ` +
            `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (the POSTs answered in p50 ${ms(answers.p50)}, p99 ${ms(answers.p99)})`,
        );
        for (const p of phases) {
          console.log(`        ${formatCpu(p.cpu!)}; ${formatLoopDelay('server', p.serverLoop!)}, ${formatLoopDelay('bench', p.benchLoop!)}`);
        }
        if (missing > 0) throw new Error(`N=${n}: ${missing} report:created deliveries never arrived`);
      }

      const one = summaries.get(1)!;
      const rows: Row[] = [];
      for (const n of SOCKET_COUNTS.filter((c) => c > 1)) {
        const s = summaries.get(n)!;
        for (const p of ['p50', 'p95', 'p99'] as const) {
          const goal = n === 200 && p === 'p99' ? { limit: { max: MAX_P99_MS, strict: true } } : {};
          rows.push({ name: `live ${p}, ${n} sockets (baseline: 1)`, value: s[p], baseline: one[p], unit: 'ms', ...goal });
        }
      }
      return rows;
    } finally {
      for (const socket of sockets) socket.close();
      http.close();
      await vigie.close();
    }
  },
};
