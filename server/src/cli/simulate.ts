/**
 * Post realistic signed reports through the real intake, at a chosen rate, for demos and load tests:
 *   pnpm --filter @vigie/server simulate -- --rate 2 --count 50 --url http://localhost:3000 \
 *     --partner vvs-demo --secret vigie-demo-partner-secret
 * `--url` defaults to the server's PUBLIC_URL, else http://localhost:$PORT. `--count 0` runs until Ctrl-C; `--replay 0.1` resends one payload in ten (answers 200, same id).
 * The secret can come from VIGIE_PARTNER_SECRET instead of the command line (shell history).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadCommune, outerRing } from '@vigie/db';
import { samplePayload } from '../routes/intake/samples.ts';
import { signedHeaders } from '../routes/intake/signature.ts';
import { defaultSimulateUrl } from './simulateUrl.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'), // `pnpm … simulate -- --rate 2` passes the `--` on
  options: {
    rate: { type: 'string', default: '2' },
    count: { type: 'string', default: '50' },
    url: { type: 'string', default: defaultSimulateUrl(process.env) },
    partner: { type: 'string', default: 'vvs-demo' },
    secret: { type: 'string', default: process.env.VIGIE_PARTNER_SECRET ?? 'vigie-demo-partner-secret' },
    commune: { type: 'string' },
    replay: { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '64' },
    members: { type: 'string', default: '150' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('pnpm simulate -- [--rate 2] [--count 50 | 0 = forever] [--url http://localhost:3000] [--partner vvs-demo] [--secret …] [--replay 0] [--concurrency 64] [--commune file.geojson]');
  process.exit(0);
}
const number = (name: string, value: string, min: number, max: number) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    console.error(`--${name} must be a number between ${min} and ${max} (got "${value}")`);
    process.exit(2);
  }
  return n;
};
const rate = number('rate', values.rate, 0.01, 100_000);
const count = number('count', values.count, 0, 1e9);
const replay = number('replay', values.replay, 0, 1);
const concurrency = number('concurrency', values.concurrency, 1, 10_000);
const members = number('members', values.members, 0, 1e6);
const endpoint = `${values.url.replace(/\/$/, '')}/api/intake/reports`;
const ring = outerRing(loadCommune(values.commune ?? process.env.VIGIE_COMMUNE_FILE).boundary);
const run = randomBytes(3).toString('hex'); // external ids never collide with an earlier run

const stats = { sent: 0, done: 0, created: 0, replayed: 0, client: new Map<number, number>(), server: 0, network: 0 };
const latencies: number[] = [];
const sentBodies: string[] = [];
let inFlight = 0;

const percentile = (p: number) => {
  if (latencies.length === 0) return 0;
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

function summary() {
  const clientErrors = [...stats.client].map(([status, n]) => `${status}×${n}`).join(' ') || '0';
  return `sent ${stats.sent}  201 ${stats.created}  200 ${stats.replayed}  4xx ${clientErrors}  5xx ${stats.server}  network ${stats.network}` +
    `  p50 ${percentile(50).toFixed(1)} ms  p99 ${percentile(99).toFixed(1)} ms  in flight ${inFlight}`;
}

async function send(body: string) {
  stats.sent++;
  inFlight++;
  const started = performance.now();
  try {
    const res = await fetch(endpoint, { method: 'POST', headers: signedHeaders(values.partner, values.secret, body), body });
    const text = await res.text();
    latencies.push(performance.now() - started);
    if (res.status === 201) stats.created++;
    else if (res.status === 200) stats.replayed++;
    else if (res.status >= 500) stats.server++;
    else {
      stats.client.set(res.status, (stats.client.get(res.status) ?? 0) + 1);
      if ((stats.client.get(res.status) ?? 0) <= 3) console.error(`\n${res.status} ${text.slice(0, 300)}`);
    }
  } catch (error) {
    stats.network++;
    if (stats.network <= 3) console.error(`\n${endpoint}: ${(error as Error).message}`);
  } finally {
    inFlight--;
    stats.done++;
  }
}

function nextBody(): string {
  if (sentBodies.length > 0 && Math.random() < replay) return sentBodies[Math.floor(Math.random() * sentBodies.length)]!;
  const body = JSON.stringify(samplePayload(Math.random, ring, `sim-${run}-${stats.sent + 1}`, { members }));
  if (replay > 0 && sentBodies.length < 10_000) sentBodies.push(body);
  return body;
}

console.log(`Posting ${count || '∞'} signed reports to ${endpoint} as « ${values.partner} » at ${rate}/s (Ctrl-C to stop)`);
const live = process.stdout.isTTY;
const progress = setInterval(() => (live ? process.stdout.write(`\r${summary()}\x1b[K`) : console.log(summary())), live ? 1000 : 5000);

let stopping = false;
process.on('SIGINT', () => {
  stopping = true;
});

// Open loop: requests leave on schedule whatever the answers' latency (up to --concurrency in flight).
const started = performance.now();
while (!stopping && (count === 0 || stats.sent < count)) {
  const due = Math.floor(((performance.now() - started) / 1000) * rate) + 1;
  while (stats.sent < due && inFlight < concurrency && (count === 0 || stats.sent < count)) void send(nextBody());
  await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(100, 1000 / rate / 2))));
}
while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
clearInterval(progress);
const seconds = (performance.now() - started) / 1000;
console.log(`${live ? '\r' : ''}${summary()}\x1b[K`);
console.log(`${stats.done} answers in ${seconds.toFixed(1)} s (${(stats.done / seconds).toFixed(1)}/s)`);
process.exit(stats.server > 0 || stats.network > 0 ? 1 : 0);
