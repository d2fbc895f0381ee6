import { choicesOf } from '../common/choices.ts';

// Mirrors the posts API (server/src/routes/posts): members' small ads, carpooling and help.
export const POST_KINDS = ['small_ad', 'carpooling', 'help_offer', 'help_request'] as const;
export const POST_STATUSES = ['pending', 'approved', 'hidden', 'deleted'] as const;
export const POST_FLAGS = ['phone_number', 'link', 'banned_word', 'first_post'] as const;

export interface Post {
  id: number;
  external_id: string;
  member_id: number;
  member_name: string | null;
  kind: (typeof POST_KINDS)[number];
  title: string;
  body: string;
  status: (typeof POST_STATUSES)[number];
  flags: Array<(typeof POST_FLAGS)[number]>;
  hidden_reason: string | null;
  report_count: number;
  created_at: string;
  decided_at: string | null;
  decided_by_name: string | null;
  reports?: Array<{ id: number; reporter_external_id: string; reason: string; created_at: string }>;
}

export const postKindChoices = choicesOf(POST_KINDS, 'vigie.posts.kinds');
export const postStatusChoices = choicesOf(POST_STATUSES, 'vigie.posts.statuses');
export const postFlagChoices = choicesOf(POST_FLAGS, 'vigie.posts.flags');

/** What a moderator may still do with a post in this status (the server answers 409 otherwise). */
export const postDecisions = (status: Post['status']) => ({
  approve: status === 'pending' || status === 'hidden',
  hide: status === 'pending' || status === 'approved',
  remove: status !== 'deleted',
});
