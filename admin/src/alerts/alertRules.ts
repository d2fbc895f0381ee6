import type { Report } from '@vigie/shared';
import type { LiveEvent } from '../live/liveEvents.ts';

/** Priorities that ring when a new report arrives. */
const RINGING = new Set<Report['priority']>(['urgent', 'high']);

/** The report a live event brings when it deserves a ring: newly created, urgent or high. */
export function alertingReport(event: LiveEvent): Report | null {
  if (event.type !== 'created') return null;
  const record = event.payload.record as Partial<Report> | undefined;
  if (!record || typeof record.id !== 'number' || !record.priority || !RINGING.has(record.priority)) return null;
  return record as Report;
}

export interface Tone {
  /** Hz */
  frequency: number;
  /** Seconds from the start of the ring. */
  start: number;
  duration: number;
}

/** Urgent: three rising beeps; high: two. Short (under a second), so a burst never becomes a siren. */
export function ringTones(priority: Report['priority']): Tone[] {
  const notes = priority === 'urgent' ? [880, 988, 1175] : [784, 988];
  return notes.map((frequency, k) => ({ frequency, start: k * 0.18, duration: 0.14 }));
}

/** One ring at most every few seconds: a simulator posting 10 urgent reports a second rings once. */
export function createRingThrottle(intervalMs: number) {
  let last = Number.NEGATIVE_INFINITY;
  return (now: number) => {
    if (now - last < intervalMs) return false;
    last = now;
    return true;
  };
}

export interface NotificationText {
  title: string;
  body: string;
  tag: string;
}

/** Plain text for the browser notification: category and address, never markup. */
export function notificationText(report: Report, translate: (key: string, options?: Record<string, unknown>) => string): NotificationText {
  const category = translate(`vigie.categories.${report.category}`, { _: report.category });
  const priority = translate(`vigie.priorities.${report.priority}`, { _: report.priority });
  return {
    title: translate('vigie.alerts.notification_title', { priority, category }),
    body: report.address?.trim() || translate('vigie.alerts.no_address'),
    tag: `report-${report.id}`,
  };
}
