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
/** A request in flight this close after a fault (connections killed, server back) is the fault's. */
const FAULT_GRACE_MS = 2_000;

/** What a socket saw, for the report on a missing event: connects, drops, resyncs. */
interface Seen {
  at: number;
  what: string;
}

/**
 * An officer's dashboard reduced to what the soak checks: it holds each report:created once by
 * event id (as the admin's dedupe does), reconnects on its own, and after a reconnect that
 * socket.io could not recover asks `live:resync` from the last event id up to which it holds
 * everything. The dashboard refetches its lists when a resync fails; this officer has no list, so
 * it asks again until the resync succeeds, and meanwhile live events do not move its cursor (an
 * event arriving live after a gap says nothing about the gap).
 */
class Officer {
  readonly reports = new Map<number, Set<number>>();
  readonly seen = new Set<number>();
  /** When and how each event id arrived (ms since the run started; `live` or `resync`). */
  readonly arrived = new Map<number, { at: number; via: string }>();
  readonly log: Seen[] = [];
  highest = 0;
  /** Every event up to here is held: where a resync starts. */
  cursor = 0;
  inSync = true;
  resyncing = false;
  resyncs = 0;
  constructor(
    readonly socket: Socket,
    private readonly clock: () => number,
  ) {
    socket.on('report:created', (event: LiveEnvelope<{ id: number }>) => this.hold(event.event_id, 'report:created', event.record, 'live'));
    socket.on('report:updated', (event: LiveEnvelope<{ id: number }>) => this.hold(event.event_id, 'report:updated', event.record, 'live'));
    let first = true;
    socket.on('connect', () => {
      this.note(`connect (recovered: ${socket.recovered}, highest ${this.highest})`);
      if (first) return void (first = false);
      // A recovered connection replays what this disconnection missed, not an earlier gap.
      if (!socket.recovered || !this.inSync) {
        this.inSync = false;
        void this.resync();
      }
    });
    socket.on('disconnect', (reason) => this.note(`disconnect: ${reason}`));
    // A handshake the server refused (its database was unreachable) is not retried by socket.io:
    // the dashboard tries again with a backoff (createLiveClient), and so does this officer.
    socket.on('connect_error', (error) => {
      this.note(`connect_error: ${error.message} (active: ${socket.active})`);
      if (!socket.active) setTimeout(() => socket.connect(), 500);
    });
  }

  note(what: string) {
    this.log.push({ at: this.clock(), what });
  }

  hold(eventId: number, name: string, record: unknown, via: string) {
    if (this.seen.has(eventId)) return;
    this.seen.add(eventId);
    this.arrived.set(eventId, { at: this.clock(), via });
    this.highest = Math.max(this.highest, eventId);
    if (this.inSync) this.cursor = Math.max(this.cursor, eventId);
    if (name !== 'report:created') return;
    const id = (record as { id: number }).id;
    const events = this.reports.get(id) ?? new Set<number>();
    events.add(eventId);
    this.reports.set(id, events);
  }

