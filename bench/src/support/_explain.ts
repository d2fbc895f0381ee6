import { connectDatabase } from '@vigie/db';
import { parseListQuery } from '../../../server/src/rest/listQuery.ts';
import { reportPageQuery, REPORT_SORTS } from '../../../server/src/routes/reports/queries.ts';
import { ReportFilterSchema } from '../../../server/src/routes/reports/schemas.ts';
import { databaseUrl } from './database.ts';
const db = await connectDatabase({ url: databaseUrl(process.argv[2] ?? 'vigie_bench_lists'), max: 1 });
const sql = db.sql;
const filter = JSON.parse(process.argv[3] ?? '{}');
const query = parseListQuery({ sort: '["received_at","DESC"]', range: '[0,24]', filter: JSON.stringify(filter) }, { sortable: REPORT_SORTS, defaultSort: ['received_at', 'DESC'], filter: ReportFilterSchema });
const rows = await sql`explain (analyze, buffers) ${reportPageQuery(sql, query)}`;
console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
// the count as listReports runs it
const page = await reportPageQuery(sql, query);
console.log('page rows', page.length);
await db.close();
