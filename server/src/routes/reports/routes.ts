import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { canTransition, emergencyTerms, isReopening, REPORT_STATUS_LABELS_FR, REPORT_TRANSITIONS, type Report } from '@vigie/shared';
import { outerRing, toPgPolygon, type Sql, type TxSql } from '@vigie/db';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { badRequest, conflict, forbidden, notFound, validationHook } from '../../errors.ts';
import { announceLiveEvent, recordLiveEvent } from '../../live/events.ts';
import { contentRange, parseListQuery } from '../../rest/listQuery.ts';
import { errorResponses, IdParamSchema, jsonContent, ListQuerySchema, listHeaders, ErrorSchema } from '../../rest/openapi.ts';
import { IDEMPOTENCY_HEADER, IdempotencyHeaderSchema, idempotencyKey, keyReusedWithAnotherBody, requestHash } from './idempotency.ts';
import { registerIncidentRoutes } from './incidents.ts';
import { registerPointsRoute } from './points.ts';
import { getReport, getReporter, listReports, locate, REPORT_SORTS } from './queries.ts';
import { queuePartnerEvent, replyText } from './replies.ts';
import { ReportCreateSchema, ReportDetailSchema, ReportFilterSchema, ReportSchema, ReportUpdateSchema } from './schemas.ts';

const tags = ['reports'];

const list = createRoute({
  method: 'get', path: '/', tags, summary: 'List reports (react-admin simple-rest)',
  middleware: [requireAccess('reports', 'list')] as const,
  request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(ReportSchema), 'A page of reports'), headers: listHeaders }, ...errorResponses },
});

const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One report, with the reporter (audited read of personal data)',
  middleware: [requireAccess('reports', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(ReportDetailSchema, 'The report'), 404: jsonContent(ErrorSchema, 'No such report'), ...errorResponses },
});

const create = createRoute({
  method: 'post', path: '/', tags, summary: 'Create a report taken by phone or in person',
  middleware: [requireAccess('reports', 'create')] as const,
  request: { headers: IdempotencyHeaderSchema, body: { content: { 'application/json': { schema: ReportCreateSchema } }, required: true } },
  responses: {
    201: jsonContent(ReportDetailSchema, 'Created'),
    200: jsonContent(ReportDetailSchema, 'Already created with this Idempotency-Key and this very body: the same report'),
    422: jsonContent(ErrorSchema, 'This Idempotency-Key was used with another body'),
    ...errorResponses,
  },
});

const update = createRoute({
  method: 'put', path: '/{id}', tags, summary: 'Triage a report: status, priority, category, assignment, note',
  middleware: [requireAccess('reports', 'edit')] as const,
  request: { params: IdParamSchema, body: { content: { 'application/json': { schema: ReportUpdateSchema } }, required: true } },
  responses: {
    200: jsonContent(ReportDetailSchema, 'Updated'),
    404: jsonContent(ErrorSchema, 'No such report'),
    409: jsonContent(ErrorSchema, 'Transition not allowed from the current status'),
    ...errorResponses,
  },
});

