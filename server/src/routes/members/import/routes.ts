import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql, TxSql } from '@vigie/db';
import type { HttpBindings } from '@hono/node-server';
import { audit } from '../../../audit/audit.ts';
import { requireAccess } from '../../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../../context.ts';
import { ApiError, badRequest, validationHook } from '../../../errors.ts';
import { geocoderFor } from '../../../geocoding/index.ts';
import { errorResponses, ErrorSchema, jsonContent } from '../../../rest/openapi.ts';
import { readLimitedBody } from '../../intake/body.ts';
import { parseMembersFile, type LineProblem } from './parse.ts';
import { copyImported, findDuplicates, geocodeLines, insertImported } from './writer.ts';

/** 100,000 members of ~100 bytes a line, with room to spare. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** Per-line problems returned: enough to fix a file, never a 100,000-entry answer. */
const MAX_REPORTED = 1000;

const ProblemSchema = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
const DuplicateSchema = z.object({ line: z.number().int(), field: z.enum(['email', 'phone']), member_id: z.number().int().optional(), earlier_line: z.number().int().optional() });
const ReportSchema = z
  .object({
    dry_run: z.boolean(),
    total: z.number().int().openapi({ description: 'Lines read, header excluded' }),
    valid: z.number().int(),
    invalid: z.number().int(),
    duplicates: z.array(DuplicateSchema),
    imported: z.number().int(),
    problems: z.array(ProblemSchema),
  })
  .openapi('MembersImportReport');

const importRoute = createRoute({
  method: 'post', path: '/', tags: ['members'],
  summary: 'Import a members list (CSV: nom;adresse;email;telephone;canaux), all or nothing; ?dry_run=1 previews',
  description: 'The body is the file itself (`text/csv`), UTF-8 with or without BOM, `;` or `,`. Duplicates (an e-mail or phone already known, or on an earlier line) are skipped and reported. Any invalid line: nothing is imported, 400 with every problem. Imported members are approved (the town hall imports the list it already runs).',
  middleware: [requireAccess('members', 'create')] as const,
  request: {
    query: z.object({ dry_run: z.enum(['0', '1', 'true', 'false'], { error: 'dry_run vaut 1 ou 0.' }).optional() }),
    body: { content: { 'text/csv': { schema: z.string() } }, required: true },
  },
  responses: {
    200: jsonContent(ReportSchema, 'Preview (dry run), or the import done'),
    400: jsonContent(ErrorSchema, 'Unreadable file, or invalid lines (`errors` keyed `ligne <n>.<field>`): nothing imported'),
    413: jsonContent(ErrorSchema, `File over ${IMPORT_MAX_BYTES / 1024 / 1024} MiB`),
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

const problemErrors = (problems: readonly LineProblem[]) =>
  Object.fromEntries(problems.slice(0, MAX_REPORTED).map((p) => [`ligne ${p.line}.${p.field}`, p.message]));

export function membersImportRoutes(deps: Deps) {
  const { sql } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openAPIRegistry.registerPath(importRoute);
  // Validated by hand: the body is a file, read with its own cap before anything parses it.
  app.post('/', requireAccess('members', 'create'), async (c) => {
    const dryRunParam = c.req.query('dry_run');
    if (dryRunParam !== undefined && !['0', '1', 'true', 'false'].includes(dryRunParam)) throw badRequest({ dry_run: 'dry_run vaut 1 ou 0.' });
    const dryRun = dryRunParam === '1' || dryRunParam === 'true';
    const bytes = await readLimitedBody(c.req.raw, IMPORT_MAX_BYTES, (c.env as Partial<HttpBindings> | undefined)?.incoming);
    const parsed = await parseMembersFile(bytes);
    if ('fileError' in parsed) throw badRequest({ file: parsed.fileError }, parsed.fileError);
    const auth = c.get('auth');

    const report = async (tx: Sql | TxSql) => {
      const { fresh, duplicates } = await findDuplicates(tx, parsed.lines);
      return { fresh, duplicates: duplicates.slice(0, MAX_REPORTED), duplicateCount: duplicates.length };
    };
    const summary = (imported: number, r: Awaited<ReturnType<typeof report>>) => ({
      dry_run: dryRun,
      total: parsed.total,
      valid: parsed.lines.length,
      invalid: new Set(parsed.errors.map((p) => p.line)).size,
      duplicates: r.duplicates,
      imported,
      problems: parsed.errors.slice(0, MAX_REPORTED),
    });

    if (dryRun) return c.json(summary(0, await report(sql)), 200);
    if (parsed.errors.length) {
      const lines = new Set(parsed.errors.map((p) => p.line)).size;
      throw new ApiError(400, `Rien n’a été importé : ${lines} ligne${lines > 1 ? 's' : ''} à corriger.`, problemErrors(parsed.errors));
    }
    const result = await sql.begin(async (tx) => {
      // One import at a time: two clerks importing the same file must not both pass the duplicate check.
      await tx`select pg_advisory_xact_lock(7337003)`;
      const r = await report(tx);
      const points = await geocodeLines(geocoderFor(deps), r.fresh);
      const imported = deps.db.engine === 'postgres' ? await copyImported(tx, r.fresh, points, auth.staff_id) : await insertImported(tx, r.fresh, points, auth.staff_id);
      await audit(tx, { staff_id: auth.staff_id, action: 'import', resource: 'members', record_id: null, ip: c.get('ip') });
      return summary(imported, r);
    });
    return c.json(result, 200);
  });
  return app;
}
