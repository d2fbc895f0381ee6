import { describe, expect, it } from 'vitest';
import { scrubSecret, splitSecret, withoutSecret, type Partner } from './partnerSecret.ts';

const partner: Partner = {
  id: 'vvs-bourg',
  name: 'Voisins vigilants et solidaires',
  rate_per_minute: 600,
  disabled: false,
  webhook_url: null,
  previous_secret_expires_at: null,
  created_at: '2026-03-08T13:05:00.000Z',
  updated_at: '2026-03-08T13:05:00.000Z',
};
const answer = { ...partner, secret: 'mF0s3xQ-very-secret' };

describe('partner secrets', () => {
  it('hands the secret apart from the partner after a create or a rotation', () => {
    const { data, secret } = splitSecret(answer);
    expect(secret).toBe('mF0s3xQ-very-secret');
    expect(data).toEqual(partner);
    expect(Object.hasOwn(data, 'secret')).toBe(false);
  });

  it('refuses an answer without a secret rather than showing an empty one', () => {
    expect(() => splitSecret(partner)).toThrow();
    expect(() => splitSecret({ ...partner, secret: '' })).toThrow();
    expect(() => splitSecret(null)).toThrow();
    expect(() => splitSecret('oops')).toThrow();
  });

  it('drops the secret from a partner react-admin would cache', () => {
    const result = scrubSecret('partners', { data: answer });
    expect(result.data).toEqual(partner);
    expect(JSON.stringify(result)).not.toContain('very-secret');
  });

  it('keeps the rest of the answer, meta included', () => {
    expect(scrubSecret('partners', { data: answer, meta: { page: 1 } })).toEqual({ data: partner, meta: { page: 1 } });
  });

  it('leaves other resources and secret-free answers untouched', () => {
    const staff = { data: { id: 1, secret: 'not ours to judge' } };
    expect(scrubSecret('staff', staff)).toBe(staff);
    const plain = { data: partner };
    expect(scrubSecret('partners', plain).data).toBe(partner);
  });

  it('does not alter the record it was given', () => {
    const record = { ...answer };
    withoutSecret(record);
    expect(record.secret).toBe('mF0s3xQ-very-secret');
  });
});
