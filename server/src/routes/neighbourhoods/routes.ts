import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { outerRing, toPgPolygon, type Sql, type TxSql } from '@vigie/db';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { announceLiveEvent, recordLiveEvent } from '../../live/events.ts';
import { badRequest, conflict, notFound, validationHook } from '../../errors.ts';
import { coverage, parsePolygon, validateSectorRing } from './geometry.ts';
import { reassign } from './queries.ts';
import { contentRange, pageTotal, idList, parseListQuery, where } from '../../rest/listQuery.ts';
import { errorResponses, ErrorSchema, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';

const NeighbourhoodSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    area: z.array(z.tuple([z.number(), z.number()])).openapi({ description: 'Polygon vertices as [lng, lat]' }),
    member_count: z.number().int().openapi({ description: 'Approved members living in the sector (a count, never who)' }),
  })
  .openapi('Neighbourhood');

const Counts = z.object({ members: z.number().int(), reports: z.number().int() });
// What a removal would move: shown in the dashboard's confirmation before anyone deletes.
const SectorShowSchema = NeighbourhoodSchema.extend({
  assigned: Counts.openapi({ description: 'Members (any status) and reports now in this sector: what removing it re-assigns' }),
}).openapi('NeighbourhoodWithAssigned');
// After a write, how many members and reports changed sector (to another one or to none).
const WrittenSchema = NeighbourhoodSchema.extend({
  reassigned: Counts.openapi({ description: 'Members (any status) and reports whose sector this change re-assigned' }),
}).openapi('NeighbourhoodWritten');
const MultiPolygonSchema = z.array(z.array(z.array(z.tuple([z.number(), z.number()])))).openapi({ description: 'GeoJSON MultiPolygon coordinates ([lng, lat])' });

const Position = z.tuple([
  z.number({ error: 'Longitude attendue.' }).min(-180, 'Longitude hors limites.').max(180, 'Longitude hors limites.'),
  z.number({ error: 'Latitude attendue.' }).min(-90, 'Latitude hors limites.').max(90, 'Latitude hors limites.'),
]);
// The dashboard sends back what it read ([lng, lat] pairs); a GeoJSON Polygon (Leaflet-Geoman's toGeoJSON()) works too.
const AreaSchema = z.union(
  [
    z.array(Position).min(3, 'Au moins trois sommets.').max(1000, '1000 sommets au plus.'),
    z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position).min(4).max(1000)).min(1) }).transform((g) => g.coordinates[0]!),
  ],
  { error: 'Polygone attendu : [[lng, lat], …] ou GeoJSON { type: "Polygon", coordinates }.' },
);
// react-admin sends the whole record back on edit: id and member_count are ignored, not refused.
const InputSchema = z.object({
  name: z.string({ error: 'Nom requis.' }).trim().min(1, 'Nom requis.').max(100, '100 caractères au plus.'),
  area: AreaSchema,
});
const CoverageSchema = z
  .object({
    overlaps: z.array(
      z.object({ a: z.object({ id: z.number().int(), name: z.string() }), b: z.object({ id: z.number().int(), name: z.string() }), area_m2: z.number(), area: MultiPolygonSchema }),
    ),
    commune_area_m2: z.number(),
    uncovered_area_m2: z.number(),
    uncovered_share: z.number().openapi({ description: 'Share of the commune in no sector, 0 to 1' }),
    uncovered: MultiPolygonSchema.openapi({ description: 'The parts of the commune in no sector, GeoJSON MultiPolygon coordinates ([lng, lat])' }),
  })
  .openapi('SectorCoverage');

const FilterSchema = z.object({ id: idList.optional(), q: z.string().max(100).optional() }).strict();

