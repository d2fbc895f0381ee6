import type { Role } from './roles.ts';

/**
 * The role × capability matrix, in the `{ action, resource, record }` shape react-admin's
 * `canAccess` takes. The admin uses it to build menus and buttons; the server enforces the
 * very same table on every route and socket event (hiding a menu is not access control).
 */
// `approve`: the second pair of eyes (member registrations, citywide broadcasts); `export`: CSV
// downloads of a whole filtered list, audited.
export const ACTIONS = ['list', 'show', 'create', 'edit', 'delete', 'subscribe', 'approve', 'export'] as const;
export type Action = (typeof ACTIONS)[number];

export const RESOURCES = [
  'reports',
  'report_events',
  'response_templates',
  'neighbourhoods',
  'officers',
  'members',
  'relatives',
  'member_events',
  'outbox_messages',
  'posts',
  'broadcasts',
  'broadcast_templates',
  'deliveries',
  'staff',
  'audit_log',
  'partners',
  'geocode',
  'banned_words',
  'account',
  'stats',
] as const;
export type Resource = (typeof RESOURCES)[number];

type Matrix = Record<Resource, Partial<Record<Action, readonly Role[]>>>;

const POLICE = ['officer', 'supervisor'] as const;
const ALL = ['officer', 'supervisor', 'townhall', 'admin'] as const;

export const PERMISSIONS: Matrix = {
  // Reports are never deleted: they are dismissed, with a reason, and keep their timeline.
  reports: { list: POLICE, show: POLICE, create: POLICE, edit: POLICE, subscribe: POLICE, export: POLICE },
  // Triage notes and the timeline are police-only: town-hall staff never read them.
  report_events: { list: POLICE, show: POLICE, create: POLICE },
  // The commune's standard replies to residents: officers use them, the chief words them.
  response_templates: { list: POLICE, show: POLICE, create: ['supervisor'], edit: ['supervisor'] },
  // Sectors are configuration, seeded from the commune file; drawing them comes with the map.
  // Sectors are drawn and edited by the police chief or an admin (members and reports follow).
  neighbourhoods: { list: ALL, show: ALL, create: ['supervisor', 'admin'], edit: ['supervisor', 'admin'], delete: ['supervisor', 'admin'], subscribe: ALL },
  // Colleagues a report can be assigned to: names only, not the staff accounts themselves.
  officers: { list: POLICE, show: POLICE },
  // Residents' personal data: managed by the town hall only (admins run accounts, not residents'
  // data); officers see a member's contact only on a report linked to them, audited.
  members: { list: ['townhall'], show: ['townhall'], create: ['townhall'], edit: ['townhall'], approve: ['townhall'], export: ['townhall'] },
  relatives: { list: ['townhall'], show: ['townhall'], create: ['townhall'], edit: ['townhall'] },
  member_events: { list: ['townhall'], show: ['townhall'] },
  // What residents actually received: the town hall answers their questions, the chief checks.
  outbox_messages: { list: ['townhall', 'supervisor'], show: ['townhall', 'supervisor'] },
  // Members' small ads, carpooling and help: moderated by the town hall.
  posts: { list: ['townhall'], show: ['townhall'], edit: ['townhall'], delete: ['townhall'] },
  // Police compose and send; a citywide broadcast needs a supervisor who is not its author; the
  // town hall reads them to answer residents.
  broadcasts: {
    list: [...POLICE, 'townhall'],
    show: [...POLICE, 'townhall'],
    create: POLICE,
    edit: POLICE,
    approve: ['supervisor'],
    subscribe: [...POLICE, 'townhall'],
  },
  broadcast_templates: { list: POLICE, show: POLICE, create: ['supervisor'], edit: ['supervisor'] },
  // Per-recipient delivery log: contacts in clear for the town hall (follows up failures), masked
  // for the police.
  deliveries: { list: [...POLICE, 'townhall'], show: [...POLICE, 'townhall'], export: ['townhall'] },
  // Accounts are disabled, never deleted, so that the audit log keeps naming its authors.
  staff: { list: ['admin'], show: ['admin'], create: ['admin'], edit: ['admin'] },
  audit_log: { list: ['supervisor', 'admin'], show: ['supervisor', 'admin'], export: ['supervisor', 'admin'] },
  // Apps allowed to post signed reports; `edit` covers disabling and rotating the secret.
  partners: { list: ['admin'], show: ['admin'], create: ['admin'], edit: ['admin'] },
  // Address search (Base Adresse Nationale or the commune's street list) for staff placing a point.
  geocode: { list: ['officer', 'supervisor', 'townhall'] },
  // Words that flag members' posts for the town hall's moderators.
  banned_words: { list: ['townhall'], show: ['townhall'], create: ['townhall'], edit: ['townhall'], delete: ['townhall'] },
  // « Mon compte »: one's own password and sessions; the routes only ever touch the caller's rows.
  account: { list: ALL, show: ALL, edit: ALL, delete: ALL },
  // `list`: the statistics page (the town hall gets sector counts only); `show`: every figure,
  // as the reports themselves are police-only; `export`: the chief's monthly « bilan » PDF.
  stats: { list: [...POLICE, 'townhall'], show: POLICE, export: ['supervisor'] },
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
