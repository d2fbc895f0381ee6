import { describe, expect, it } from 'vitest';
import { CHANNELS, MEMBER_DECISION_REASONS, MEMBER_EVENT_ACTIONS, MEMBER_KINDS, MEMBER_SOURCES, MEMBER_STATUSES, OUTBOX_STATUSES } from '@vigie/shared';
import { STAFF_ACTIONS } from '../members/memberActions.ts';
import { POST_FLAGS, POST_KINDS, POST_STATUSES } from '../posts/postChoices.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

type Tree = { [key: string]: string | Tree };
const lookup = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);

describe("the members' screens translations", () => {
  it('name every new resource, singular and plural, in both languages', () => {
    for (const resource of ['members', 'relatives', 'member_events', 'outbox_messages', 'posts', 'banned_words']) {
      expect(lookup(fr, `resources.${resource}.name`), resource).toContain('||||');
      expect(lookup(en, `resources.${resource}.name`), resource).toContain('||||');
    }
  });

  it.each([
    ['vigie.members.statuses', MEMBER_STATUSES],
    ['vigie.members.kinds', MEMBER_KINDS],
    ['vigie.members.sources', MEMBER_SOURCES],
    ['vigie.members.channels', CHANNELS],
    ['vigie.members.reasons', MEMBER_DECISION_REASONS],
    ['vigie.members.history.actions', MEMBER_EVENT_ACTIONS],
    ['vigie.members.actions', STAFF_ACTIONS],
    ['vigie.members.done', STAFF_ACTIONS],
    ['vigie.outbox.statuses', OUTBOX_STATUSES],
    ['vigie.posts.kinds', POST_KINDS],
    ['vigie.posts.statuses', POST_STATUSES],
    ['vigie.posts.flags', POST_FLAGS],
  ] as const)('label every value of %s in both languages', (prefix, values) => {
    for (const value of values) {
      expect(lookup(fr, `${prefix}.${value}`), `fr ${prefix}.${value}`).toBeTruthy();
      expect(lookup(en, `${prefix}.${value}`), `en ${prefix}.${value}`).toBeTruthy();
    }
  });

  it('say French things in French', () => {
    expect(lookup(fr, 'vigie.members.queue.menu')).toBe('Inscriptions à valider');
    expect(lookup(fr, 'vigie.members.actions.request_proof')).toBe('Demander un justificatif');
    expect(lookup(fr, 'resources.outbox_messages.name')).toBe('Message envoyé |||| Messages envoyés');
    expect(lookup(fr, 'resources.posts.name')).toBe('Annonce |||| Annonces');
  });
});
