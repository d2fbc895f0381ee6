/**
 * The `q` filter as a prefix tsquery (short words whole) over `members.search` (migration 00009): lower-cased and
 * accent-folded exactly as the generated column, then only [a-z0-9] words, so nothing the user
 * typed can reach tsquery syntax. Null when nothing searchable is left.
 */
const FROM = 'àáâäãåçèéêëìíîïñòóôöõùúûüýÿ';
const TO = 'aaaaaaceeeeiiiinooooouuuuyy';

export function fold(text: string) {
  let out = '';
  for (const char of text.toLowerCase()) {
    const at = FROM.indexOf(char);
    out += at >= 0 ? TO[at] : char;
  }
  return out;
}

export function memberTsQuery(q: string): string | null {
  const words = fold(q)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 8);
  // Words under three characters (« 12 » in « dupont 12 », an initial) match whole words only: as
  // prefixes they expand to a thousand lexemes (12, 120…12999) and cost more than the page.
  return words.length ? words.map((w) => (w.length < 3 ? w : `${w}:*`)).join(' & ') : null;
}
