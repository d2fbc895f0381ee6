import { ROLES } from '@vigie/shared';
import { choicesOf } from '../common/choices.ts';

export const roleChoices = choicesOf(ROLES, 'vigie.roles');
