import { describe, expect, it } from 'vitest';
import { cameBackOnline } from './RefetchAfterGap.tsx';

describe('cameBackOnline', () => {
  it('is true only when the connection returns after a gap, not on the first connection', () => {
    expect(cameBackOnline('reconnecting', 'online')).toBe(true);
    expect(cameBackOnline('offline', 'online')).toBe(true);
    expect(cameBackOnline('connecting', 'online')).toBe(false);
    expect(cameBackOnline('idle', 'online')).toBe(false);
    expect(cameBackOnline('online', 'reconnecting')).toBe(false);
    expect(cameBackOnline('online', 'online')).toBe(false);
  });
});
