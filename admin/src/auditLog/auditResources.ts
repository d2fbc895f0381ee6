import type { Resource } from '@vigie/shared';

export { AUDIT_ACTIONS } from '@vigie/shared';

/**
 * What the server writes in `audit_log.resource` today: sign-ins and sign-outs under `auth`, then
 * resources. A resource added later shows under its raw name until it gets a label here.
 */
export const AUDIT_RESOURCES: ReadonlyArray<'auth' | Resource> = [
  'auth',
  'reports',
  'report_events',
  'response_templates',
  'neighbourhoods',
  'members',
  'staff',
  'audit_log',
  'partners',
];
