import { describe, expect, it } from 'vitest';
import type { Member } from '@vigie/shared';
import { memberChecks } from './memberChecks.ts';

const member = (patch: Partial<Member> = {}): Member => ({
  id: 1,
  external_id: null,
  kind: 'self',
  status: 'pending_review',
  full_name: 'Jeanne Martin',
  email: 'jeanne@example.fr',
  phone: '+33612345678',
  address: "12 rue de l'Église",
  lat: 48.78,
  lng: 2.31,
  neighbourhood_id: 1,
  out_of_area: false,
  channels: ['email'],
  sms_opt_out_at: null,
  email_opt_out_at: null,
  source: 'public',
  created_at: '2026-12-01T09:00:00Z',
  confirmed_at: '2026-12-01T09:05:00Z',
  decided_at: null,
  decided_by_name: null,
  updated_at: '2026-12-01T09:05:00Z',
  ...patch,
});

describe('the review chips', () => {
  it('reassures when everything is in order', () => {
    expect(memberChecks({ ...member(), geocode_score: 0.92 }).map((c) => [c.key, c.tone])).toEqual([
      ['in_commune', 'ok'],
      ['geocode_ok', 'ok'],
    ]);
  });

  it('warns about an address outside the commune, a weak match, a duplicate, a throwaway e-mail, unconfirmed relatives and a pending proof', () => {
    const checks = memberChecks({
      ...member({ out_of_area: true, email: 'x@YOPmail.com' }),
      geocode_score: 0.41,
      duplicates: [{ id: 7, full_name: 'J. M.', status: 'approved', reason: 'phone' }],
      disposable_email: true,
      unconfirmed_relatives: 2,
      proof_requested_at: '2026-12-02T10:00:00Z',
    });
    expect(checks.map((c) => c.key)).toEqual(['out_of_area', 'geocode_low', 'duplicate', 'disposable_email', 'relatives_unconfirmed', 'proof_requested']);
    expect(checks.every((c) => c.tone === 'warn')).toBe(true);
    expect(checks.find((c) => c.key === 'geocode_low')?.args).toEqual({ score: 41 });
    expect(checks.find((c) => c.key === 'duplicate')).toMatchObject({ otherId: 7, args: { id: 7, name: 'J. M.', reason: 'phone' } });
    expect(checks.find((c) => c.key === 'relatives_unconfirmed')?.args).toEqual({ smart_count: 2 });
  });

  it('says when the address could not be placed at all', () => {
    expect(memberChecks(member({ lat: null, lng: null }))[0]?.key).toBe('no_point');
  });

});
