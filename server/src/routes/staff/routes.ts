import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ADVISORY_LOCKS, hashPassword } from '@vigie/db';
import type { Staff } from '@vigie/shared';
import { audit } from '../../audit/audit.ts';
import { requireAccess } from '../../auth/middleware.ts';
import { passwordProblem } from '../../auth/passwordPolicy.ts';
import { revokeStaffSessions } from '../../auth/sessions.ts';
import type { AppEnv, Deps } from '../../context.ts';
import { badRequest, conflict, notFound, validationHook } from '../../errors.ts';
import { contentRange, pageTotal, parseListQuery, where } from '../../rest/listQuery.ts';
import { errorResponses, ErrorSchema, IdParamSchema, jsonContent, ListQuerySchema, listHeaders } from '../../rest/openapi.ts';
import { StaffCreateSchema, StaffFilterSchema, StaffSchema, StaffUpdateSchema } from './schemas.ts';

const tags = ['staff'];
const list = createRoute({
  method: 'get', path: '/', tags, summary: 'Staff accounts', middleware: [requireAccess('staff', 'list')] as const,
  request: { query: ListQuerySchema },
  responses: { 200: { ...jsonContent(z.array(StaffSchema), 'Accounts'), headers: listHeaders }, ...errorResponses },
});
const show = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'One account', middleware: [requireAccess('staff', 'show')] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonContent(StaffSchema, 'Account'), 404: jsonContent(ErrorSchema, 'No such account'), ...errorResponses },
});
const create = createRoute({
  method: 'post', path: '/', tags, summary: 'Create an account', middleware: [requireAccess('staff', 'create')] as const,
  request: { body: { content: { 'application/json': { schema: StaffCreateSchema } }, required: true } },
  responses: { 201: jsonContent(StaffSchema, 'Created'), 409: jsonContent(ErrorSchema, 'E-mail already used'), ...errorResponses },
});
const update = createRoute({
  method: 'put', path: '/{id}', tags, summary: 'Rename, change role, disable/enable or reset the password',
  middleware: [requireAccess('staff', 'edit')] as const,
  request: { params: IdParamSchema, body: { content: { 'application/json': { schema: StaffUpdateSchema } }, required: true } },
  responses: {
    200: jsonContent(StaffSchema, 'Updated'),
    404: jsonContent(ErrorSchema, 'No such account'),
    409: jsonContent(ErrorSchema, 'Would lock the service out (own account, last admin)'),
    ...errorResponses,
  },
});

const SORTS = ['id', 'email', 'full_name', 'role', 'created_at', 'last_sign_in_at'] as const;