export function reportRoutes(deps: Deps) {
  const { sql } = deps;
  const boundary = toPgPolygon(outerRing(deps.commune.boundary));
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  const announce = (position: number) => announceLiveEvent(deps, position);

  registerPointsRoute(app, deps); // before `/{id}`, which would otherwise claim "points"
  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: REPORT_SORTS, defaultSort: ['received_at', 'DESC'], filter: ReportFilterSchema });
    const { rows, total } = await listReports(sql, query);
    c.header('Content-Range', contentRange('reports', query.offset, rows.length, total));
    return c.json(rows as never, 200);
  });

  /** The detail view adds the reporter; reading it is a read of personal data, so it is audited. */
  const withReporter = async (db: Sql | TxSql, report: Report, staffId: number, ip: string | null) => {
    const reporter = await getReporter(db, report.id);
    if (reporter.reporter_name || reporter.reporter_phone || reporter.member_id) {
      await audit(db, { staff_id: staffId, action: 'read_personal_data', resource: 'reports', record_id: report.id, ip });
    }
    return { ...report, reporter_name: reporter.reporter_name, reporter_phone: reporter.reporter_phone };
  };

  app.openapi(show, async (c) => {
    const { id } = c.req.valid('param');
    const report = await getReport(sql, id);
    if (!report) throw notFound('Signalement introuvable.');
    return c.json((await withReporter(sql, report, c.get('auth').staff_id, c.get('ip'))) as never, 200);
  });

  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const { staff_id } = c.get('auth');
    const key = idempotencyKey(c.req.header(IDEMPOTENCY_HEADER));
    const hash = key ? requestHash(input) : null;
    // The emergency gate: words of a danger in progress make the report urgent, whoever typed it.
    const emergency = emergencyTerms(input.description).length > 0;
    const priority = emergency ? 'urgent' : input.priority;
    // Everything the answer needs is read before commit: once committed, nothing may fail it.
    const result = await sql.begin(async (tx) => {
      const place = await locate(tx, boundary, input.lat, input.lng);
      // A concurrent twin with the same key waits here for the first to commit, then finds it.
      const [row] = await tx<{ id: number }[]>`
        insert into reports (category, priority, emergency, description, lat, lng, address, neighbourhood_id, out_of_area,
                             source, reporter_name, reporter_phone, occurred_at, assigned_to, created_by, idempotency_key, idempotency_hash)
        values (${input.category}, ${priority}, ${emergency}, ${input.description}, ${input.lat}, ${input.lng},
                ${input.address ?? null}, ${place.neighbourhood_id}, ${place.out_of_area}, ${input.source},
                ${input.reporter_name ?? null}, ${input.reporter_phone ?? null}, ${input.occurred_at ?? null}, null,
                ${staff_id}, ${key}, ${hash})
        on conflict (created_by, idempotency_key) where idempotency_key is not null do nothing
        returning id`;
      if (!row) {
        const [first] = await tx<{ id: number; idempotency_hash: Buffer }[]>`
          select id, idempotency_hash from reports where created_by = ${staff_id} and idempotency_key = ${key}`;
        if (!first || !hash?.equals(first.idempotency_hash)) throw keyReusedWithAnotherBody();
        const report = (await getReport(tx, first.id))!;
        return { status: 200 as const, answer: await withReporter(tx, report, staff_id, c.get('ip')), eventId: null };
      }
      const id = row.id;
      await tx`insert into report_events (report_id, staff_id, action, to_value) values (${id}, ${staff_id}, 'created', 'new')`;
      await audit(tx, { staff_id, action: 'create', resource: 'reports', record_id: id, ip: c.get('ip') });
      const report = (await getReport(tx, id))!;
      const eventId = await recordLiveEvent(tx, 'report:created', 'reports', id, report);
      return { status: 201 as const, answer: { ...report, reporter_name: input.reporter_name ?? null, reporter_phone: input.reporter_phone ?? null }, eventId };
    });
    if (result.eventId !== null) announce(result.eventId);
    return c.json(result.answer as never, result.status);
  });

  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { staff_id, role } = c.get('auth');
    const result = await sql.begin(async (tx) => {
      const [current] = await tx<Report[]>`
        select id, status, priority, category, assigned_to, partner_id, external_id, forwarded_reference from reports where id = ${id} for update`;
      if (!current) throw notFound('Signalement introuvable.');
      const note = input.note?.trim() || null;
      const events: Array<{ action: string; from_value: string | null; to_value: string | null; note: string | null }> = [];

      const reference = input.reference?.trim() || null;
      if (reference && input.status !== 'forwarded') {
        throw badRequest({ reference: 'La référence ne se donne qu’en transmettant à la Police nationale.' });
      }
      const next = { status: current.status, priority: current.priority, category: current.category, assigned_to: current.assigned_to, forwarded_reference: current.forwarded_reference ?? null };

      if (input.status && input.status !== current.status) {
        if (!REPORT_TRANSITIONS[current.status].includes(input.status)) {
          throw conflict(
            `Transition impossible : un signalement « ${REPORT_STATUS_LABELS_FR[current.status]} » ne peut pas passer à « ${REPORT_STATUS_LABELS_FR[input.status]} ».`,
            { status: 'Transition impossible.' },
          );
        }
        const reopening = isReopening(current.status, input.status);
        if (!canTransition(current.status, input.status, role)) throw forbidden('Seul un chef de poste peut rouvrir un signalement clos.');
        if (input.status === 'dismissed' && !note) throw badRequest({ note: 'Un motif est requis pour classer un signalement.' });
        if (reopening && !note) throw badRequest({ note: 'Un motif est requis pour rouvrir un signalement.' });
        const statusNote = [note, reference && `Référence Police nationale : ${reference}`].filter(Boolean).join(' — ') || null;
        events.push({ action: 'status', from_value: current.status, to_value: input.status, note: statusNote });
        next.status = input.status;
        if (reference) next.forwarded_reference = reference;
        // « Prendre en compte » an unassigned report: the officer who clicked takes it, in this transaction.
        if (input.status === 'acknowledged' && current.assigned_to === null && input.assigned_to == null && !reopening) {
          events.push({ action: 'assigned', from_value: null, to_value: String(staff_id), note: null });
          next.assigned_to = staff_id;
        }
      }
      if (input.priority && input.priority !== current.priority) {
        events.push({ action: 'priority', from_value: current.priority, to_value: input.priority, note: null });
        next.priority = input.priority;
      }
      if (input.category && input.category !== current.category) {
        events.push({ action: 'updated', from_value: current.category, to_value: input.category, note: null });
        next.category = input.category;
      }
      if (input.assigned_to !== undefined && input.assigned_to !== current.assigned_to) {
        if (input.assigned_to !== null) {
          const [agent] = await tx`select 1 from staff where id = ${input.assigned_to} and role in ('officer', 'supervisor') and not disabled`;
          if (!agent) throw badRequest({ assigned_to: 'Agent inconnu ou désactivé.' });
        }
        events.push({ action: 'assigned', from_value: current.assigned_to?.toString() ?? null, to_value: input.assigned_to?.toString() ?? null, note: null });
        next.assigned_to = input.assigned_to;
      }
      if (note && !events.some((e) => e.note)) events.push({ action: 'note', from_value: null, to_value: null, note });
      const reply = await replyText(tx, input, next.status);
      if (reply && !current.partner_id) {
        throw badRequest({ reply: "Ce signalement n'est pas venu d'une plateforme partenaire : rappelez la personne." });
      }
      if (reply) events.push({ action: 'reply', from_value: null, to_value: null, note: reply });
      if (events.length === 0) return { report: await withReporter(tx, (await getReport(tx, id))!, staff_id, c.get('ip')), eventId: null };
      if (next.status !== current.status) {
        await queuePartnerEvent(tx, current, 'report.status_changed', { status: next.status, message: reply });
      } else if (reply) {
        await queuePartnerEvent(tx, current, 'report.reply', { status: next.status, message: reply });
      }

      await tx`
        update reports set status = ${next.status}, priority = ${next.priority}, category = ${next.category},
                           assigned_to = ${next.assigned_to}, forwarded_reference = ${next.forwarded_reference}, updated_at = now()
        where id = ${id}`;
      await tx`insert into report_events ${tx(events.map((e) => ({ ...e, report_id: id, staff_id })), 'report_id', 'staff_id', 'action', 'from_value', 'to_value', 'note')}`;
      // A reopening is a supervisor's privilege: its own entry, whatever else changed with it.
      await audit(tx, { staff_id, action: isReopening(current.status, next.status) ? 'reopen' : 'update', resource: 'reports', record_id: id, ip: c.get('ip') });
      const report = (await getReport(tx, id))!;
      // react-admin replaces its cached record with this answer, so it carries the reporter too
      // (read before commit: once committed, nothing may turn the answer into an error).
      return { report: await withReporter(tx, report, staff_id, c.get('ip')), eventId: await recordLiveEvent(tx, 'report:updated', 'reports', id, report) };
    });
    if (result.eventId !== null) announce(result.eventId);
    return c.json(result.report as never, 200);
  });

  registerIncidentRoutes(app, deps);
  return app;
}
