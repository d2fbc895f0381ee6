import { describe, expect, it } from 'vitest';
import { nextPrefix } from './queries.ts';
import { fold, memberTsQuery } from './search.ts';

describe('the members search query', () => {
  it('folds accents and case as the search column does, words as prefixes', () => {
    expect(fold('Lefèvre ÉLODIE')).toBe('lefevre elodie');
    expect(memberTsQuery('Lefèvre Élo')).toBe('lefevre:* & elo:*');
  });

  it('matches words under three characters whole (a house number is not a prefix of a thousand others)', () => {
    expect(memberTsQuery('dupont 12')).toBe('dupont:* & 12');
    expect(memberTsQuery('J. Martin')).toBe('j & martin:*');
  });

  it('lets nothing of tsquery syntax through', () => {
    expect(memberTsQuery("a:* | !b & (c)'")).toBe('a & b & c');
    expect(memberTsQuery('***')).toBeNull();
  });

  it('bounds an e-mail prefix by the next string in code-point order', () => {
    expect(nextPrefix('jean@ex')).toBe('jean@ey');
    expect(nextPrefix('a@')).toBe('aA');
    expect(nextPrefix('é@é')).toBe('é@ê');
    expect(nextPrefix('a@\u{10FFFF}')).toBeNull();
  });
});
