import { describe, expect, it } from 'vitest';
import { duration, frenchTypography, integer, monthLabel, variation } from './typography.ts';

describe('French typography of the bilan', () => {
  it('puts a no-break space before double punctuation and inside guillemets', () => {
    expect(frenchTypography('Total : 12 ; voir « bilan » ! Pourquoi ?')).toBe('Total\u00a0: 12\u00a0; voir «\u00a0bilan\u00a0»\u00a0! Pourquoi\u00a0?');
  });

  it('leaves times and addresses alone', () => {
    expect(frenchTypography('17:05 et http://x')).toBe('17:05 et http://x');
  });

  it('writes months, numbers, variations and durations the French way', () => {
    expect(monthLabel('2026-11')).toBe('novembre 2026');
    expect(integer(12345)).toBe('12\u00a0345');
    expect(variation(15, 10)).toBe('+50\u00a0%');
    expect(variation(5, 10)).toBe('−50\u00a0%');
    expect(variation(3, 0)).toBe('nouveau');
    expect(duration(42)).toBe('42\u00a0min');
    expect(duration(185)).toBe('3\u00a0h\u00a005');
    expect(duration(null)).toBe('—');
  });
});
