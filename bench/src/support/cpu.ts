import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * Where the CPU went during a measurement (Linux /proc): this process, the server's, and the
 * whole machine. On a shared box, "machine" well above the sum of ours means other work was
 * competing, which the same-run baselines absorb but an absolute goal does not.
 */
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return Number.NaN;
  }
}

function machineTicks(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    const total = values.slice(0, 8).reduce((sum, v) => sum + v, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: Number.NaN, total: Number.NaN };
  }
}

export interface CpuUse {
  /** In cores (1.0 = one core busy the whole time). */
  bench: number;
  server: number;
  /** The PostgreSQL backends serving the benchmark's database. */
  database: number;
  machine: number;
  cores: number;
}

const sumTicks = (pids: readonly number[]) => pids.reduce((sum, pid) => sum + (processTicks(pid) || 0), 0);

/** Call at the start of a measurement; the returned function gives the use since then. */
export function startCpuWatch(serverPid: number, databasePids: readonly number[] = []) {
  const start = { wall: performance.now(), bench: processTicks(process.pid), server: processTicks(serverPid), database: sumTicks(databasePids), machine: machineTicks() };
  return (): CpuUse => {
    const seconds = (performance.now() - start.wall) / 1000;
    const end = { bench: processTicks(process.pid), server: processTicks(serverPid), database: sumTicks(databasePids), machine: machineTicks() };
    const cores = cpus().length;
    const machineShare = (end.machine.busy - start.machine.busy) / (end.machine.total - start.machine.total);
    const perSecond = (ticks: number) => ticks / TICKS_PER_SECOND / seconds;
    return {
      bench: perSecond(end.bench - start.bench),
      server: perSecond(end.server - start.server),
      database: perSecond(end.database - start.database),
      machine: machineShare * cores,
      cores,
    };
  };
}

export const formatCpu = (use: CpuUse) =>
  `CPU (cores): server ${use.server.toFixed(2)}, postgres ${use.database.toFixed(2)}, bench ${use.bench.toFixed(2)}, ` +
  `whole machine ${use.machine.toFixed(2)}/${use.cores}`;
