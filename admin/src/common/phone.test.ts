import { describe, expect, it } from 'vitest';
import { formatPhone } from './phone.ts';

describe('formatPhone', () => {
  it('groups French numbers by two and dials them in international form', () => {
    expect(formatPhone('0612345678')).toEqual({ text: '06 12 34 56 78', href: 'tel:+33612345678' });
    expect(formatPhone('+33 1 46 61 00 00')).toEqual({ text: '01 46 61 00 00', href: 'tel:+33146610000' });
    expect(formatPhone('0033.6.12.34.56.78')).toEqual({ text: '06 12 34 56 78', href: 'tel:+33612345678' });
  });

  it('shows foreign and short numbers as typed, still dialable', () => {
    expect(formatPhone('+44 20 7946 0958')).toEqual({ text: '+44 20 7946 0958', href: 'tel:+442079460958' });
    expect(formatPhone('17')).toEqual({ text: '17', href: '' });
    expect(formatPhone('  ')).toBeNull();
    expect(formatPhone(null)).toBeNull();
  });
});
