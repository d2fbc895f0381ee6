import { describe, expect, it } from 'vitest';
import { createSubmissionKeys, IDEMPOTENCY_FIELD, takeSubmissionKey } from './submissionKey.ts';

describe('one Idempotency-Key per report submission', () => {
  it('reuses the key when the same payload is submitted again (a retry), and changes it with the payload', () => {
    let n = 0;
    const keys = createSubmissionKeys(() => `key-${++n}`);
    const payload = { category: 'vandalism', description: 'Tags' };
    expect(keys.keyFor(payload)).toBe('key-1');
    expect(keys.keyFor({ ...payload })).toBe('key-1');
    expect(keys.keyFor({ ...payload, description: 'Tags et vitre brisée' })).toBe('key-2');
  });

  it('takes the key out of the body sent to the server', () => {
    expect(takeSubmissionKey({ a: 1, [IDEMPOTENCY_FIELD]: 'k' })).toEqual({ body: { a: 1 }, key: 'k' });
    expect(takeSubmissionKey({ a: 1 })).toEqual({ body: { a: 1 }, key: null });
  });
});
