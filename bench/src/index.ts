import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { firstScreenBundle } from './firstScreenBundle.ts';
import { type Benchmark, formatTable, passes, ratio, type Row } from './table.ts';

/**
 * Every benchmark compares against a baseline measured in the same run: the machine is shared
 * and noisy, so only ratios are comparable from one run to the next. Add one by writing
 * `src/<name>.ts` exporting a `Benchmark` and listing it here.
 */
const BENCHMARKS: readonly Benchmark[] = [firstScreenBundle];

// `pnpm bench -- --only x` hands the `--` through: drop it rather than read `--only` as positional.
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const { values } = parseArgs({ args, options: { only: { type: 'string' } } });
const selected = values.only ? BENCHMARKS.filter((b) => b.name === values.only) : BENCHMARKS;
if (selected.length === 0) {
  console.error(`Unknown benchmark "${values.only}". Available: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const machine = {
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
};
console.log(`Vigie benchmarks — ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.date}`);

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

if (rows.length) console.log(`\n${formatTable(rows)}`);

const resultsDir = path.resolve(import.meta.dirname, '../results');
await mkdir(resultsDir, { recursive: true });
await writeFile(
  path.join(resultsDir, 'latest.json'),
  `${JSON.stringify({ machine, rows: rows.map((r) => ({ ...r, ratio: ratio(r), pass: passes(r) })) }, null, 2)}\n`,
);

const failed = rows.filter((r) => !passes(r));
if (failed.length) console.error(`\nOver their goal: ${failed.map((r) => r.name).join(', ')}`);
if (crashed.length) console.error(`\nCould not run: ${crashed.join(', ')}`);
if (failed.length || crashed.length) process.exitCode = 1;
