import { REPORT_CATEGORIES, REPORT_PRIORITIES, REPORT_SOURCES, REPORT_STATUSES } from '@vigie/shared';
import { choicesOf } from '../common/choices.ts';

export const categoryChoices = choicesOf(REPORT_CATEGORIES, 'vigie.categories');
export const statusChoices = choicesOf(REPORT_STATUSES, 'vigie.statuses');
export const priorityChoices = choicesOf(REPORT_PRIORITIES, 'vigie.priorities');
export const sourceChoices = choicesOf(REPORT_SOURCES, 'vigie.sources');
