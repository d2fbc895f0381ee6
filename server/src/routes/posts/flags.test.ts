import { describe, expect, it } from 'vitest';
import { detectFlags, foldText } from './flags.ts';

describe('detectFlags', () => {
  it.each(['Appelez le 06 12 34 56 78', 'au 06.12.34.56.78 svp', 'joignable au +33 6 12 34 56 78', 'ou 0033612345678'])('flags a phone number in « %s »', (text) => {
    expect(detectFlags(text, [], false)).toEqual(['phone_number']);
  });

  it.each(['voir https://exemple.org/annonce', 'sur www.leboncoin.fr', 'mon site monbricolage.fr'])('flags a link in « %s »', (text) => {
    expect(detectFlags(text, [], false)).toEqual(['link']);
  });

  it('leaves an ordinary post unflagged, prices and dates included', () => {
    expect(detectFlags('Vends vélo enfant 20 pouces, 45 €, dispo le 12/12 à 18 h.', [], false)).toEqual([]);
  });

  it('matches banned words whole, whatever the accents and case', () => {
    expect(detectFlags('Quel IDIÔT ce voisin', ['idiot'], false)).toEqual(['banned_word']);
    expect(detectFlags('Une idiote histoire', ['idiot'], false)).toEqual([]);
    expect(detectFlags('Vente de contre-façon ici', [foldText('contre façon')], false)).toEqual(['banned_word']);
  });

  it('flags a first post', () => {
    expect(detectFlags('Bonjour à tous', [], true)).toEqual(['first_post']);
  });
});
