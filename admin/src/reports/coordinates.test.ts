import { describe, expect, it } from 'vitest';
import { formatCoordinate, parseCoordinate } from './coordinates.ts';

describe('parseCoordinate', () => {
  it('accepts the French decimal comma as well as the point', () => {
    expect(parseCoordinate('48,7794', 'lat')).toEqual({ value: 48.7794 });
    expect(parseCoordinate(' 2.3162 ', 'lng')).toEqual({ value: 2.3162 });
    expect(parseCoordinate('-0,5', 'lng')).toEqual({ value: -0.5 });
    expect(parseCoordinate('48', 'lat')).toEqual({ value: 48 });
  });

  it('refuses letters, stray separators and several numbers instead of guessing', () => {
    for (const text of ['abc', '48,77,94', '48.7794.1', '48 7794', '1e2', '48,', ',5', '48°46′', 'NaN', 'Infinity', '0x30']) {
      expect(parseCoordinate(text, 'lat'), text).toEqual({ error: 'vigie.create.coordinate_invalid' });
    }
  });

  it('refuses values outside the globe for each axis', () => {
    expect(parseCoordinate('487794', 'lat').error).toBeDefined();
    expect(parseCoordinate('90,5', 'lat')).toEqual({ error: 'vigie.create.coordinate_range' });
    expect(parseCoordinate('90,5', 'lng')).toEqual({ value: 90.5 });
    expect(parseCoordinate('-180,01', 'lng')).toEqual({ error: 'vigie.create.coordinate_range' });
  });

  it('leaves an empty field empty, for the required rule to speak', () => {
    expect(parseCoordinate('  ', 'lat')).toEqual({ value: null });
  });
});

describe('formatCoordinate', () => {
  it('writes the decimal separator of the language', () => {
    expect(formatCoordinate(48.77941234, 'fr')).toBe('48,779412');
    expect(formatCoordinate(2.3162, 'en')).toBe('2.3162');
  });
});
