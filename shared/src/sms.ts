// SMS length per 3GPP TS 23.038 (GSM 7-bit default alphabet) and TS 23.040 (concatenation).
// A message is GSM-7 when every character is in the basic table or its extension table
// (an extension character costs two septets: ESC + code); otherwise the whole message is UCS-2,
// counted in UTF-16 code units (an emoji outside the BMP is two). One segment holds 160 septets
// or 70 units; a concatenated message loses 7 septets / 3 units per segment to the UDH header,
// hence 153 and 67. A two-septet character or a surrogate pair is never split across segments.

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  length: number;
  segments: number;
  /** Capacity of one segment for this message: 160/153 (GSM-7) or 70/67 (UCS-2). */
  per_segment: number;
  /** What still fits in the last segment before another one is needed. */
  remaining: number;
  /** The first character that is not GSM-7 and so switched the message to UCS-2. */
  ucs2_char: string | null;
}

const SINGLE = { 'GSM-7': 160, 'UCS-2': 70 } as const;
const MULTI = { 'GSM-7': 153, 'UCS-2': 67 } as const;

function gsm7Cost(char: string): number | null {
  if (basic.has(char)) return 1;
  if (extension.has(char)) return 2;
  return null;
}

/** The characters of `text` in iteration order (code points), each with its cost in units. */
function costs(text: string): { encoding: SmsEncoding; units: number[]; ucs2_char: string | null } {
  const chars = Array.from(text);
  for (const char of chars) {
    if (gsm7Cost(char) === null) return { encoding: 'UCS-2', units: chars.map((c) => c.length), ucs2_char: char };
  }
  return { encoding: 'GSM-7', units: chars.map((c) => gsm7Cost(c) ?? 1), ucs2_char: null };
}

export function countSms(text: string): SmsCount {
  const { encoding, units, ucs2_char } = costs(text);
  const length = units.reduce((a, b) => a + b, 0);
  if (length <= SINGLE[encoding]) {
    return { encoding, length, segments: length === 0 ? 0 : 1, per_segment: SINGLE[encoding], remaining: SINGLE[encoding] - length, ucs2_char };
  }
  // Pack greedily: a character that does not fit whole opens the next segment.
  const size = MULTI[encoding];
  let segments = 1;
  let used = 0;
  for (const unit of units) {
    if (used + unit > size) {
      segments += 1;
      used = 0;
    }
    used += unit;
  }
  return { encoding, length, segments, per_segment: size, remaining: size - used, ucs2_char };
}

// Characters French writers type that have a GSM-7 look-alike. Choice on ç: it becomes Ç, which
// GSM-7 has (0x09; the original GSM 03.38 table even drew it as ç and many handsets still do),
// because keeping a cedilla reads better in French than « ca va » and one ç must not
// halve the message's room (160 → 70).
const GSM7_EQUIVALENTS: Record<string, string> = {
  â: 'a', ê: 'e', î: 'i', ô: 'o', û: 'u', ë: 'e', ï: 'i', ÿ: 'y', á: 'a', í: 'i', ó: 'o', ú: 'u', ã: 'a', õ: 'o',
  Â: 'A', Ê: 'E', Î: 'I', Ô: 'O', Û: 'U', Ë: 'E', Ï: 'I', Ÿ: 'Y', À: 'A', È: 'E', Ù: 'U', Ì: 'I', Ò: 'O',
  Á: 'A', Í: 'I', Ó: 'O', Ú: 'U',
  ç: 'Ç', œ: 'oe', Œ: 'OE',
  '’': "'", '‘': "'", '‚': "'", '«': '"', '»': '"', '“': '"', '”': '"', '„': '"',
  '…': '...', '–': '-', '—': '-', '‐': '-', '‑': '-', '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\t': ' ',
  '•': '-', '°': 'o',
};

/** `text` with every character that has a GSM-7 equivalent replaced by it; others are left alone. */
export function toGsm7(text: string): string {
  let out = '';
  for (const char of text) out += gsm7Cost(char) === null ? (GSM7_EQUIVALENTS[char] ?? char) : char;
  return out;
}

/** Whether `toGsm7` can bring `text` back to GSM-7 (nothing like an emoji left). */
export function canFixToGsm7(text: string): boolean {
  return countSms(toGsm7(text)).encoding === 'GSM-7';
}

/** Estimated cost in euros: segments × recipients × unit price, rounded to the cent. */
export function smsCost(segments: number, recipients: number, unitPriceEur: number): number {
  return Math.round(segments * recipients * unitPriceEur * 100) / 100;
}
