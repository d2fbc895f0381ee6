import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Report } from '@vigie/shared';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { badRequest, notFound } from '../../errors.ts';
import { announceLiveEvent, recordLiveEvent } from '../../live/events.ts';
import { errorResponses, ErrorSchema, IdParamSchema, jsonContent } from '../../rest/openapi.ts';
import { intFilter } from '../../rest/validation.ts';
import { getIncident, getReport, possibleDuplicates } from './queries.ts';
import { ReportSchema } from './schemas.ts';

const tags = ['reports'];
const DuplicateSchema = ReportSchema.extend({ distance_m: z.number().int() }).openapi('PossibleDuplicate');

const duplicates = createRoute({
  method: 'get', path: '/{id}/duplicates', tags,
  summary: 'Reports of the same category within 200 m and 30 minutes (possible duplicates)',
  middleware: [requireAccess('reports', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(z.array(DuplicateSchema), 'Possible duplicates, oldest first'), 404: jsonContent(ErrorSchema, 'No such report'), ...errorResponses },
});

const LinkSchema = z
  .object({ ids: z.array(intFilter()).min(1, 'Au moins un signalement.').max(50, '50 au plus.') })
  .openapi('LinkReports', { example: { ids: [12, 15] } });

const link = createRoute({
  method: 'post', path: '/{id}/link', tags,
  summary: 'Link reports into the incident of this report (each keeps its own history)',
  middleware: [requireAccess('reports', 'edit')] as const,
  request: { params: IdParamSchema, body: { content: { 'application/json': { schema: LinkSchema } }, required: true } },
  responses: { 200: jsonContent(z.array(ReportSchema), 'The incident: primary report first'), 404: jsonContent(ErrorSchema, 'No such report'), ...errorResponses },
});

const unlink = createRoute({
  method: 'post', path: '/{id}/unlink', tags, summary: 'Take a report out of its incident',
  middleware: [requireAccess('reports', 'edit')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(ReportSchema, 'The report, on its own again'), 404: jsonContent(ErrorSchema, 'No such report'), ...errorResponses },
});

/** Duplicates and incidents: an incident is its primary report; linked reports point at it. */
export function registerIncidentRoutes(app: OpenAPIHono<AppEnv>, deps: Deps) {
  const { sql } = deps;

  app.openapi(duplicates, async (c) => {
    const report = await getReport(sql, c.req.valid('param').id);
    if (!report) throw notFound('Signalement introuvable.');
    return c.json((await possibleDuplicates(sql, report)) as never, 200);
  });

  app.openapi(link, async (c) => {
    const { id } = c.req.valid('param');
    const { ids } = c.req.valid('json');
    const { staff_id } = c.get('auth');
    const { incident, eventIds } = await sql.begin(async (tx) => {
      // Lock in id order so that two officers linking overlapping sets cannot deadlock.
      const all = [...new Set([id, ...ids])].sort((a, b) => a - b);
      const rows = await tx<Pick<Report, 'id' | 'incident_id'>[]>`select id, incident_id from reports where id = any(${all}::int[]) order by id for update`;
      if (!rows.some((r) => r.id === id)) throw notFound('Signalement introuvable.');
      const missing = all.filter((x) => !rows.some((r) => r.id === x));
      if (missing.length) throw badRequest({ ids: `Signalements introuvables : ${missing.join(', ')}.` });
      // Linking into a report that is itself linked joins that report's incident.
      const primary = rows.find((r) => r.id === id)!.incident_id ?? id;
      const toLink = rows.filter((r) => r.id !== primary && r.incident_id !== primary).map((r) => r.id);
      if (toLink.length === 0) return { incident: await getIncident(tx, primary), eventIds: [] as number[] };
      // Reports that were primaries of their own incident bring their followers along.
      const moved = await tx<{ id: number }[]>`
        update reports set incident_id = ${primary}, updated_at = now()
        where (id = any(${toLink}::int[]) or incident_id = any(${toLink}::int[])) and id <> ${primary}
        returning id`;
      const movedIds = moved.map((r) => r.id);
      await tx`insert into report_events ${tx(movedIds.map((rid) => ({ report_id: rid, staff_id, action: 'linked', to_value: String(primary) })), 'report_id', 'staff_id', 'action', 'to_value')}`;
      await tx`insert into report_events (report_id, staff_id, action, note) values (${primary}, ${staff_id}, 'linked', ${`Signalements rattachés : ${movedIds.map((x) => `#${x}`).join(', ')}`})`;
      await audit(tx, { staff_id, action: 'link', resource: 'reports', record_id: primary, ip: c.get('ip') });
      await tx`update reports set updated_at = now() where id = ${primary}`;
      const incident = await getIncident(tx, primary);
      const eventIds: number[] = [];
      for (const report of incident.filter((r) => r.id === primary || movedIds.includes(r.id))) {
        eventIds.push(await recordLiveEvent(tx, 'report:updated', 'reports', report.id, report));
      }
      return { incident, eventIds };
    });
    for (const eventId of eventIds) announceLiveEvent(deps, eventId);
    return c.json(incident as never, 200);
  });

  app.openapi(unlink, async (c) => {
    const { id } = c.req.valid('param');
    const { staff_id } = c.get('auth');
    const { report, eventId } = await sql.begin(async (tx) => {
      const [current] = await tx<Pick<Report, 'id' | 'incident_id'>[]>`select id, incident_id from reports where id = ${id} for update`;
      if (!current) throw notFound('Signalement introuvable.');
      if (current.incident_id === null) return { report: (await getReport(tx, id))!, eventId: null };
      await tx`update reports set incident_id = null, updated_at = now() where id = ${id}`;
      await tx`insert into report_events (report_id, staff_id, action, from_value) values (${id}, ${staff_id}, 'unlinked', ${String(current.incident_id)})`;
      await audit(tx, { staff_id, action: 'unlink', resource: 'reports', record_id: id, ip: c.get('ip') });
      const report = (await getReport(tx, id))!;
      return { report, eventId: await recordLiveEvent(tx, 'report:updated', 'reports', id, report) };
    });
    if (eventId !== null) announceLiveEvent(deps, eventId);
    return c.json(report as never, 200);
  });
}
