import { AUDIT_ACTIONS, AUDIT_RESOURCES } from './auditResources.ts';
import { choicesOf } from '../common/choices.ts';

export const actionChoices = choicesOf(AUDIT_ACTIONS, 'vigie.audit_actions');
export const resourceChoices = choicesOf(AUDIT_RESOURCES, 'vigie.audit.resources');
