import { describe, expect, it } from 'vitest';
import { needsEmergencyGate } from './emergency.ts';

describe('emergency gate', () => {
  it('stops an officer on a report whose text suggests a danger in progress', () => {
    expect(needsEmergencyGate({ emergency: true, priority: 'urgent', status: 'new' })).toBe(true);
    expect(needsEmergencyGate({ emergency: true, priority: 'normal', status: 'acknowledged' })).toBe(true);
  });

  it('also stops them on an urgent report nobody has taken yet', () => {
    expect(needsEmergencyGate({ emergency: false, priority: 'urgent', status: 'new' })).toBe(true);
    expect(needsEmergencyGate({ emergency: false, priority: 'urgent', status: 'acknowledged' })).toBe(false);
    expect(needsEmergencyGate({ emergency: false, priority: 'high', status: 'new' })).toBe(false);
  });

  it('goes away once the report is forwarded or closed', () => {
    for (const status of ['forwarded', 'resolved', 'dismissed'] as const) {
      expect(needsEmergencyGate({ emergency: true, priority: 'urgent', status })).toBe(false);
    }
  });
});
