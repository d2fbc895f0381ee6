import type { Channel } from '@vigie/shared';
import type { Broadcast, ChannelCounts } from './broadcastTypes.ts';

export interface ChannelProgress {
  channel: Channel;
  total: number;
  /** Handed to the provider (sent) or confirmed (delivered). */
  done: number;
  delivered: number;
  failed: number;
  queued: number;
  /** 0–100, what has reached an end (delivered, sent without receipt, or dead). */
  percent: number;
}

const zero: ChannelCounts = { queued: 0, sent: 0, delivered: 0, failed: 0, dead: 0 };

/** Per-channel progress from a broadcast's counts; channels without messages are left out. */
export function progressOf(broadcast: Pick<Broadcast, 'channels' | 'counts'>): ChannelProgress[] {
  return broadcast.channels.flatMap((channel) => {
    const c = { ...zero, ...broadcast.counts?.[channel] };
    const total = c.queued + c.sent + c.delivered + c.failed + c.dead;
    if (total === 0) return [];
    const settled = c.sent + c.delivered + c.dead;
    return [
      {
        channel,
        total,
        done: c.sent + c.delivered,
        delivered: c.delivered,
        failed: c.failed + c.dead,
        queued: c.queued,
        percent: Math.floor((settled / total) * 100),
      },
    ];
  });
}
