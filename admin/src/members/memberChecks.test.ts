import { describe, expect, it } from 'vitest';
import type { Member, Relative } from '@vigie/shared';
import { findDuplicates, isDisposableEmail, memberChecks, similarNames } from './memberChecks.ts';

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

describe('possible duplicates of a registration', () => {
  it('finds the same e-mail whatever its case, the same phone, and the same address with a similar name', () => {
    const found = findDuplicates(member(), [
      member({ id: 2, email: 'JEANNE@example.fr', phone: null }),
      member({ id: 3, email: 'other@example.fr' }),
      member({ id: 4, email: null, phone: null, full_name: 'MARTIN Jeanne', address: '12, Rue de l’Eglise' }),
      member({ id: 5, email: null, phone: null, full_name: 'Paul Durand' }),
    ]);
    expect(found.map((d) => [d.id, d.reason])).toEqual([
      [2, 'email'],
      [3, 'phone'],
      [4, 'name_address'],
    ]);
  });

  it('never names the member itself or an erased record', () => {
    expect(findDuplicates(member(), [member(), member({ id: 9, status: 'erased' })])).toEqual([]);
  });

  it('compares names word by word, accents aside', () => {
    expect(similarNames('Élodie Bernard', 'bernard elodie')).toBe(true);
    expect(similarNames('Jean', 'Jeanne Martin')).toBe(false);
    expect(similarNames(null, 'x')).toBe(false);
  });
});

describe('the review chips', () => {
  it('reassures when everything is in order', () => {
    expect(memberChecks({ ...member(), geocode_score: 0.92 }, []).map((c) => [c.key, c.tone])).toEqual([
      ['in_commune', 'ok'],
      ['geocode_ok', 'ok'],
    ]);
  });

  it('warns about an address outside the commune, a weak match, a duplicate, a throwaway e-mail and unconfirmed relatives', () => {
    const relatives = [{ confirmed_at: null }, { confirmed_at: '2026-12-01T10:00:00Z' }, { confirmed_at: null }] as Relative[];
    const checks = memberChecks({ ...member({ out_of_area: true, email: 'x@YOPmail.com' }), geocode_score: 0.41 }, [{ id: 7, full_name: 'J. M.', status: 'approved', reason: 'phone' }], relatives);
    expect(checks.map((c) => c.key)).toEqual(['out_of_area', 'geocode_low', 'duplicate', 'disposable_email', 'relatives_unconfirmed']);
    expect(checks.every((c) => c.tone === 'warn')).toBe(true);
    expect(checks.find((c) => c.key === 'geocode_low')?.args).toEqual({ score: 41 });
    expect(checks.find((c) => c.key === 'duplicate')?.otherId).toBe(7);
    expect(checks.find((c) => c.key === 'relatives_unconfirmed')?.args).toEqual({ smart_count: 2 });
  });

  it('says when the address could not be placed at all', () => {
    expect(memberChecks(member({ lat: null, lng: null }), [])[0]?.key).toBe('no_point');
  });

  it('recognises throwaway e-mail domains only', () => {
    expect(isDisposableEmail('a@mailinator.com')).toBe(true);
    expect(isDisposableEmail('a@orange.fr')).toBe(false);
    expect(isDisposableEmail(null)).toBe(false);
  });
});
