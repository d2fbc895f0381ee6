import { describe, expect, it } from 'vitest';
import { availableActions, doneMessage } from './BroadcastActions.tsx';
import { cleanBroadcast } from './BroadcastCreate.tsx';
import type { Broadcast } from './broadcastTypes.ts';

const broadcast = (over: Partial<Broadcast>): Broadcast => ({
  id: 1,
  category: 'information',
  title: 'Test',
  sms_text: 'x',
  email_subject: null,
  email_body: null,
  channels: ['sms'],
  target: { commune: true },
  closure: null,
  status: 'draft',
  send_at: null,
  follows_id: null,
  report_id: null,
  created_by: 7,
  created_by_name: 'Agent',
  approved_by: null,
  approved_by_name: null,
  sent_at: null,
  counts: {},
  ...over,
});

describe('broadcast actions', () => {
  it('offers a test and sending on a draft', () => {
    expect(availableActions(broadcast({}), { id: 7 }, false)).toEqual(['test', 'send', 'cancel']);
  });

  it('never offers its author the approval (four eyes)', () => {
    expect(availableActions(broadcast({ status: 'pending_approval' }), { id: 7 }, true)).toEqual(['cancel']);
    expect(availableActions(broadcast({ status: 'pending_approval' }), { id: 8 }, true)).toEqual(['approve', 'cancel']);
    expect(availableActions(broadcast({ status: 'pending_approval' }), { id: 8 }, false)).toEqual(['cancel']);
  });

  it('offers to retry failures only when some failed', () => {
    const counts = { sms: { queued: 0, sent: 0, delivered: 9, failed: 1, dead: 0 } };
    expect(availableActions(broadcast({ status: 'sent', counts }), { id: 7 }, false)).toEqual(['retry_failed']);
    expect(availableActions(broadcast({ status: 'sent' }), { id: 7 }, false)).toEqual([]);
  });
});

describe('what the officer is told after an action', () => {
  it('never says « lancée » of a broadcast that waits for a chief or for its time', () => {
    expect(doneMessage('send', 'pending_approval')).toBe('vigie.broadcasts.done.submitted');
    expect(doneMessage('send', 'scheduled')).toBe('vigie.broadcasts.done.scheduled');
    expect(doneMessage('approve', 'scheduled')).toBe('vigie.broadcasts.done.scheduled');
    expect(doneMessage('send', 'sending')).toBe('vigie.broadcasts.done.send');
    expect(doneMessage('approve', 'sending')).toBe('vigie.broadcasts.done.approve');
  });
});

describe('the compose form', () => {
  it('sends only the texts of the chosen channels, and a closure only for road closures', () => {
    const data = cleanBroadcast({
      category: 'information',
      channels: ['email'],
      sms_text: 'ignored',
      email_subject: 'Sujet',
      email_body: 'Corps',
      closure: { geometry: null, starts_at: '2026-12-05T06:00:00Z', ends_at: '2026-12-05T18:00:00Z', reopen: 'propose' },
      send_at: '' as never,
    });
    expect(data).toMatchObject({ sms_text: null, email_subject: 'Sujet', email_body: 'Corps', closure: null, send_at: null });
  });
});
