import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../live/liveEvents.ts';
import { alertingReport, createRingThrottle, notificationText, ringTones } from './alertRules.ts';

const event = (type: LiveEvent['type'], record: Record<string, unknown>): LiveEvent => ({
  type,
  topic: 'resource/reports',
  payload: { ids: [record.id as number], record },
  date: new Date(),
});

describe('new report alerts', () => {
  it('rings for new urgent and high reports only', () => {
    expect(alertingReport(event('created', { id: 1, priority: 'urgent' }))?.id).toBe(1);
    expect(alertingReport(event('created', { id: 2, priority: 'high' }))?.id).toBe(2);
    expect(alertingReport(event('created', { id: 3, priority: 'normal' }))).toBeNull();
    expect(alertingReport(event('updated', { id: 4, priority: 'urgent' }))).toBeNull();
    expect(alertingReport({ ...event('created', { id: 5 }), payload: { ids: [] } })).toBeNull();
  });

  it('plays a short ring, longer for urgent', () => {
    const urgent = ringTones('urgent');
    expect(urgent.length).toBeGreaterThan(ringTones('high').length);
    const end = Math.max(...urgent.map((tone) => tone.start + tone.duration));
    expect(end).toBeLessThan(1);
  });

  it('rings once for a burst', () => {
    const ring = createRingThrottle(3000);
    expect(ring(10_000)).toBe(true);
    expect(ring(11_000)).toBe(false);
    expect(ring(13_000)).toBe(true);
  });

  it('words the notification as plain text from category and address', () => {
    const translate = (key: string, options: Record<string, unknown> = {}) =>
      key === 'vigie.alerts.notification_title' ? `${options.priority} : ${options.category}` : key === 'vigie.alerts.no_address' ? 'Adresse inconnue' : key.split('.').pop()!;
    const report = { id: 9, category: 'burglary', priority: 'urgent', address: '  <b>3 rue des Blagis</b> ' } as never;
    expect(notificationText(report, translate)).toEqual({ title: 'urgent : burglary', body: '<b>3 rue des Blagis</b>', tag: 'report-9' });
    expect(notificationText({ ...(report as object), address: null } as never, translate).body).toBe('Adresse inconnue');
  });
});