const tags = ['neighbourhoods'];
const list = createRoute({
  method: 'get', path: '/', tags, summary: 'Sectors of the commune',
  middleware: [requireAccess('neighbourhoods', 'list')] as const,
  request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(NeighbourhoodSchema), 'Sectors'), headers: listHeaders }, ...errorResponses },
});
const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One sector',
  middleware: [requireAccess('neighbourhoods', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(SectorShowSchema, 'Sector, with what it holds'), 404: jsonContent(ErrorSchema, 'No such sector'), ...errorResponses },
});

const body = { content: { 'application/json': { schema: InputSchema } }, required: true };
const written = jsonContent(WrittenSchema, 'The sector, and how many members and reports changed sector');
const create = createRoute({
  method: 'post', path: '/', tags, summary: 'Draw a sector (members and reports inside are re-assigned)',
  middleware: [requireAccess('neighbourhoods', 'create')] as const,
  request: { body },
  responses: { 201: written, 409: jsonContent(ErrorSchema, 'Name already used'), ...errorResponses },
});
const update = createRoute({
  method: 'put', path: '/{id}', tags, summary: 'Rename or redraw a sector (members and reports re-assigned)',
  middleware: [requireAccess('neighbourhoods', 'edit')] as const,
  request: { params: IdParamSchema, body },
  responses: { 200: written, 404: jsonContent(ErrorSchema, 'No such sector'), 409: jsonContent(ErrorSchema, 'Name already used'), ...errorResponses },
});
const remove = createRoute({
  method: 'delete', path: '/{id}', tags, summary: 'Remove a sector (its members and reports go to the sector now containing them, or none)',
  middleware: [requireAccess('neighbourhoods', 'delete')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(WrittenSchema, 'The removed sector, and how many members and reports left it'), 404: jsonContent(ErrorSchema, 'No such sector'), ...errorResponses },
});
const coverageRoute = createRoute({
  method: 'get', path: '/coverage', tags, summary: 'Overlapping sectors and the part of the commune no sector covers',
  middleware: [requireAccess('neighbourhoods', 'list')] as const,
  responses: { 200: jsonContent(CoverageSchema, 'Coverage'), ...errorResponses },
});

const nameTaken = () => conflict('Un secteur porte déjà ce nom.', { name: 'Nom déjà utilisé.' });
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';


type Row = { id: number; name: string; area: string; member_count: number };

