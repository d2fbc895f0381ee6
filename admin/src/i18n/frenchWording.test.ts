import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';

type Tree = { [key: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));

// react-admin's own messages come from ra-language-french; these checks are about ours.
const ours = (tree: unknown) => flatten(tree as Tree).filter(([key]) => !key.startsWith('ra.'));

describe('French wording', () => {
  it('uses the typographic apostrophe (’), never the typewriter one', () => {
    expect(ours(fr).filter(([, text]) => text.includes("'")).map(([key]) => key)).toEqual([]);
  });

  it('calls sectors « secteurs » everywhere, never « quartiers »', () => {
    expect(ours(fr).filter(([, text]) => /\bquartiers?\b/i.test(text)).map(([key]) => key)).toEqual([]);
    expect(ours(en).filter(([, text]) => /\bneighbourhoods?\b(?!-watch)/i.test(text)).map(([key]) => key)).toEqual([]);
  });

  it('never ends a sentence with two full stops', () => {
    expect(ours(fr).filter(([, text]) => /[^.]\.\.(?!\.)/.test(text) || /\s\.$/.test(text)).map(([key]) => key)).toEqual([]);
  });
});
