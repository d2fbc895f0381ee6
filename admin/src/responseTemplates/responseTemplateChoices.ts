import { REPORT_STATUSES } from '@vigie/shared';
import { choicesOf } from '../common/choices.ts';

/** A reply goes with a change of status: every status but `new` can have templates. */
export const REPLY_STATUSES = REPORT_STATUSES.filter((status) => status !== 'new');

export const replyStatusChoices = choicesOf(REPLY_STATUSES, 'vigie.statuses');
