import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { broadcastFanout } from './broadcastFanout.ts';
import { firstScreenBundle } from './firstScreenBundle.ts';
import { intakeThroughput } from './intakeThroughput.ts';
import { lists } from './lists.ts';
import { liveLatency } from './liveLatency.ts';
import { lostEvents } from './lostEvents.ts';
import { mapScale } from './mapScale.ts';
import { membersList } from './membersList.ts';
import { membersCsv } from './membersCsv.ts';
import { stats } from './stats.ts';
import { soak } from './soak.ts';
import { ADMIN_URL, dropOrphanDatabases, withAdmin } from './support/database.ts';
import { type Benchmark, formatTable, goal, passes, ratio, type Row, verdict } from './table.ts';

/**
 * Every benchmark compares against a baseline measured in the same run: the machine is shared
 * and noisy, so only ratios are comparable from one run to the next. Add one by writing
 * `src/<name>.ts` exporting a `Benchmark` and listing it here.
 */
const BENCHMARKS: readonly Benchmark[] = [
  firstScreenBundle,
  intakeThroughput,
  liveLatency,
  lostEvents,
  lists,
  mapScale,
  membersList,
  membersCsv,
  broadcastFanout,
  stats,
  soak,
];

// `pnpm bench -- --only x` hands the `--` through: drop it rather than read `--only` as positional.
const args = process.argv.slice(2).filter((arg) => arg !== '--');
// `--quick` is read by the benchmarks that have a shorter form (soak).
const { values } = parseArgs({ args, options: { only: { type: 'string' }, quick: { type: 'boolean' } } });
const wanted = values.only?.split(',').map((name) => name.trim());
const selected = wanted ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;
if (selected.length === 0 || (wanted && selected.length !== wanted.length)) {
  console.error(`Unknown benchmark "${values.only}". Available: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const postgres = await withAdmin(async (admin) => {
  const [row] = await admin<{ version: string }[]>`select current_setting('server_version') as version`;
  return row?.version ?? null;
}).catch(() => null);
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  postgres,
  date: new Date().toISOString(),
  /** 1-minute load average at the start and the end: how busy the shared machine was. */
  load: { start: loadavg()[0]!, end: 0 },
};
console.log(
  `Vigie benchmarks — ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
    `PostgreSQL ${postgres ?? `unreachable at ${ADMIN_URL}`}, load ${machine.load.start.toFixed(2)}, ${machine.date}`,
);

const orphans = postgres ? await dropOrphanDatabases() : [];
if (orphans.length) console.log(`(dropped ${orphans.length} database(s) left by interrupted runs: ${orphans.join(', ')})`);

const rows: Row[] = [];
const crashed: string[] = [];
for (const benchmark of selected) {
  console.log(`\n${benchmark.name}: ${benchmark.description}`);
  try {
    rows.push(...(await benchmark.run()));
  } catch (error) {
    crashed.push(benchmark.name);
    const message = (error as Error).message.split('\n').slice(0, 8).join('\n    ');
    console.error(`  ${benchmark.name} could not run: ${message}`);
  }
}

machine.load.end = loadavg()[0]!;
if (rows.length) console.log(`\n${formatTable(rows)}\n\n(load average ${machine.load.start.toFixed(2)} at the start, ${machine.load.end.toFixed(2)} at the end, on ${machine.cores} cores)`);

const resultsDir = path.resolve(import.meta.dirname, '../results');
await mkdir(resultsDir, { recursive: true });
await writeFile(
  path.join(resultsDir, 'latest.json'),
  `${JSON.stringify({ machine, rows: rows.map((r) => ({ ...r, ratio: ratio(r), goal: goal(r), result: verdict(r), pass: passes(r) })) }, null, 2)}\n`,
);

const failed = rows.filter((r) => !passes(r));
if (failed.length) console.error(`\nOver their goal: ${failed.map((r) => r.name).join(', ')}`);
if (crashed.length) console.error(`\nCould not run: ${crashed.join(', ')}`);
if (failed.length || crashed.length) process.exitCode = 1;
