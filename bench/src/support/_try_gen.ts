import { connectDatabase, migrate } from '@vigie/db';
import { createThrowawayDatabase } from './database.ts';
import { generateReports } from './reportsAtScale.ts';
const count = Number(process.argv[2] ?? 10000);
const d = await createThrowawayDatabase('try');
const db = await connectDatabase({ url: d.url, max: 2 });
await migrate(db.sql);
const t = performance.now();
await generateReports(db.sql, async () => { const c = await connectDatabase({ url: d.url, max: 1 }); return { sql: c.sql, close: () => c.close() }; }, count, (p, ms) => console.log(p, Math.round(ms)));
console.log('generated', count, 'in', Math.round(performance.now() - t), 'ms');
console.log(await db.sql`select status, count(*) from reports group by 1 order by 2 desc`);
console.log(await db.sql`select category, count(*) from reports group by 1 order by 2 desc`);
console.log(await db.sql`select pg_size_pretty(pg_total_relation_size('reports')) as size`);
if (process.argv[3] !== 'keep') { await db.close(); await d.drop(); } else { console.log(d.name); await db.close(); }