export function neighbourhoodRoutes(deps: Deps) {
  const { sql, commune } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const communeRing = outerRing(commune.boundary);
  const memberCount = (q: Sql | TxSql) => q`(select count(*)::int from members m where m.neighbourhood_id = neighbourhoods.id and m.status = 'approved') as member_count`;
  const read = async (tx: Sql | TxSql, id: number) =>
    (await tx<Row[]>`select id, name, area::text as area, ${memberCount(tx)} from neighbourhoods where id = ${id}`)[0];
  const shape = (row: Row) => ({ ...row, area: parsePolygon(row.area) });
  const checkedArea = (area: Array<[number, number]>) => {
    const checked = validateSectorRing(area, communeRing);
    if ('error' in checked) throw badRequest({ area: checked.error });
    return toPgPolygon(checked.ring);
  };

  // Before /{id}: "coverage" is not an id.
  app.openapi(coverageRoute, async (c) => {
    const rows = await sql<{ id: number; name: string; area: string }[]>`select id, name, area::text as area from neighbourhoods order by id`;
    return c.json(coverage(rows.map((r) => ({ id: r.id, name: r.name, ring: parsePolygon(r.area) })), communeRing, commune.centre.lat), 200);
  });
  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: ['id', 'name'], defaultSort: ['name', 'ASC'], filter: FilterSchema });
    const f = query.filter;
    const condition = where(sql, [f.id && sql`id = any(${f.id}::int[])`, f.q && sql`name ilike ${'%' + f.q.replace(/[\\%_]/g, '\\$&') + '%'}`]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql<Row[]>`
      select id, name, area::text as area, ${memberCount(sql)} from neighbourhoods where ${condition}
      order by ${sql(query.sort.field)} ${direction} limit ${query.limit} offset ${query.offset}`;
    const n = await pageTotal(sql, query, rows.length, sql`neighbourhoods`, condition);
    c.header('Content-Range', contentRange('neighbourhoods', query.offset, rows.length, n));
    return c.json(rows.map((r) => ({ ...r, area: parsePolygon(r.area) })), 200);
  });
  app.openapi(show, async (c) => {
    const id = c.req.valid('param').id;
    const row = await read(sql, id);
    if (!row) throw notFound('Secteur introuvable.');
    const [assigned] = await sql<{ members: number; reports: number }[]>`
      select (select count(*)::int from members where neighbourhood_id = ${id}) as members,
             (select count(*)::int from reports where neighbourhood_id = ${id}) as reports`;
    return c.json({ ...shape(row), assigned: assigned! }, 200);
  });

  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const area = checkedArea(input.area);
    const auth = c.get('auth');
    try {
      const row = await sql.begin(async (tx) => {
        const [{ id }] = (await tx`insert into neighbourhoods (name, area) values (${input.name}, ${area}::polygon) returning id`) as unknown as [{ id: number }];
        const reassigned = await reassign(tx, id, [area]);
        await audit(tx, { staff_id: auth.staff_id, action: 'create', resource: 'neighbourhoods', record_id: id, ip: c.get('ip') });
        const sector = shape((await read(tx, id))!);
        return { sector: { ...sector, reassigned }, position: await recordLiveEvent(tx, 'neighbourhood:created', 'neighbourhoods', id, sector) };
      });
      announceLiveEvent(deps, row.position);
      return c.json(row.sector, 201);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
  });

  app.openapi(update, async (c) => {
    const id = c.req.valid('param').id;
    const input = c.req.valid('json');
    const area = checkedArea(input.area);
    const auth = c.get('auth');
    try {
      const row = await sql.begin(async (tx) => {
        const [before] = await tx<{ area: string }[]>`select area::text as area from neighbourhoods where id = ${id} for update`;
        if (!before) throw notFound('Secteur introuvable.');
        await tx`update neighbourhoods set name = ${input.name}, area = ${area}::polygon, updated_at = now() where id = ${id}`;
        const reassigned = await reassign(tx, id, [before.area, area]);
        await audit(tx, { staff_id: auth.staff_id, action: 'update', resource: 'neighbourhoods', record_id: id, ip: c.get('ip') });
        const sector = shape((await read(tx, id))!);
        return { sector: { ...sector, reassigned }, position: await recordLiveEvent(tx, 'neighbourhood:updated', 'neighbourhoods', id, sector) };
      });
      announceLiveEvent(deps, row.position);
      return c.json(row.sector, 200);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
  });

  app.openapi(remove, async (c) => {
    const id = c.req.valid('param').id;
    const auth = c.get('auth');
    const row = await sql.begin(async (tx) => {
      const before = await read(tx, id);
      if (!before) throw notFound('Secteur introuvable.');
      // Everything in the removed sector leaves it (to the sector now containing it, or none): those are the counts.
      const members = await tx`update members set neighbourhood_id = null, updated_at = now() where neighbourhood_id = ${id}`;
      const reports = await tx`update reports set neighbourhood_id = null where neighbourhood_id = ${id}`;
      await tx`delete from neighbourhoods where id = ${id}`;
      await reassign(tx, id, [before.area]);
      await audit(tx, { staff_id: auth.staff_id, action: 'delete', resource: 'neighbourhoods', record_id: id, ip: c.get('ip') });
      const sector = shape(before);
      return { sector: { ...sector, reassigned: { members: members.count, reports: reports.count } }, position: await recordLiveEvent(tx, 'neighbourhood:deleted', 'neighbourhoods', id, sector) };
    });
    announceLiveEvent(deps, row.position);
    return c.json(row.sector, 200);
  });
  return app;
}
