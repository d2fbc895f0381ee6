import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatShortTime,
  parisDay,
  parisDayBoundary,
  parisLocalToIso,
  parisOffsetMinutes,
  toParisLocal,
} from './parisTime.ts';

describe('Paris time', () => {
  it('knows winter and summer offsets', () => {
    expect(parisOffsetMinutes(Date.parse('2024-01-15T12:00:00Z'))).toBe(60);
    expect(parisOffsetMinutes(Date.parse('2024-07-15T12:00:00Z'))).toBe(120);
  });

  it('turns a day into the first and last instant of that day in Paris', () => {
    expect(parisDayBoundary('2024-03-08', 'start')).toBe('2024-03-07T23:00:00.000Z');
    expect(parisDayBoundary('2024-03-08', 'end')).toBe('2024-03-08T22:59:59.999Z');
    expect(parisDayBoundary('2024-07-14', 'start')).toBe('2024-07-13T22:00:00.000Z');
  });

  it('handles the days clocks change and month ends', () => {
    expect(parisDayBoundary('2024-03-31', 'start')).toBe('2024-03-30T23:00:00.000Z');
    expect(parisDayBoundary('2024-03-31', 'end')).toBe('2024-03-31T21:59:59.999Z');
    expect(parisDayBoundary('2024-10-27', 'end')).toBe('2024-10-27T22:59:59.999Z');
    expect(parisDayBoundary('2024-12-31', 'end')).toBe('2024-12-31T22:59:59.999Z');
  });

  it('refuses anything but a calendar day', () => {
    expect(parisDayBoundary('08/03/2024', 'start')).toBeNull();
    expect(parisDayBoundary('', 'end')).toBeNull();
  });

  it('shows an instant as its Paris calendar day', () => {
    expect(parisDay('2024-03-07T23:30:00Z')).toBe('2024-03-08');
    expect(parisDay('2024-03-08')).toBe('2024-03-08');
    expect(parisDay(undefined)).toBe('');
    expect(parisDay('not a date')).toBe('');
  });

  it('formats dates the French way, in Paris time', () => {
    expect(formatDateTime('2024-03-08T13:05:00Z', 'fr-FR')).toBe('08/03/2024 14:05');
    expect(formatDateTime(null, 'fr-FR')).toBe('');
  });
});

describe('Paris wall-clock times', () => {
  it('reads a datetime-local value as Paris time, winter and summer', () => {
    expect(parisLocalToIso('2024-01-15T14:05')).toBe('2024-01-15T13:05:00.000Z');
    expect(parisLocalToIso('2024-07-14T00:30')).toBe('2024-07-13T22:30:00.000Z');
  });

  it('refuses anything but a datetime-local value', () => {
    expect(parisLocalToIso('2024-01-15')).toBeNull();
    expect(parisLocalToIso('14:05')).toBeNull();
  });

  it('shows an instant as a Paris datetime-local value, and back', () => {
    expect(toParisLocal('2024-03-08T13:05:00Z')).toBe('2024-03-08T14:05');
    expect(parisLocalToIso(toParisLocal(Date.parse('2024-10-27T12:00:00Z')))).toBe('2024-10-27T12:00:00.000Z');
    expect(toParisLocal('nope')).toBe('');
  });

  it('shows only the time for a report of today', () => {
    const now = Date.parse('2024-03-08T20:00:00Z');
    expect(formatShortTime(Date.parse('2024-03-08T13:05:00Z'), 'fr-FR', now)).toBe('14:05');
    expect(formatShortTime(Date.parse('2024-03-06T13:05:00Z'), 'fr-FR', now)).toBe('06/03/2024 14:05');
  });
});
