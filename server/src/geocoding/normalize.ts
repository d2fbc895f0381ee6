// Residents type « av. du Gal Leclerc » as often as « avenue du Général-Leclerc ».
const ABBREVIATIONS: Record<string, string> = {
  av: 'avenue', ave: 'avenue', bd: 'boulevard', bld: 'boulevard', bvd: 'boulevard', r: 'rue', pl: 'place',
  all: 'allee', gal: 'general', gen: 'general', mal: 'marechal', st: 'saint', ste: 'sainte', col: 'colonel', imp: 'impasse',
};
const STOPWORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd']);

/** Lower case, no accents, punctuation as spaces, abbreviations spelt out, articles dropped. */
export function normalizeAddress(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .filter((word) => word && !STOPWORDS.has(word))
    .join(' ');
}

const trigrams = (text: string) => {
  const padded = `  ${text} `;
  const set = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  return set;
};

/** Sørensen–Dice coefficient over character trigrams: 1 for the same text, tolerant of typos. */
export function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  const ta = trigrams(a);
  const tb = trigrams(b);
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return (2 * common) / (ta.size + tb.size);
}

export interface ParsedAddress {
  number: number | null;
  /** `bis`, `ter`… as typed, for the label. */
  suffix: string | null;
  street: string;
  /** Postal code and/or town when given (after a comma or a 5-digit code). */
  town: string | null;
}

/** « 12 bis avenue du Général-Leclerc, 92340 Bourg-la-Reine » → number, suffix, street, town. */
export function parseAddress(text: string): ParsedAddress {
  const match = /^\s*(\d{1,4})\s*(bis|ter|quater|[a-d])?\b[\s,]*(.*)$/iu.exec(text);
  const number = match ? Number(match[1]) : null;
  const suffix = match?.[2]?.toLowerCase() ?? null;
  const rest = match ? match[3]! : text;
  const cut = /,|\b\d{5}\b/.exec(rest);
  const street = normalizeAddress(cut ? rest.slice(0, cut.index) : rest);
  const town = cut ? normalizeAddress(rest.slice(cut.index)) || null : null;
  return { number, suffix, street, town };
}
