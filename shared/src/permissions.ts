import type { Role } from './roles.ts';

/**
 * The role × capability matrix, in the `{ action, resource, record }` shape react-admin's
 * `canAccess` takes. The admin uses it to build menus and buttons; the server enforces the
 * very same table on every route and socket event (hiding a menu is not access control).
 */
export const ACTIONS = ['list', 'show', 'create', 'edit', 'delete', 'subscribe'] as const;
export type Action = (typeof ACTIONS)[number];

export const RESOURCES = [
  'reports',
  'report_events',
  'response_templates',
  'neighbourhoods',
  'officers',
  'members',
  'staff',
  'audit_log',
  'partners',
] as const;
export type Resource = (typeof RESOURCES)[number];

type Matrix = Record<Resource, Partial<Record<Action, readonly Role[]>>>;

const POLICE = ['officer', 'supervisor'] as const;
const ALL = ['officer', 'supervisor', 'townhall', 'admin'] as const;

export const PERMISSIONS: Matrix = {
  // Reports are never deleted: they are dismissed, with a reason, and keep their timeline.
  reports: { list: POLICE, show: POLICE, create: POLICE, edit: POLICE, subscribe: POLICE },
  // Triage notes and the timeline are police-only: town-hall staff never read them.
  report_events: { list: POLICE, show: POLICE, create: POLICE },
  // The commune's standard replies to residents: officers use them, the chief words them.
  response_templates: { list: POLICE, show: POLICE, create: ['supervisor'], edit: ['supervisor'] },
  // Sectors are configuration, seeded from the commune file; drawing them comes with the map.
  neighbourhoods: { list: ALL, show: ALL },
  // Colleagues a report can be assigned to: names only, not the staff accounts themselves.
  officers: { list: POLICE, show: POLICE },
  // Residents' personal data: managed by the town hall; every read is audited.
  members: { list: ['townhall'], show: ['townhall'], create: ['townhall'], edit: ['townhall'] },
  // Accounts are disabled, never deleted, so that the audit log keeps naming its authors.
  staff: { list: ['admin'], show: ['admin'], create: ['admin'], edit: ['admin'] },
  audit_log: { list: ['supervisor', 'admin'], show: ['supervisor', 'admin'] },
  // Apps allowed to post signed reports; `edit` covers disabling and rotating the secret.
  partners: { list: ['admin'], show: ['admin'], create: ['admin'], edit: ['admin'] },
};

export interface AccessParams {
  action: string;
  resource: string;
  record?: unknown;
}

const isResource = (value: string): value is Resource => Object.hasOwn(PERMISSIONS, value);

/** Pure and total: unknown roles, resources or actions are refused. */
export function canAccess(role: Role | null | undefined, { action, resource }: AccessParams): boolean {
  if (!role || !isResource(resource)) return false;
  const allowed = PERMISSIONS[resource][action as Action];
  return allowed?.includes(role) ?? false;
}
