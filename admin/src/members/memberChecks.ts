import type { Member, Relative } from '@vigie/shared';

/** One automatic check shown as a chip in the review queue: `warn` needs a look, `ok` is reassurance. */
export interface MemberCheck {
  key: 'in_commune' | 'out_of_area' | 'no_point' | 'geocode_low' | 'geocode_ok' | 'duplicate' | 'disposable_email' | 'relatives_unconfirmed';
  tone: 'ok' | 'warn';
  /** i18n arguments (score in %, number of relatives, the other member's id). */
  args?: Record<string, string | number>;
  /** The other record, for `duplicate`. */
  otherId?: number;
}

/** A registration that may be someone already in the network, and why. */
export interface PossibleDuplicate {
  id: number;
  full_name: string | null;
  status: Member['status'];
  reason: 'email' | 'phone' | 'name_address';
}

/** Below this the geocoder's match is a guess: the clerk looks at the point on the map. */
export const LOW_GEOCODE_SCORE = 0.6;

/**
 * Throwaway-address providers seen on registration forms: a registration from one of them cannot
 * receive alerts for long. A short list on purpose — a hint for the clerk, not a filter.
 */
export const DISPOSABLE_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'yopmail.com', 'yopmail.fr', 'yopmail.net', 'mailinator.com', 'guerrillamail.com', 'guerrillamail.net', 'sharklasers.com',
  '10minutemail.com', '10minutemail.net', 'tempmail.com', 'temp-mail.org', 'trashmail.com', 'trashmail.fr', 'jetable.org',
  'getnada.com', 'dispostable.com', 'maildrop.cc', 'throwawaymail.com', 'moakt.com', 'mohmal.com', 'emailondeck.com',
  'mailnesia.com', 'spam4.me', 'fakeinbox.com', 'tempail.com', 'mintemail.com', 'mytemp.email', 'tempr.email',
]);

export const isDisposableEmail = (email: string | null | undefined) => {
  const domain = email?.split('@')[1]?.trim().toLowerCase();
  return Boolean(domain && DISPOSABLE_EMAIL_DOMAINS.has(domain));
};

/** Lower-cased, accents and punctuation folded, so « 12, Rue de l'Église » meets « 12 rue de l eglise ». */
export const foldText = (text: string | null | undefined) =>
  (text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Same words in any order (« Martin Jeanne » / « Jeanne Martin »), or every word of one in the other. */
export const similarNames = (a: string | null, b: string | null) => {
  const left = new Set(foldText(a).split(' ').filter(Boolean));
  const right = new Set(foldText(b).split(' ').filter(Boolean));
  if (left.size === 0 || right.size === 0) return false;
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  return [...small].every((word) => large.has(word));
};

/**
 * Which of `candidates` (found by a search on the e-mail, the phone or the name) may be the same
 * person as `member`: same e-mail, same phone, or same address with a similar name. The member
 * itself and erased records are never duplicates.
 */
export function findDuplicates(member: Member, candidates: readonly Member[]): PossibleDuplicate[] {
  const found = new Map<number, PossibleDuplicate>();
  for (const other of candidates) {
    if (other.id === member.id || other.status === 'erased' || found.has(other.id)) continue;
    const reason =
      member.email && other.email && member.email.toLowerCase() === other.email.toLowerCase()
        ? 'email'
        : member.phone && other.phone && member.phone === other.phone
          ? 'phone'
          : foldText(member.address) !== '' && foldText(member.address) === foldText(other.address) && similarNames(member.full_name, other.full_name)
            ? 'name_address'
            : null;
    if (reason) found.set(other.id, { id: other.id, full_name: other.full_name, status: other.status, reason });
  }
  return [...found.values()];
}

type Checked = Member & { geocode_score?: number | null };

/** The chips of the review queue, from the record and what was found about it. */
export function memberChecks(member: Checked, duplicates: readonly PossibleDuplicate[], relatives?: readonly Relative[]): MemberCheck[] {
  const checks: MemberCheck[] = [];
  if (member.lat === null || member.lng === null) checks.push({ key: 'no_point', tone: 'warn' });
  else checks.push(member.out_of_area ? { key: 'out_of_area', tone: 'warn' } : { key: 'in_commune', tone: 'ok' });
  if (typeof member.geocode_score === 'number') {
    const score = Math.round(member.geocode_score * 100);
    checks.push({ key: member.geocode_score < LOW_GEOCODE_SCORE ? 'geocode_low' : 'geocode_ok', tone: member.geocode_score < LOW_GEOCODE_SCORE ? 'warn' : 'ok', args: { score } });
  }
  for (const duplicate of duplicates) checks.push({ key: 'duplicate', tone: 'warn', otherId: duplicate.id, args: { id: duplicate.id } });
  if (isDisposableEmail(member.email)) checks.push({ key: 'disposable_email', tone: 'warn' });
  const unconfirmed = relatives?.filter((relative) => !relative.confirmed_at).length ?? 0;
  if (unconfirmed > 0) checks.push({ key: 'relatives_unconfirmed', tone: 'warn', args: { smart_count: unconfirmed } });
  return checks;
}