  /** Pages from the cursor until the server says nothing is left; a failed page is asked again. */
  async resync() {
    if (this.resyncing) return;
    this.resyncing = true;
    try {
      for (let attempt = 0; attempt < 600 && !this.socket.disconnected; attempt++) {
        const since = this.cursor;
        const reply = (await this.socket.timeout(10_000).emitWithAck('live:resync', { since }).catch(() => ({ error: 'timeout' }))) as LiveResyncReply | { error: string };
        if ('error' in reply) {
          this.note(`resync since ${since}: ${reply.error}, again in 1 s`);
          await sleep(1_000);
          continue;
        }
        this.resyncs++;
        const positions = reply.events.map((e) => e.event_id);
        this.note(`resync since ${since}: ${positions.length} event(s) ${positions[0] ?? ''}…${positions.at(-1) ?? ''}${reply.truncated ? ' (truncated)' : ''}`);
        for (const event of reply.events) this.hold(event.event_id, event.name, event.record, 'resync');
        this.cursor = Math.max(since, positions.at(-1) ?? since);
        if (reply.truncated) continue;
        // Complete up to the read's horizon; what arrived live since the reconnect lies above it.
        this.cursor = Math.max(this.cursor, this.highest);
        this.inSync = true;
        return;
      }
    } finally {
      this.resyncing = false;
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

/** A 5xx as the soak reports it: which route, when, and what the server said. */
interface ServerError {
  /** When the request was sent and when its answer came (ms since the run started). */
  sentAt: number;
  at: number;
  status: number;
  route: string;
  body: string;
  requestId: string;
  retryAfter: string | undefined;
}

interface Tally {
  ok: number;
  serverErrors: ServerError[];
  networkErrors: number;
  other: Map<number, number>;
}

interface Fault {
  at: number;
  kind: 'connections killed' | 'server SIGKILLed' | 'server back';
}

/** The route without its ids and query: `/api/reports/:id`. */
const routeOf = (method: string, path: string) => `${method} ${path.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/:id')}`;

/** The fault closest in time to `at`, and how far (negative: before the fault). */
const nearestFault = (faults: Fault[], at: number) => {
  let best: Fault | undefined;
  for (const f of faults) if (!best || Math.abs(at - f.at) < Math.abs(at - best.at)) best = f;
  return best ? `${((at - best.at) / 1000).toFixed(1)} s from ${best.kind} at ${(best.at / 1000).toFixed(1)} s` : 'no fault';
};

export const soak: Benchmark = {
  name: 'soak',
  description:
    `${DURATION_S} s of mixed traffic (signed intake ${INTAKE_PER_S}/s, ${OFFICERS} officers' sockets, lists, triage, officer creates) ` +
    `while the database's connections are killed every ${KILL_EVERY_S} s and the server is SIGKILLed and restarted twice`,
  async run() {
    // The server's errors go to the bench's output ([server] lines): a 5xx's request id finds its cause there.
    const vigie = await startVigie('soak', { demo: true, env: { LOG_LEVEL: process.env.VIGIE_SOAK_LOG_LEVEL ?? 'error' } });
    let http: HttpClient = createHttpClient(vigie.server.url, 16);
    const officers: Officer[] = [];
    try {
      await liftIntakeLimit(vigie.sql);
      const cookies = await officerCookies(vigie, OFFICERS);
      const [{ max: firstId }] = (await vigie.sql`select coalesce(max(id), 0)::int as max from reports`) as unknown as [{ max: number }];
      let started = performance.now();
      const elapsed = () => performance.now() - started;
      for (const cookie of cookies) {
        const socket = ioClient(vigie.server.url, { transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 1_000, extraHeaders: { cookie, origin: ORIGIN } });
        officers.push(new Officer(socket, elapsed));
      }
      await Promise.all(officers.map((o) => new Promise<void>((resolve, reject) => { o.socket.once('connect', () => resolve()); o.socket.once('connect_error', reject); })));

      const tally: Tally = { ok: 0, serverErrors: [], networkErrors: 0, other: new Map() };
      const faults: Fault[] = [];
      const accepted = { intake: new Set<string>(), officer: new Set<string>() };
      started = performance.now();
      const startedAt = Date.now();
      const end = DURATION_S * 1000;
      let running = true;
      const officerHeaders = (i: number, extra: Record<string, string> = {}) => ({ cookie: cookies[i % cookies.length]!, origin: ORIGIN, 'content-type': 'application/json', ...extra });

      /** Send until answered (same body and key on every retry); a 2xx is an accepted write. */
      const send = async (make: () => { method: string; path: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: string } | null> => {
        for (let attempt = 0; attempt < 240 && (running || attempt === 0); attempt++) {
          const r = make();
          const sentAt = elapsed();
          const answer = await http.request(r.method, r.path, r.headers, r.body).catch(() => null);
          if (!answer) {
            tally.networkErrors++;
          } else if (answer.status >= 500) {
            const header = answer.headers['x-request-id'];
            tally.serverErrors.push({
              sentAt,
              at: elapsed(),
              status: answer.status,
              route: routeOf(r.method, r.path),
              body: answer.body.slice(0, 300),
              requestId: (Array.isArray(header) ? header[0] : header) ?? '',
              retryAfter: answer.headers['retry-after'] as string | undefined,
            });
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
            faults.push({ at: elapsed(), kind: 'server SIGKILLed' });
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
            console.log(`    server SIGKILLed at ${(faults.at(-1)!.at / 1000).toFixed(0)} s, back in ${((performance.now() - before) / 1000).toFixed(1)} s`);
            faults.push({ at: elapsed(), kind: 'server back' });
          }
          if (elapsed() >= nextKill) {
            nextKill += KILL_EVERY_S * 1000;
            faults.push({ at: elapsed(), kind: 'connections killed' });
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
      if (lostEvents > 0) await reportMissing(vigie, officers, created, startedAt);

      const stored = await vigie.sql<{ external_id: string }[]>`select external_id from reports where partner_id = ${DEMO_PARTNER.id} and external_id = any(${[...accepted.intake]})`;
      const storedKeys = await vigie.sql<{ idempotency_key: string }[]>`select idempotency_key from reports where idempotency_key = any(${[...accepted.officer]})`;
      const acceptedWrites = accepted.intake.size + accepted.officer.size;
      const lostWrites = acceptedWrites - stored.length - storedKeys.length;
      // A 503 (database unreachable, Retry-After) is the legitimate answer during a fault; a 500 never is.
      // A request is the fault's when it was in flight during the fault's seconds: sent before they
      // ended, answered after they began (a request queued behind a killed connection on a loaded
      // machine may be answered several seconds later, but it met the fault).
      const inFault = (e: ServerError) => faults.some((f) => e.sentAt <= f.at + FAULT_GRACE_MS && e.at >= f.at - 100);
      const unavailable = tally.serverErrors.filter((e) => e.status === 503);
      const unavailableOutside = unavailable.filter((e) => !inFault(e));
      const failures = tally.serverErrors.filter((e) => e.status !== 503);
      for (const e of [...failures, ...unavailableOutside]) {
        console.log(`    ${e.status} ${e.route} sent at ${(e.sentAt / 1000).toFixed(1)} s, answered at ${(e.at / 1000).toFixed(1)} s (${nearestFault(faults, e.sentAt)}), request ${e.requestId || '?'}${e.retryAfter ? `, Retry-After ${e.retryAfter}` : ''}: ${e.body}`);
      }
      const others = [...tally.other].map(([s, n]) => `${n}×${s}`).join(', ') || 'none';
      console.log(
        `  ${(elapsed() / 1000).toFixed(0)} s, ${kills} connection kills, ${restarted} SIGKILL restarts: ${tally.ok} 2xx, ${failures.length} 5xx other than 503, ` +
          `${unavailable.length} 503 (${unavailableOutside.length} outside faults), ${tally.networkErrors} network errors (server down), other answers: ${others}; ` +
          `${acceptedWrites} accepted writes, ${lostWrites} lost; ${created.length} reports × ${OFFICERS} officers, ${lostEvents} events missing, ${duplicates} duplicated; ` +
          `RSS ${rss.map((r) => `${r.mib.toFixed(0)} MiB at ${(r.at / 1000).toFixed(0)} s`).join(', ')}`,
      );
      const [first, last] = [rss[0], rss.at(-1)];
      return [
        { name: 'soak: accepted writes lost (intake + officer creates)', value: lostWrites, baseline: acceptedWrites, unit: 'writes', digits: 0, limit: { max: 0 } },
        { name: `soak: report events missing after catch-up (${OFFICERS} sockets)`, value: lostEvents, baseline: created.length * OFFICERS, unit: 'events', digits: 0, limit: { max: 0 } },
        { name: 'soak: report events duplicated after catch-up', value: duplicates, baseline: created.length * OFFICERS, unit: 'events', digits: 0, limit: { max: 0 } },
        { name: 'soak: 5xx other than 503 (any time)', value: failures.length, baseline: tally.ok, unit: 'answers', digits: 0, limit: { max: 0 } },
        { name: 'soak: 503 outside the fault seconds', value: unavailableOutside.length, baseline: tally.ok, unit: 'answers', digits: 0, limit: { max: 0 } },
        { name: 'soak: 503 in flight during a fault (context)', value: unavailable.length - unavailableOutside.length, baseline: tally.ok, unit: 'answers', digits: 0 },
        { name: 'soak: server RSS at the end / after warm-up (flat)', value: last?.mib ?? Number.NaN, baseline: first?.mib ?? Number.NaN, unit: 'MiB', digits: 0, maxRatio: 1.5 },
      ];
    } finally {
      for (const o of officers) o.socket.close();
      http.close();
      await vigie.close();
    }
  },
};

/**
 * Every missing report:created, per socket: its position, when it was written, the events the
 * socket holds either side of it (when and how they arrived), and what the socket did meanwhile.
 */
async function reportMissing(vigie: Vigie, officers: Officer[], created: number[], startedAt: number) {
  const rows = await vigie.sql<{ record_id: string; position: string; at: Date }[]>`
    select record_id, position, at from live_events where name = 'report:created' and record_id = any(${created.map(String)})`;
  const byReport = new Map(rows.map((r) => [Number(r.record_id), { position: Number(r.position), at: r.at.getTime() - startedAt }]));
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  for (const [index, officer] of officers.entries()) {
    const gone = created.filter((id) => !officer.reports.has(id));
    if (!gone.length) continue;
    console.log(`    officer ${index}: ${gone.length} report:created missing (${officer.resyncs} resync pages, connected: ${officer.socket.connected})`);
    const held = [...officer.arrived.keys()].sort((x, y) => x - y);
    for (const id of gone.slice(0, 10)) {
      const event = byReport.get(id);
      if (!event) {
        console.log(`      report ${id}: no live event was written`);
        continue;
      }
      const after = held.findIndex((p) => p > event.position);
      const [below, above] = [held[(after === -1 ? held.length : after) - 1], after === -1 ? undefined : held[after]];
      const describe = (p: number | undefined) => (p === undefined ? 'none' : `${p} (${officer.arrived.get(p)!.via} at ${seconds(officer.arrived.get(p)!.at)})`);
      console.log(`      report ${id}: position ${event.position}, written at ${seconds(event.at)}; held below ${describe(below)}, above ${describe(above)}`);
      for (const seen of officer.log.filter((l) => Math.abs(l.at - event.at) < 30_000)) console.log(`        ${seconds(seen.at)} ${seen.what}`);
    }
  }
}
