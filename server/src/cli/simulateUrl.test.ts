import { describe, expect, it } from 'vitest';
import { defaultSimulateUrl } from './simulateUrl.ts';

describe('pnpm simulate default URL', () => {
  it('follows the server’s PUBLIC_URL, then its PORT, then the default port', () => {
    expect(defaultSimulateUrl({ PUBLIC_URL: 'https://vigie.ville.fr/', PORT: '3100' })).toBe('https://vigie.ville.fr');
    expect(defaultSimulateUrl({ PORT: '3100' })).toBe('http://localhost:3100');
    expect(defaultSimulateUrl({})).toBe('http://localhost:3000');
    expect(defaultSimulateUrl({ PORT: 'abc' })).toBe('http://localhost:3000');
  });
});
