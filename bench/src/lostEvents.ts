import { performance } from 'node:perf_hooks';
import type { LiveEnvelope, LiveResyncReply } from '@vigie/shared';
import type { Socket } from 'socket.io-client';
import { connected, connectSocket } from '../../server/src/test/harness.ts';
import { createHttpClient, type HttpClient } from './support/http.ts';
import { sleep, within } from './support/stats.ts';
import { INTAKE_PATH, intakeStream, liftIntakeLimit, officerCookies, startVigie, type Vigie } from './support/vigie.ts';
import type { Benchmark, Row } from './table.ts';

const AWAY_MS = 10_000;
const MISSED = 100;
/** The 100 reports arrive over the first 8 s of the 10 s away. */
const SPREAD_MS = 8_000;
const WARMUP_REPORTS = 5;

/**
 * What the dashboard does with live events, reduced to counting: every report:created it is
 * handed, live or by resync, is counted *before* any deduplication, so a duplicate shows.
 * After a reconnect it asks `live:resync { since }` only when socket.io could not recover.
 */
class Officer {
  readonly held = new Map<number, number>();
  lastEventId = 0;
  recovered: boolean | null = null;
  resynced = 0;
  truncated = false;
  #afterReconnect: Promise<void> = Promise.resolve();

  constructor(readonly socket: Socket) {
    socket.on('report:created', (event: LiveEnvelope<{ id: number }>) => this.#hold(event.event_id, event.record.id));
    socket.on('report:updated', (event: LiveEnvelope<{ id: number }>) => this.#seen(event.event_id));
    let first = true;
    socket.on('connect', () => {
      if (first) {
        first = false;
        return;
      }
      this.recovered = socket.recovered;
      if (!socket.recovered) this.#afterReconnect = this.#resync();
    });
  }

  #seen(eventId: number) {
    this.lastEventId = Math.max(this.lastEventId, eventId);
  }

  #hold(eventId: number, reportId: number) {
    this.#seen(eventId);
    this.held.set(reportId, (this.held.get(reportId) ?? 0) + 1);
  }

  async #resync() {
    const reply = (await this.socket.timeout(10_000).emitWithAck('live:resync', { since: this.lastEventId })) as LiveResyncReply | { error: string };
    if ('error' in reply) throw new Error(`live:resync answered ${reply.error}`);
    this.truncated = reply.truncated;
    for (const event of reply.events) {
      if (event.name === 'report:created') this.#hold(event.event_id, (event.record as { id: number }).id);
      else this.#seen(event.event_id);
    }
    this.resynced += reply.events.length;
  }

  /** Reconnect (same Socket object: it carries socket.io's session id and offset) and catch up. */
  async reconnect() {
    const back = connected(this.socket);
    this.socket.connect();
    await within(back, 15_000, 'reconnecting');
    await sleep(0); // let the connect handler start the resync, if any
    await within(this.#afterReconnect, 15_000, 'live:resync');
  }

  duplicates() {
    let extra = 0;
    for (const count of this.held.values()) extra += count - 1;
    return extra;
  }
}

async function post(http: HttpClient, next: ReturnType<typeof intakeStream>): Promise<number> {
  const intake = next();
  const answer = await http.request('POST', INTAKE_PATH, intake.headers, intake.body);
  if (answer.status !== 201) throw new Error(`intake answered ${answer.status} ${answer.body.slice(0, 200)}`);
  return (JSON.parse(answer.body) as { id: number }).id;
}

async function waitUntil(condition: () => boolean, ms: number, what: string) {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await sleep(20);
  }
}

/** One officer away for 10 s while 100 reports arrive; `restartAfter` restarts the server meanwhile. */
async function scenario(vigie: Vigie, cookie: string, label: string, restartAfter: number | null): Promise<Row[]> {
  const next = intakeStream(`lost-${label.replace(/\W+/g, '-')}-${process.pid}`);
  let http = createHttpClient(vigie.server.url, 4);
  const officer = new Officer(connectSocket(vigie.server.url, cookie));
  try {
    await within(connected(officer.socket), 15_000, 'connecting');
    const before: number[] = [];
    for (let i = 0; i < WARMUP_REPORTS; i++) before.push(await post(http, next));
    await waitUntil(() => before.every((id) => officer.held.has(id)), 5_000, 'the reports before the cut');

    const gone = new Promise<void>((resolve) => officer.socket.once('disconnect', () => resolve()));
    officer.socket.io.engine.close(); // the transport drops, as on a network cut: not a clean disconnect
    await within(gone, 5_000, 'cutting the connection');
    const cutAt = performance.now();

    const missed: number[] = [];
    for (let i = 0; i < MISSED; i++) {
      if (i === restartAfter) {
        http.close();
        const started = performance.now();
        await vigie.server.restart(); // same port, same database, fresh process: socket.io's session is gone
        console.log(`    server restarted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        http = createHttpClient(vigie.server.url, 4);
      }
      const due = cutAt + (i * SPREAD_MS) / MISSED;
      if (due > performance.now()) await sleep(due - performance.now());
      missed.push(await post(http, next));
    }
    const awayFor = cutAt + AWAY_MS - performance.now();
    if (awayFor > 0) await sleep(awayFor);

    await officer.reconnect();
    await sleep(1_000); // anything late or doubled would show by now
    const received = missed.filter((id) => officer.held.has(id)).length;
    const beforeKept = before.filter((id) => officer.held.has(id)).length;
    const duplicates = officer.duplicates();
    const how = officer.recovered ? 'socket.io connection state recovery' : `live:resync (${officer.resynced} events${officer.truncated ? ', TRUNCATED' : ''})`;
    console.log(
      `  ${label}: away ${((performance.now() - cutAt) / 1000).toFixed(1)} s, caught up by ${how}: ` +
        `${received}/${MISSED} missed reports held, ${duplicates} duplicate(s), ${beforeKept}/${WARMUP_REPORTS} earlier ones kept`,
    );
    return [
      { name: `lost events, ${label}: held / sent while away`, value: received, baseline: MISSED, unit: 'reports', digits: 0, minRatio: 1, maxRatio: 1 },
      { name: `lost events, ${label}: duplicates`, value: duplicates, baseline: MISSED, unit: 'reports', digits: 0, limit: { max: 0 } },
    ];
  } finally {
    officer.socket.close();
    http.close();
  }
}

export const lostEvents: Benchmark = {
  name: 'lostEvents',
  description: `an officer cut off for ${AWAY_MS / 1000} s while ${MISSED} reports arrive holds all of them once after reconnecting (server in a child process)`,
  async run() {
    const vigie = await startVigie('lost', { demo: true });
    try {
      await liftIntakeLimit(vigie.sql);
      const [cookie] = await officerCookies(vigie, 1);
      return [
        ...(await scenario(vigie, cookie!, 'network cut', null)),
        ...(await scenario(vigie, cookie!, 'server restart', MISSED / 2)),
      ];
    } finally {
      await vigie.close();
    }
  },
};
