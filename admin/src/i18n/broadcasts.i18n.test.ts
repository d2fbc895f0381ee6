import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROADCAST_STATUSES, CHANNELS, DELIVERY_STATUSES, REPORT_CATEGORIES } from '@vigie/shared';
import { broadcastCategoryChoices, broadcastStatusChoices, channelChoices, deliveryStatusChoices, reopenChoices } from '../broadcasts/broadcastChoices.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

type Tree = { [key: string]: string | Tree };
const lookup = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);
const catalogues = { fr, en } as const;

// The broadcasts screens as written: a key missing from a catalogue shows as raw text on screen.
const DIR = path.resolve(import.meta.dirname, '../broadcasts');
const sources = readdirSync(DIR)
  .filter((name) => /\.tsx?$/.test(name) && !name.includes('.test.'))
  .map((name) => ({ name, text: readFileSync(path.join(DIR, name), 'utf8') }));

/** Whole keys written as string literals ('vigie.broadcasts.new', "vigie.broadcasts.delivery"), by file. */
const literalKeys = sources.flatMap(({ name, text }) =>
  [...text.matchAll(/(['"`])((?:vigie|resources)\.[A-Za-z0-9_.]*[A-Za-z0-9_])\1/g)].map((match) => ({ name, key: match[2]! })),
);
/** Prefixes of keys built at run time (`vigie.broadcasts.actions.${action}`). */
const builtPrefixes = [...new Set(sources.flatMap(({ text }) => [...text.matchAll(/`((?:vigie|resources)\.[A-Za-z0-9_.]+)\.\$\{/g)].map((m) => m[1]!)))];
/** The prefixes handed to `choicesOf`, whose values are checked one by one below. */
const choicePrefixes = new Set(sources.flatMap(({ text }) => [...text.matchAll(/choicesOf\(.*?,\s*'([^']+)'\)/g)].map((m) => m[1]!)));

/** `type Action = 'send' | 'approve' | …` in BroadcastActions.tsx: every button and its notice. */
const actions = [...(readFileSync(path.join(DIR, 'BroadcastActions.tsx'), 'utf8').match(/type Action = ([^;]+);/)?.[1] ?? '').matchAll(/'(\w+)'/g)].map(
  (m) => m[1]!,
);

describe('the broadcasts screens translations', () => {
  it('find the keys the screens use (the scan itself works)', () => {
    expect(literalKeys.map((k) => k.key)).toContain('vigie.broadcasts.closure_line_required');
    expect(builtPrefixes).toContain('vigie.broadcasts.actions');
    expect(actions).toEqual(expect.arrayContaining(['send', 'approve', 'cancel']));
  });

  it.each(Object.keys(catalogues) as Array<keyof typeof catalogues>)('define every key written in admin/src/broadcasts, in %s', (language) => {
    const missing = literalKeys
      .filter(({ key }) => {
        const value = lookup(catalogues[language], key);
        return choicePrefixes.has(key) ? typeof value !== 'object' : typeof value !== 'string' || value.trim() === '';
      })
      .map(({ name, key }) => `${name}: ${key}`);
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(catalogues) as Array<keyof typeof catalogues>)('define every group whose keys are built at run time, in %s', (language) => {
    for (const prefix of builtPrefixes) expect(typeof lookup(catalogues[language], prefix), prefix).toBe('object');
  });

  it.each([
    ['vigie.broadcasts.actions', actions],
    ['vigie.broadcasts.done', actions],
    ['vigie.broadcasts.follow_up_prefix', ['update', 'end']],
    ['vigie.broadcast_statuses', BROADCAST_STATUSES],
    ['vigie.broadcasts.delivery_statuses', DELIVERY_STATUSES],
    ['vigie.channels', CHANNELS],
    ['vigie.categories', REPORT_CATEGORIES],
  ] as const)('label every value of %s in both languages', (prefix, values) => {
    for (const value of values) {
      expect(lookup(fr, `${prefix}.${value}`), `fr ${prefix}.${value}`).toBeTruthy();
      expect(lookup(en, `${prefix}.${value}`), `en ${prefix}.${value}`).toBeTruthy();
    }
  });

  it('label every choice of the broadcasts selects in both languages', () => {
    const choices = [...broadcastCategoryChoices, ...broadcastStatusChoices, ...deliveryStatusChoices, ...channelChoices, ...reopenChoices];
    for (const { name } of choices) {
      expect(lookup(fr, name), `fr ${name}`).toBeTruthy();
      expect(lookup(en, name), `en ${name}`).toBeTruthy();
    }
  });
});
