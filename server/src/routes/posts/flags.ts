/** Why a post is shown first to the moderators (never why it is refused: a clerk decides). */
export const POST_FLAGS = ['phone_number', 'link', 'banned_word', 'first_post'] as const;
export type PostFlag = (typeof POST_FLAGS)[number];

// French numbers however they are typed: 06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78, 0033612345678.
const PHONE = /(?:(?:\+|00)\s*33[\s.-]*(?:\(0\)[\s.-]*)?|\b0)[1-9](?:[\s.-]*\d{2}){4}\b/;
// A scheme, a www., or a bare domain with a common TLD ("monsite.fr"): links take readers off the network.
const LINK = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9][a-z0-9-]*\.(?:fr|com|net|org|eu|io|info|be|ch|ly|me|co|xyz|biz)\b/i;

/** Lower case, no accents, anything but letters and digits as one space: how banned words are stored and matched. */
export const foldText = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The automatic checks on a new post; `firstPost` comes from the database. */
export function detectFlags(text: string, bannedWords: readonly string[], firstPost: boolean): PostFlag[] {
  const flags: PostFlag[] = [];
  if (PHONE.test(text)) flags.push('phone_number');
  if (LINK.test(text)) flags.push('link');
  const folded = ` ${foldText(text)} `;
  if (bannedWords.some((word) => folded.includes(` ${word} `))) flags.push('banned_word');
  if (firstPost) flags.push('first_post');
  return flags;
}
