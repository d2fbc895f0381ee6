import { createSecretKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyingSecrets, type PartnerKeys } from './keyring.ts';

const keys = (overrides: Partial<PartnerKeys>): PartnerKeys => ({
  id: 'vvs', name: 'VVS', disabled: false, rate_per_minute: 600, current: createSecretKey(Buffer.from('current')), previous: null, ...overrides,
});

describe('verifyingSecrets', () => {
  it('lets the previous secret verify until its overlap ends, by the clock of the check rather than of the cache', () => {
    const partner = keys({ previous: { secret: createSecretKey(Buffer.from('old')), expiresAt: 10_000 } });
    expect(verifyingSecrets(partner, 9_999).map((k) => k.export().toString())).toEqual(['current', 'old']);
    expect(verifyingSecrets(partner, 10_000).map((k) => k.export().toString())).toEqual(['current']);
  });

  it('verifies nothing with a current secret that no longer opens', () => {
    expect(verifyingSecrets(keys({ current: null }))).toEqual([]);
  });
});
