import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { LiveEnvelope, LiveResyncReply } from '@vigie/shared';
import { io as ioClient, type Socket } from 'socket.io-client';
import { ORIGIN } from '../../server/src/test/harness.ts';
import { DEMO_PARTNER } from '../../server/src/routes/partners/demo.ts';
import { signedHeaders } from '../../server/src/routes/intake/signature.ts';
import { withAdmin } from './support/database.ts';
import { createHttpClient, type HttpClient } from './support/http.ts';
import { sleep } from './support/stats.ts';
import { INTAKE_PATH, intakeStream, liftIntakeLimit, officerCookies, startVigie, type Vigie } from './support/vigie.ts';
import type { Benchmark, Row } from './table.ts';

/** `--quick` (or VIGIE_SOAK_SECONDS) shortens the 5 minutes the issue compresses 30 into. */
const QUICK = process.argv.includes('--quick');
const DURATION_S = Number(process.env.VIGIE_SOAK_SECONDS ?? (QUICK ? 60 : 300));
const INTAKE_PER_S = 20;
const OFFICERS = 20;
const KILL_EVERY_S = 20;
/** A request that fails this close after a fault (connections killed, server down) is the fault's. */
const FAULT_GRACE_MS = 2_000;

/**
 * An officer's dashboard reduced to what the soak checks: it holds each report:created once by
 * event id (as the admin's dedupe does), reconnects on its own, and after a reconnect that
 * socket.io could not recover asks `live:resync` from the highest event id it holds.
 */
class Officer {
  readonly reports = new Map<number, Set<number>>();
  readonly seen = new Set<number>();
  highest = 0;
  resyncs = 0;
  constructor(readonly socket: Socket) {
    socket.on('report:created', (event: LiveEnvelope<{ id: number }>) => this.hold(event.event_id, 'report:created', event.record));
    socket.on('report:updated', (event: LiveEnvelope<{ id: number }>) => this.hold(event.event_id, 'report:updated', event.record));
    let first = true;
    socket.on('connect', () => {
      if (first) return void (first = false);
      if (!socket.recovered) void this.resync();
    });
    // A handshake the server refused (its database was unreachable) is not retried by socket.io:
    // the dashboard tries again with a backoff (createLiveClient), and so does this officer.
    socket.on('connect_error', () => {
      if (!socket.active) setTimeout(() => socket.connect(), 500);
    });
  }

  hold(eventId: number, name: string, record: unknown) {
    if (this.seen.has(eventId)) return;
    this.seen.add(eventId);
    this.highest = Math.max(this.highest, eventId);
    if (name !== 'report:created') return;
    const id = (record as { id: number }).id;
    const events = this.reports.get(id) ?? new Set<number>();
    events.add(eventId);
    this.reports.set(id, events);
  }

  async resync() {
    for (let page = 0; page < 50; page++) {
      const reply = (await this.socket.timeout(10_000).emitWithAck('live:resync', { since: this.highest }).catch(() => ({ error: 'timeout' }))) as LiveResyncReply | { error: string };
      if ('error' in reply) return;
      this.resyncs++;
      for (const event of reply.events) this.hold(event.event_id, event.name, event.record);
      if (!reply.truncated) return;
    }
  }

  duplicates() {
    let extra = 0;
    for (const events of this.reports.values()) extra += events.size - 1;
    return extra;
  }
}

const rssMiB = async (pid: number) => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
};

interface Tally {
  ok: number;
  serverErrors: number[];
  networkErrors: number;
  other: Map<number, number>;
}

