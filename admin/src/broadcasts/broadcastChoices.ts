import { CHANNELS } from '@vigie/shared';
import { choicesOf } from '../common/choices.ts';
import { BROADCAST_CATEGORIES, BROADCAST_STATUSES, DELIVERY_STATUSES } from './broadcastTypes.ts';

export const broadcastCategoryChoices = choicesOf(BROADCAST_CATEGORIES, 'vigie.broadcast_categories');
export const broadcastStatusChoices = choicesOf(BROADCAST_STATUSES, 'vigie.broadcast_statuses');
export const deliveryStatusChoices = choicesOf(DELIVERY_STATUSES, 'vigie.broadcasts.delivery_statuses');
export const channelChoices = choicesOf(CHANNELS, 'vigie.channels');
export const reopenChoices = choicesOf(['propose', 'send'], 'vigie.broadcasts.reopen');
