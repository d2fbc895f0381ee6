import path from 'node:path';
import { startServerProcess } from './childProcess.ts';
import { closedLoop, createHttpClient } from './http.ts';
import { summarise } from './stats.ts';
import { INTAKE_PATH, intakeStream, liftIntakeLimit, startVigie } from './vigie.ts';
const vigie = await startVigie('scratch', { demo: true });
await liftIntakeLimit(vigie.sql);
const bare = await startServerProcess(path.resolve(import.meta.dirname, 'bareIntakeChild.ts'), { DATABASE_URL: vigie.database.url });
const targets = [{ label: 'vigie (throttle logged)', url: vigie.server.url, unlogged: false }, { label: 'vigie (throttle unlogged)', url: vigie.server.url, unlogged: true }, { label: 'bare', url: bare.url, unlogged: false }];
const acc = new Map(targets.map((t) => [t.label, { ok: 0, ms: 0, lat: [] as number[] }]));
for (let round = 0; round < 4; round++) for (const t of round % 2 ? [...targets].reverse() : targets) {
  await vigie.sql.unsafe(`alter table throttle set ${t.unlogged ? 'unlogged' : 'logged'}`);
  const http = createHttpClient(t.url, 16); const next = intakeStream(`${t.label.replace(/\W+/g, '')}-${round}-${process.pid}`);
  const r = await closedLoop({ concurrency: 16, durationMs: round === 0 ? 1500 : 4000, maxRequests: 50000, send: () => { const i = next(); return http.request('POST', INTAKE_PATH, i.headers, i.body); }, expect: (s) => s === 201 });
  if (r.errors) console.log(t.label, 'errors', r.errors, r.firstError);
  if (round > 0) { const a = acc.get(t.label)!; a.ok += r.ok; a.ms += r.elapsedMs; a.lat.push(...r.latencies); }
  http.close();
}
for (const [k, a] of acc) console.log(k, (a.ok / a.ms * 1000).toFixed(0), 'req/s, p50', summarise(a.lat).p50.toFixed(1), 'p99', summarise(a.lat).p99.toFixed(1));
await bare.stop(); await vigie.close();
