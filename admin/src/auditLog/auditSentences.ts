import { AUDIT_EVENTS, type AuditEventResource } from '@vigie/shared';

// Shared with the server's CSV export, which writes the same sentences.
export { auditSentence, auditTarget } from '@vigie/shared';

/** `staff.suspend`: one choice per thing that can actually happen, worded as in the list. */
export const AUDIT_EVENT_KEYS = Object.entries(AUDIT_EVENTS).flatMap(([resource, actions]) =>
  actions.map((action) => `${resource}.${action}`),
);

export const AUDIT_EVENT_RESOURCES = Object.keys(AUDIT_EVENTS) as AuditEventResource[];

/** The events one resource can have, or all of them when no resource is chosen. */
export const eventChoices = (resource?: string) =>
  AUDIT_EVENT_KEYS.filter((key) => !resource || key.startsWith(`${resource}.`)).map((id) => ({ id, name: `vigie.audit.events.${id}` }));
