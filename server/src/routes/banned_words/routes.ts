import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { conflict, notFound, validationHook } from '../../errors.ts';
import { contentRange, idList, pageTotal, parseListQuery, where } from '../../rest/listQuery.ts';
import { errorResponses, ErrorSchema, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';
import { foldText } from '../posts/flags.ts';

const BannedWordSchema = z
  .object({ id: z.number().int(), word: z.string(), created_at: z.string().openapi({ format: 'date-time' }) })
  .openapi('BannedWord');

// Stored folded (no accents, lower case), as posts are matched: « Idiôt » and « idiot » are one word.
const InputSchema = z
  .object({
    word: z
      .string({ error: 'Mot requis.' })
      .transform(foldText)
      .pipe(z.string().min(2, 'Au moins 2 lettres ou chiffres.').max(100, '100 caractères au plus.')),
  })
  .strict();

const FilterSchema = z.object({ id: idList.optional(), q: z.string().max(100).optional() }).strict();

const tags = ['banned_words'];
const body = { content: { 'application/json': { schema: InputSchema } }, required: true };
const list = createRoute({
  method: 'get', path: '/', tags, summary: 'Words that flag a post', middleware: [requireAccess('banned_words', 'list')] as const,
  request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(BannedWordSchema), 'Words'), headers: listHeaders }, ...errorResponses },
});
const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One word', middleware: [requireAccess('banned_words', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(BannedWordSchema, 'Word'), 404: jsonContent(ErrorSchema, 'No such word'), ...errorResponses },
});
const create = createRoute({
  method: 'post', path: '/', tags, summary: 'Add a word', middleware: [requireAccess('banned_words', 'create')] as const,
  request: { body },
  responses: { 201: jsonContent(BannedWordSchema, 'Added'), 409: jsonContent(ErrorSchema, 'Already listed'), ...errorResponses },
});
const update = createRoute({
  method: 'put', path: '/{id}', tags, summary: 'Change a word', middleware: [requireAccess('banned_words', 'edit')] as const,
  request: { params: IdParamSchema, body },
  responses: { 200: jsonContent(BannedWordSchema, 'Changed'), 404: jsonContent(ErrorSchema, 'No such word'), 409: jsonContent(ErrorSchema, 'Already listed'), ...errorResponses },
});
const remove = createRoute({
  method: 'delete', path: '/{id}', tags, summary: 'Remove a word', middleware: [requireAccess('banned_words', 'delete')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(BannedWordSchema, 'Removed'), 404: jsonContent(ErrorSchema, 'No such word'), ...errorResponses },
});

const duplicate = () => conflict('Ce mot est déjà dans la liste.', { word: 'Déjà dans la liste.' });
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

export function bannedWordRoutes({ sql }: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['word', 'id', 'created_at'], defaultSort: ['word', 'ASC'], filter: FilterSchema });
    const f = query.filter;
    const condition = where(sql, [f.id && sql`id = any(${f.id}::int[])`, f.q && sql`word like ${'%' + foldText(f.q).replace(/[\\%_]/g, '\\$&') + '%'}`]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql`select id, word, created_at from banned_words where ${condition}
      order by ${sql(query.sort.field)} ${direction}, id limit ${query.limit} offset ${query.offset}`;
    c.header('Content-Range', contentRange('banned_words', query.offset, rows.length, await pageTotal(sql, query, rows.length, sql`banned_words`, condition)));
    return c.json(rows as never, 200);
  });
  app.openapi(show, async (c) => {
    const [row] = await sql`select id, word, created_at from banned_words where id = ${c.req.valid('param').id}`;
    if (!row) throw notFound('Mot introuvable.');
    return c.json(row as never, 200);
  });
  app.openapi(create, async (c) => {
    const auth = c.get('auth');
    try {
      const row = await sql.begin(async (tx) => {
        const [inserted] = await tx`insert into banned_words (word, created_by) values (${c.req.valid('json').word}, ${auth.staff_id}) returning id, word, created_at`;
        await audit(tx, { staff_id: auth.staff_id, action: 'create', resource: 'banned_words', record_id: inserted!.id as number, ip: c.get('ip') });
        return inserted!;
      });
      return c.json(row as never, 201);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  });
  app.openapi(update, async (c) => {
    const auth = c.get('auth');
    const id = c.req.valid('param').id;
    try {
      const row = await sql.begin(async (tx) => {
        const [changed] = await tx`update banned_words set word = ${c.req.valid('json').word} where id = ${id} returning id, word, created_at`;
        if (!changed) throw notFound('Mot introuvable.');
        await audit(tx, { staff_id: auth.staff_id, action: 'update', resource: 'banned_words', record_id: id, ip: c.get('ip') });
        return changed;
      });
      return c.json(row as never, 200);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  });
  app.openapi(remove, async (c) => {
    const auth = c.get('auth');
    const id = c.req.valid('param').id;
    const row = await sql.begin(async (tx) => {
      const [deleted] = await tx`delete from banned_words where id = ${id} returning id, word, created_at`;
      if (!deleted) throw notFound('Mot introuvable.');
      await audit(tx, { staff_id: auth.staff_id, action: 'delete', resource: 'banned_words', record_id: id, ip: c.get('ip') });
      return deleted;
    });
    return c.json(row as never, 200);
  });
  return app;
}
