import { describe, expect, it } from 'vitest';
import { clientAddress } from './clientIp.ts';

describe('clientAddress', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientAddress('203.0.113.9', '127.0.0.1', 0)).toBe('127.0.0.1');
  });

  it('takes the entry the one trusted proxy appended, never the forgeable left-most one', () => {
    expect(clientAddress('6.6.6.6, 203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9');
  });

  it('counts hops from the right with several trusted proxies', () => {
    expect(clientAddress('6.6.6.6, 203.0.113.9, 10.0.0.5', '10.0.0.2', 2)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', '10.0.0.2', 3)).toBe('203.0.113.9');
  });

  it('joins repeated headers and falls back to the socket for a value that is not an address', () => {
    expect(clientAddress(['6.6.6.6', '203.0.113.9'], '10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientAddress('6.6.6.6, not-an-ip', '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(clientAddress(undefined, '::ffff:10.0.0.2', 1)).toBe('10.0.0.2');
    expect(clientAddress('2001:db8::1', '10.0.0.2', 1)).toBe('2001:db8::1');
  });
});
