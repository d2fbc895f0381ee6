import { readFileSync } from 'node:fs';
import { cookieName } from '../../server/src/auth/cookie.ts';
import { createSession } from '../../server/src/auth/sessions.ts';
import { createStaff, ORIGIN } from '../../server/src/test/harness.ts';
import { ms } from './support/stats.ts';
import { startVigie, type Vigie } from './support/vigie.ts';
import type { Benchmark, Row } from './table.ts';

const ROWS = 100_000;
const SMALL_EXPORT = 11_111;
/** The issue's goal: importing costs at most 3× a bare COPY of the same rows. */
const MAX_IMPORT_RATIO = 3;
/** Constant memory: the server's peak RSS exporting 100,000 rows within 25 % of exporting a tenth of them. */
const MAX_RSS_RATIO = 1.25;

const STREETS = ['avenue du Général-Leclerc', 'boulevard Carnot', 'rue Ravon', 'rue de la Bièvre', 'avenue Victor-Hugo', 'rue des Blagis', 'place Condorcet'];

interface Person {
  name: string;
  address: string;
  email: string;
  phone: string;
}

/** Distinct people: `prefix` keeps the COPY's rows and the import's apart (else the import skips them as duplicates). */
function people(prefix: number): Person[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    name: `Résident ${prefix}-${i}`,
    address: `${(i % 120) + 1} ${STREETS[i % STREETS.length]}, 92340 Bourg-la-Reine`,
    email: `r${prefix}.${i}@exemple.fr`,
    phone: `+33${prefix}${String(i).padStart(8, '0')}`,
  }));
}

const csvOf = (rows: readonly Person[]) =>
  `\uFEFFnom;adresse;email;telephone;canaux\r\n${rows.map((p) => `${p.name};"${p.address}";${p.email};${p.phone};sms, email`).join('\r\n')}\r\n`;

/** The baseline: the same rows, already normalised, straight into the table with COPY FROM STDIN. */
async function bareCopy(vigie: Vigie, rows: readonly Person[]): Promise<number> {
  const started = performance.now();
  const writable = await vigie.sql`copy members (full_name, address, email, phone, channels, source, status) from stdin`.writable();
  await new Promise<void>((resolve, reject) => {
    writable.on('error', reject).on('finish', resolve);
    const chunk = 5000;
    let i = 0;
    const write = () => {
      while (i < rows.length) {
        const slice = rows.slice(i, (i += chunk));
        const ok = writable.write(slice.map((p) => `${p.name}\t${p.address}\t${p.email}\t${p.phone}\t{sms,email}\timport\tapproved\n`).join(''));
        if (!ok) return void writable.once('drain', write);
      }
      writable.end();
    };
    write();
  });
  return performance.now() - started;
}

const rssKiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);

/** Downloads an export as fast as the client can, sampling the server's RSS every 50 ms. */
async function exportPeak(vigie: Vigie, cookie: string, filter: object) {
  const pid = vigie.server.pid;
  let peak = rssKiB(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssKiB(pid))), 50);
  const started = performance.now();
  try {
    const res = await fetch(`${vigie.server.url}/api/members/export.csv?filter=${encodeURIComponent(JSON.stringify(filter))}`, { headers: { cookie, origin: ORIGIN } });
    if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
    let lines = 0;
    for await (const chunk of res.body!) for (const byte of chunk as Uint8Array) if (byte === 0x0a) lines++;
    return { peakKiB: Math.max(peak, rssKiB(pid)), ms: performance.now() - started, lines: lines - 1 };
  } finally {
    clearInterval(timer);
  }
}

export const membersCsv: Benchmark = {
  name: 'membersCsv',
  description: `POST /api/members/import of ${ROWS.toLocaleString('en')} rows (parse, checks, duplicates, geocoding, insert + history) vs a bare COPY of the same rows; streamed export of ${ROWS.toLocaleString('en')} rows, server RSS sampled`,
  async run() {
    const vigie = await startVigie('members-csv', { demo: true });
    try {
      const staff = await createStaff(vigie.sql, 'townhall');
      const session = await createSession(vigie.sql, vigie.env, staff.id, { ip: '127.0.0.1', userAgent: 'vigie-bench' });
      const cookie = `${cookieName(vigie.env)}=${session.token}`;
      await vigie.sql`checkpoint`;

      const copyMs = await bareCopy(vigie, people(6));
      await vigie.sql`checkpoint`;
      const body = csvOf(people(7));
      const started = performance.now();
      const res = await fetch(`${vigie.server.url}/api/members/import`, { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'text/csv' }, body });
      const importMs = performance.now() - started;
      const report = (await res.json()) as { imported?: number; message?: string };
      if (res.status !== 200 || report.imported !== ROWS) throw new Error(`import answered ${res.status}: ${JSON.stringify(report).slice(0, 300)}`);
      console.log(`  bare COPY ${ms(copyMs)}, import over HTTP ${ms(importMs)} (${(body.length / 2 ** 20).toFixed(1)} MiB file)`);

      await vigie.sql`checkpoint`;
      const idle = rssKiB(vigie.server.pid);
      // The same query, a tenth of the rows: « r7.1 » matches r7.1, r7.10…19, …, r7.10000…19999 (11,111).
      const tenth = await exportPeak(vigie, cookie, { source: 'import', q: 'r7.1' });
      const full = await exportPeak(vigie, cookie, { source: 'import', q: 'r7.' });
      if (full.lines < ROWS || tenth.lines !== SMALL_EXPORT) throw new Error(`export lines: ${full.lines} and ${tenth.lines}`);
      console.log(`  export: idle RSS ${(idle / 1024).toFixed(0)} MiB; ${SMALL_EXPORT} rows peak ${(tenth.peakKiB / 1024).toFixed(0)} MiB in ${ms(tenth.ms)}; ${full.lines} rows peak ${(full.peakKiB / 1024).toFixed(0)} MiB in ${ms(full.ms)}`);

      const rows: Row[] = [
        { name: `members import ${ROWS / 1000}k rows (ms) vs bare COPY`, value: importMs, baseline: copyMs, unit: 'ms', maxRatio: MAX_IMPORT_RATIO, digits: 0 },
        { name: `members export ${ROWS / 1000}k rows: server peak RSS vs ${(SMALL_EXPORT / 1000).toFixed(0)}k rows`, value: full.peakKiB / 1024, baseline: tenth.peakKiB / 1024, unit: 'MiB', maxRatio: MAX_RSS_RATIO, digits: 0 },
        { name: `members export ${ROWS / 1000}k rows (ms) vs ${(SMALL_EXPORT / 1000).toFixed(0)}k rows`, value: full.ms, baseline: tenth.ms, unit: 'ms', digits: 0 },
      ];
      return rows;
    } finally {
      await vigie.close();
    }
  },
};