export function staffRoutes(deps: Deps) {
  const { sql } = deps;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const columns = sql`id, email, full_name, role, disabled, created_at, updated_at, last_sign_in_at`;
  const byId = async (id: number) => (await sql<Staff[]>`select ${columns} from staff where id = ${id}`)[0];

  app.openapi(list, async (c) => {
    const query = parseListQuery(c.req.valid('query'), { sortable: SORTS, defaultSort: ['full_name', 'ASC'], filter: StaffFilterSchema });
    const f = query.filter;
    const like = f.q ? `%${f.q.replace(/[\\%_]/g, '\\$&')}%` : null;
    const condition = where(sql, [
      f.id && sql`id = any(${f.id}::int[])`,
      f.role && sql`role = any(${f.role}::text[])`,
      f.disabled !== undefined && sql`disabled = ${f.disabled}`,
      like && sql`(full_name ilike ${like} or email ilike ${like})`,
    ]);
    const direction = query.sort.order === 'ASC' ? sql`asc` : sql`desc`;
    const rows = await sql<Staff[]>`select ${columns} from staff where ${condition}
      order by ${sql(query.sort.field)} ${direction} nulls last, id ${direction} limit ${query.limit} offset ${query.offset}`;
    const total = await pageTotal(sql, query, rows.length, sql`staff`, condition);
    c.header('Content-Range', contentRange('staff', query.offset, rows.length, total));
    return c.json(rows as never, 200);
  });

  app.openapi(show, async (c) => {
    const staff = await byId(c.req.valid('param').id);
    if (!staff) throw notFound('Compte introuvable.');
    return c.json(staff as never, 200);
  });

  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const problem = passwordProblem(input.password, input);
    if (problem) throw badRequest({ password: problem });
    const passwordHash = await hashPassword(input.password);
    const id = await sql.begin(async (tx) => {
      const [row] = await tx<{ id: number }[]>`
        insert into staff (email, full_name, role, password_hash) values (${input.email}, ${input.full_name}, ${input.role}, ${passwordHash})
        on conflict (email) do nothing returning id`;
      if (!row) throw conflict('Cette adresse e-mail est déjà utilisée.', { email: 'Adresse déjà utilisée.' });
      await audit(tx, { staff_id: c.get('auth').staff_id, action: 'create', resource: 'staff', record_id: row.id, ip: c.get('ip') });
      return row.id;
    });
    return c.json((await byId(id)) as never, 201);
  });

  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const me = c.get('auth').staff_id;
    const password = input.password ? input.password : null;
    // Hashed first (slow, and needs no lock); checked against the row read under the lock below.
    const passwordHash = password ? await hashPassword(password) : null;
    const outcome = await sql.begin(async (tx) => {
      // Admin changes one at a time (never zero admins), then the row as it is now: a concurrent
      // edit cannot slip between this read and the write, so revocation is decided on fresh data.
      await tx`select pg_advisory_xact_lock(${ADVISORY_LOCKS.lastAdmin})`;
      const [current] = await tx<Staff[]>`select ${columns} from staff where id = ${id} for update`;
      if (!current) throw notFound('Compte introuvable.');
      if (password) {
        const problem = passwordProblem(password, current);
        if (problem) throw badRequest({ password: problem });
      }
      const role = input.role ?? current.role;
      const disabled = input.disabled ?? current.disabled;
      if (id === me && (disabled || role !== current.role)) {
        throw conflict('Vous ne pouvez pas désactiver votre propre compte ni changer votre rôle.');
      }
      const roleChanged = role !== current.role;
      const disabledNow = disabled && !current.disabled;
      await tx`
        update staff set full_name = ${input.full_name ?? current.full_name}, role = ${role}, disabled = ${disabled},
                         password_hash = coalesce(${passwordHash}, password_hash), updated_at = now()
        where id = ${id}`;
      const [{ admins }] = (await tx`select count(*)::int as admins from staff where role = 'admin' and not disabled`) as unknown as [{ admins: number }];
      if (admins === 0) throw conflict('Il doit rester au moins un administrateur actif.');
      const revoke = roleChanged || disabledNow || passwordHash !== null;
      if (revoke) await revokeStaffSessions(tx as never, id);
      // Disabling, re-enabling, a new role and a password set by an admin are each their own entry
      // (« Compte désactivé : … », « Rôle du compte changé : … »); a rename, or a save that changed
      // nothing of those, is a plain update.
      const entry = { staff_id: me, resource: 'staff', record_id: id, ip: c.get('ip') };
      const toggled = disabled !== current.disabled;
      if (toggled) await audit(tx, { ...entry, action: disabled ? 'suspend' : 'reinstate' });
      if (roleChanged) await audit(tx, { ...entry, action: 'change_role' });
      if (passwordHash !== null) await audit(tx, { ...entry, action: 'reset_password' });
      const renamed = input.full_name !== undefined && input.full_name !== current.full_name;
      if (renamed || !(toggled || roleChanged || passwordHash !== null)) await audit(tx, { ...entry, action: 'update' });
      return { revoke, reason: disabledNow ? ('disabled' as const) : roleChanged ? ('role_changed' as const) : ('revoked' as const) };
    });
    if (outcome.revoke) await deps.fanOut.publish({ kind: 'staff_sessions_ended', staff_id: id, reason: outcome.reason });
    return c.json((await byId(id)) as never, 200);
  });

  return app;
}