export const soak: Benchmark = {
  name: 'soak',
  description:
    `${DURATION_S} s of mixed traffic (signed intake ${INTAKE_PER_S}/s, ${OFFICERS} officers' sockets, lists, triage, officer creates) ` +
    `while the database's connections are killed every ${KILL_EVERY_S} s and the server is SIGKILLed and restarted twice`,
  async run() {
    const vigie = await startVigie('soak', { demo: true });
    let http: HttpClient = createHttpClient(vigie.server.url, 16);
    const officers: Officer[] = [];
    try {
      await liftIntakeLimit(vigie.sql);
      const cookies = await officerCookies(vigie, OFFICERS);
      const [{ max: firstId }] = (await vigie.sql`select coalesce(max(id), 0)::int as max from reports`) as unknown as [{ max: number }];
      for (const cookie of cookies) {
        const socket = ioClient(vigie.server.url, { transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 1_000, extraHeaders: { cookie, origin: ORIGIN } });
        officers.push(new Officer(socket));
      }
      await Promise.all(officers.map((o) => new Promise<void>((resolve, reject) => { o.socket.once('connect', () => resolve()); o.socket.once('connect_error', reject); })));

      const tally: Tally = { ok: 0, serverErrors: [], networkErrors: 0, other: new Map() };
      const faults: number[] = []; // when each fault began (ms since start), and when each restart ended
      const accepted = { intake: new Set<string>(), officer: new Set<string>() };
      const started = performance.now();
      const elapsed = () => performance.now() - started;
      const end = DURATION_S * 1000;
      let running = true;
      const officerHeaders = (i: number, extra: Record<string, string> = {}) => ({ cookie: cookies[i % cookies.length]!, origin: ORIGIN, 'content-type': 'application/json', ...extra });

      /** Send until answered (same body and key on every retry); a 2xx is an accepted write. */
      const send = async (make: () => { method: string; path: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: string } | null> => {
        for (let attempt = 0; attempt < 240 && (running || attempt === 0); attempt++) {
          const r = make();
          const answer = await http.request(r.method, r.path, r.headers, r.body).catch(() => null);
          if (!answer) {
            tally.networkErrors++;
          } else if (answer.status >= 500) {
            tally.serverErrors.push(elapsed());
          } else {
            if (answer.status < 300) tally.ok++;
            else tally.other.set(answer.status, (tally.other.get(answer.status) ?? 0) + 1);
            return answer;
          }
          await sleep(250);
        }
        return null;
      };

      const next = intakeStream(`soak-${process.pid}`);
      const intakeLoop = async () => {
        const inflight = new Set<Promise<unknown>>();
        for (let i = 0; elapsed() < end; i++) {
          const due = (i * 1000) / INTAKE_PER_S;
          if (due > elapsed()) await sleep(due - elapsed());
          const alert = next();
          const p = send(() => ({ method: 'POST', path: INTAKE_PATH, headers: signedHeaders(DEMO_PARTNER.id, DEMO_PARTNER.secret, alert.body), body: alert.body })).then((a) => {
            if (a && a.status < 300) accepted.intake.add(alert.externalId);
          });
          inflight.add(p);
          void p.finally(() => inflight.delete(p));
        }
        await Promise.all(inflight);
      };

      const officerLoop = async () => {
        const inflight = new Set<Promise<unknown>>();
        for (let i = 0; elapsed() < end; i++) {
          await sleep(200);
          const who = i % OFFICERS;
          let p: Promise<unknown>;
          if (i % 5 === 0) {
            // Triage the newest unhandled report; a 409 (someone was faster) is an answer, not an error.
            p = send(() => ({ method: 'GET', path: `/api/reports?sort=${encodeURIComponent('["received_at","DESC"]')}&range=${encodeURIComponent('[0,4]')}&filter=${encodeURIComponent('{"status":"new"}')}`, headers: officerHeaders(who) })).then(async (a) => {
              const id = a && a.status === 200 ? (JSON.parse(a.body) as Array<{ id: number }>)[0]?.id : undefined;
              if (id) await send(() => ({ method: 'PUT', path: `/api/reports/${id}`, headers: officerHeaders(who), body: JSON.stringify({ status: 'acknowledged' }) }));
            });
          } else if (i % 5 === 1) {
            const key = randomUUID();
            const body = JSON.stringify({ category: 'road_hazard', description: `Nid-de-poule signalé au poste (${key.slice(0, 8)})`, lat: 48.7794, lng: 2.3162, source: 'phone' });
            p = send(() => ({ method: 'POST', path: '/api/reports', headers: officerHeaders(who, { 'idempotency-key': key }), body })).then((a) => {
              if (a && a.status < 300) accepted.officer.add(key);
            });
          } else {
            p = send(() => ({ method: 'GET', path: `/api/reports?sort=${encodeURIComponent('["received_at","DESC"]')}&range=${encodeURIComponent('[0,24]')}`, headers: officerHeaders(who) }));
          }
          inflight.add(p);
          void p.finally(() => inflight.delete(p));
        }
        await Promise.all(inflight);
      };

      const rss: Array<{ at: number; mib: number }> = [];
      const restarts = [0.25, 0.5].map((f) => f * end);
      const faultLoop = async () => {
        let kills = 0;
        let restarted = 0;
        let nextKill = KILL_EVERY_S * 1000;
        const samples = [0.1, 0.55, 0.75].map((f) => f * end);
        while (elapsed() < end) {
          await sleep(100);
          if (samples.length && elapsed() >= samples[0]!) {
            samples.shift();
            rss.push({ at: elapsed(), mib: await rssMiB(vigie.server.pid) });
          }
          if (restarted < restarts.length && elapsed() >= restarts[restarted]!) {
            restarted++;
            faults.push(elapsed());
            const killedPid = vigie.server.pid;
            process.kill(-killedPid, 'SIGKILL'); // the whole group, as the OOM killer or a power cut would
            http.close();
            const before = performance.now();
            // start() brings a new process once the old one's exit is noticed (same port, same database).
            while (vigie.server.pid === killedPid) {
              await sleep(50);
              await vigie.server.start();
            }
            http = createHttpClient(vigie.server.url, 16);
            console.log(`    server SIGKILLed at ${(faults.at(-1)! / 1000).toFixed(0)} s, back in ${((performance.now() - before) / 1000).toFixed(1)} s`);
            faults.push(elapsed());
          }
          if (elapsed() >= nextKill) {
            nextKill += KILL_EVERY_S * 1000;
            faults.push(elapsed());
            const database = vigie.database.name;
            const killed = await withAdmin((admin) => admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`);
            kills++;
            if (kills === 1 || kills % 5 === 0) console.log(`    killed ${killed.length} connection(s) at ${(elapsed() / 1000).toFixed(0)} s (round ${kills})`);
          }
        }
        return { kills, restarted };
      };

      const [, , { kills, restarted }] = await Promise.all([intakeLoop(), officerLoop(), faultLoop()]);
      running = false;
      rss.push({ at: elapsed(), mib: await rssMiB(vigie.server.pid) });

      // Catch-up: every officer must hold every report created during the run, once.
      const created = (await vigie.sql`select id from reports where id > ${firstId}`).map((r) => r.id as number);
      const missing = () => officers.reduce((n, o) => n + created.filter((id) => !o.reports.has(id)).length, 0);
      const deadline = performance.now() + 30_000;
      while (missing() > 0 && performance.now() < deadline) {
        await sleep(500);
        if (performance.now() > deadline - 20_000) await Promise.all(officers.filter((o) => o.socket.connected).map((o) => o.resync()));
      }
      const lostEvents = missing();
      const duplicates = officers.reduce((n, o) => n + o.duplicates(), 0);

      const stored = await vigie.sql<{ external_id: string }[]>`select external_id from reports where partner_id = ${DEMO_PARTNER.id} and external_id = any(${[...accepted.intake]})`;
      const storedKeys = await vigie.sql<{ idempotency_key: string }[]>`select idempotency_key from reports where idempotency_key = any(${[...accepted.officer]})`;
      const acceptedWrites = accepted.intake.size + accepted.officer.size;
      const lostWrites = acceptedWrites - stored.length - storedKeys.length;
      const inFault = (at: number) => faults.some((f) => at >= f - 100 && at <= f + FAULT_GRACE_MS);
      const outside = tally.serverErrors.filter((at) => !inFault(at)).length;
      const others = [...tally.other].map(([s, n]) => `${n}×${s}`).join(', ') || 'none';
      console.log(
        `  ${(elapsed() / 1000).toFixed(0)} s, ${kills} connection kills, ${restarted} SIGKILL restarts: ${tally.ok} 2xx, ${tally.serverErrors.length} 5xx ` +
          `(${outside} outside faults), ${tally.networkErrors} network errors (server down), other answers: ${others}; ` +
          `${acceptedWrites} accepted writes, ${lostWrites} lost; ${created.length} reports × ${OFFICERS} officers, ${lostEvents} events missing, ${duplicates} duplicated; ` +
          `RSS ${rss.map((r) => `${r.mib.toFixed(0)} MiB at ${(r.at / 1000).toFixed(0)} s`).join(', ')}`,
      );
      const [first, last] = [rss[0], rss.at(-1)];
      return [
        { name: 'soak: accepted writes lost (intake + officer creates)', value: lostWrites, baseline: acceptedWrites, unit: 'writes', digits: 0, limit: { max: 0 } },
        { name: `soak: report events missing after catch-up (${OFFICERS} sockets)`, value: lostEvents, baseline: created.length * OFFICERS, unit: 'events', digits: 0, limit: { max: 0 } },
        { name: 'soak: report events duplicated after catch-up', value: duplicates, baseline: created.length * OFFICERS, unit: 'events', digits: 0, limit: { max: 0 } },
        { name: 'soak: 5xx outside the fault seconds', value: outside, baseline: tally.ok, unit: 'answers', digits: 0, limit: { max: 0 } },
        { name: 'soak: 5xx within 2 s of a fault (context)', value: tally.serverErrors.length - outside, baseline: tally.ok, unit: 'answers', digits: 0 },
        { name: 'soak: server RSS at the end / after warm-up (flat)', value: last?.mib ?? Number.NaN, baseline: first?.mib ?? Number.NaN, unit: 'MiB', digits: 0, maxRatio: 1.5 },
      ];
    } finally {
      for (const o of officers) o.socket.close();
      http.close();
      await vigie.close();
    }
  },
};
