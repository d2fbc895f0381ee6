import { describe, expect, it } from 'vitest';
import { minutesBetween } from './duplicates.ts';

describe('duplicates', () => {
  it('says how many minutes before or after the other report came', () => {
    expect(minutesBetween('2024-03-08T13:30:00Z', '2024-03-08T13:18:00Z')).toBe(-12);
    expect(minutesBetween('2024-03-08T13:30:00Z', '2024-03-08T13:35:20Z')).toBe(5);
    expect(minutesBetween('2024-03-08T13:30:00Z', '2024-03-08T13:30:10Z')).toBe(0);
  });
});
