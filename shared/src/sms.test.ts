import { describe, expect, it } from 'vitest';
import { canFixToGsm7, countSms, smsCost, toGsm7 } from './sms.ts';

const a = (n: number) => 'a'.repeat(n);
const e = (n: number) => 'é'.repeat(n);
const hat = (n: number) => 'â'.repeat(n);

// [label, text, encoding, length, segments, remaining, first UCS-2 character]
const cases: [string, string, 'GSM-7' | 'UCS-2', number, number, number, string | null][] = [
  ['empty', '', 'GSM-7', 0, 0, 160, null],
  ['plain ASCII', 'Bonjour', 'GSM-7', 7, 1, 153, null],
  ['é è ù ì ò à are basic GSM-7', 'éèùìòà', 'GSM-7', 6, 1, 154, null],
  ['É and Ç are basic GSM-7', 'ÉÇ', 'GSM-7', 2, 1, 158, null],
  ['line feed and carriage return are basic', 'a\r\nb', 'GSM-7', 4, 1, 156, null],
  ['€ costs two septets', '€', 'GSM-7', 2, 1, 158, null],
  ['[ ] cost two septets each', '[]', 'GSM-7', 4, 1, 156, null],
  ['{ } ~ ^ \\ | cost two septets each', '{}~^\\|', 'GSM-7', 12, 1, 148, null],
  ['â forces UCS-2', 'Gâteau', 'UCS-2', 6, 1, 64, 'â'],
  ['ê forces UCS-2', 'fête', 'UCS-2', 4, 1, 66, 'ê'],
  ['î forces UCS-2', 'île', 'UCS-2', 3, 1, 67, 'î'],
  ['ô forces UCS-2', 'hôtel', 'UCS-2', 5, 1, 65, 'ô'],
  ['û forces UCS-2', 'août', 'UCS-2', 4, 1, 66, 'û'],
  ['ë forces UCS-2', 'Noël', 'UCS-2', 4, 1, 66, 'ë'],
  ['ï forces UCS-2', 'maïs', 'UCS-2', 4, 1, 66, 'ï'],
  ['ç forces UCS-2', 'ça', 'UCS-2', 2, 1, 68, 'ç'],
  ['œ forces UCS-2', 'cœur', 'UCS-2', 4, 1, 66, 'œ'],
  ['typographic apostrophe forces UCS-2', 'l’école', 'UCS-2', 7, 1, 63, '’'],
  ['an emoji is two UTF-16 units', '🚨', 'UCS-2', 2, 1, 68, '🚨'],
  ['names the first offending character', 'Rue fermée 🚧 à côté', 'UCS-2', 20, 1, 50, '🚧'],
  ['€ inside UCS-2 is one unit', '€ô', 'UCS-2', 2, 1, 68, 'ô'],
  ['160 septets: one segment', a(160), 'GSM-7', 160, 1, 0, null],
  ['161 septets: two segments of 153', a(161), 'GSM-7', 161, 2, 145, null],
  ['306 septets: exactly two segments', a(306), 'GSM-7', 306, 2, 0, null],
  ['307 septets: three segments', a(307), 'GSM-7', 307, 3, 152, null],
  ['159 septets and €: 161 septets, two segments', a(159) + '€', 'GSM-7', 161, 2, 145, null],
  ['158 septets and €: exactly 160', a(158) + '€', 'GSM-7', 160, 1, 0, null],
  ['€ is never split across segments', a(152) + '€' + a(10), 'GSM-7', 164, 2, 141, null],
  ['accented basic letters count one at the boundary', e(160), 'GSM-7', 160, 1, 0, null],
  ['70 units: one UCS-2 segment', hat(70), 'UCS-2', 70, 1, 0, 'â'],
  ['71 units: two segments of 67', hat(71), 'UCS-2', 71, 2, 63, 'â'],
  ['134 units: exactly two segments', hat(134), 'UCS-2', 134, 2, 0, 'â'],
  ['135 units: three segments', hat(135), 'UCS-2', 135, 3, 66, 'â'],
  ['an emoji is never split across segments', hat(66) + '😀' + hat(3), 'UCS-2', 71, 2, 62, 'â'],
  ['35 emoji: exactly 70 units', '😀'.repeat(35), 'UCS-2', 70, 1, 0, '😀'],
  ['one â in a long text halves the room', a(100) + 'â', 'UCS-2', 101, 2, 33, 'â'],
];

describe('the SMS segment counter (3GPP TS 23.038)', () => {
  it.each(cases)('%s', (_label, text, encoding, length, segments, remaining, ucs2) => {
    expect(countSms(text)).toMatchObject({ encoding, length, segments, remaining, ucs2_char: ucs2 });
  });

  it('uses 160/153 and 70/67 per segment', () => {
    expect(countSms(a(10)).per_segment).toBe(160);
    expect(countSms(a(200)).per_segment).toBe(153);
    expect(countSms(hat(10)).per_segment).toBe(70);
    expect(countSms(hat(100)).per_segment).toBe(67);
  });
});

describe('the GSM-7 fix', () => {
  it.each([
    ['Fermeture du château à 18 h', 'Fermeture du chateau à 18 h'],
    ['Fête, île, hôtel, août, Noël, maïs', 'Fete, ile, hotel, aout, Noel, mais'],
    ['« Soyez vigilants »', '" Soyez vigilants "'],
    ['l’école', "l'école"],
    ['cœur Œuvre', 'coeur OEuvre'],
    ['Attendez…', 'Attendez...'],
    // The documented choice: ç keeps its cedilla as the GSM-7 Ç.
    ['Ça et garçon', 'Ça et garÇon'],
  ])('turns « %s » into « %s »', (text, fixed) => {
    expect(toGsm7(text)).toBe(fixed);
    expect(countSms(toGsm7(text)).encoding).toBe('GSM-7');
  });

  it('leaves what has no equivalent, and says so', () => {
    expect(toGsm7('Alerte 🚨')).toBe('Alerte 🚨');
    expect(canFixToGsm7('Alerte 🚨 château')).toBe(false);
    expect(canFixToGsm7('Alerte château')).toBe(true);
  });

  it('prices segments × recipients × unit price', () => {
    expect(smsCost(2, 1000, 0.045)).toBe(90);
  });
});
