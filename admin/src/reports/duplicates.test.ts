import { describe, expect, it } from 'vitest';
import { incidentView, minutesBetween } from './duplicates.ts';

describe('duplicates', () => {
  it('says how many minutes before or after the other report came', () => {
    expect(minutesBetween('2024-03-08T13:30:00Z', '2024-03-08T13:18:00Z')).toBe(-12);
    expect(minutesBetween('2024-03-08T13:30:00Z', '2024-03-08T13:35:20Z')).toBe(5);
    expect(minutesBetween('2024-03-08T13:30:00Z', '2024-03-08T13:30:10Z')).toBe(0);
  });

  it('lists each linked report once, and never the open report among its own incident', () => {
    const primary = { id: 10, incident_id: null };
    const a = { id: 11, incident_id: 10 };
    const b = { id: 12, incident_id: 10 };
    const stranger = { id: 13, incident_id: null };
    // From the primary: both members; the nearby 11 is already one of them.
    expect(incidentView(primary, [a, b], [a, stranger])).toEqual({ primary: 10, members: [a, b], size: 3, candidates: [stranger] });
    // From a member: the other member only, the incident still counted whole.
    expect(incidentView(a, [a, b], [primary, b])).toEqual({ primary: 10, members: [b], size: 3, candidates: [primary] });
    // Nothing linked yet.
    expect(incidentView(stranger, [], [a])).toEqual({ primary: 13, members: [], size: 1, candidates: [a] });
  });
});
