import { CHANNELS, MEMBER_DECISION_REASONS, MEMBER_KINDS, MEMBER_SOURCES, MEMBER_STATUSES } from '@vigie/shared';
import { choicesOf } from '../common/choices.ts';

// Erased members stay as rows (reports keep their history) but there is nothing to filter them for.
export const memberStatusChoices = choicesOf(MEMBER_STATUSES, 'vigie.members.statuses');
export const memberKindChoices = choicesOf(MEMBER_KINDS, 'vigie.members.kinds');
export const memberSourceChoices = choicesOf(MEMBER_SOURCES, 'vigie.members.sources');
export const channelChoices = choicesOf(CHANNELS, 'vigie.members.channels');
export const decisionReasonChoices = choicesOf(MEMBER_DECISION_REASONS, 'vigie.members.reasons');
