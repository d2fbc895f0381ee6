import type { Member, MemberChecks } from '@vigie/shared';

/** One automatic check shown as a chip in the review queue: `warn` needs a look, `ok` is reassurance. */
export interface MemberCheck {
  key: 'in_commune' | 'out_of_area' | 'no_point' | 'geocode_low' | 'geocode_ok' | 'duplicate' | 'disposable_email' | 'relatives_unconfirmed' | 'proof_requested';
  tone: 'ok' | 'warn';
  /** i18n arguments (score in %, number of relatives, the other member's id). */
  args?: Record<string, string | number>;
  /** The other record, for `duplicate`. */
  otherId?: number;
}

/** Below this the geocoder's match is a guess: the clerk looks at the point on the map. */
export const LOW_GEOCODE_SCORE = 0.6;

type Checked = Member & Partial<MemberChecks> & { geocode_score?: number | null };

/**
 * The chips of the review queue, from the record as the server shaped it: the server found the
 * duplicates (with the other record's name and the reason), the throwaway e-mail and the relatives
 * yet to confirm; here they only become chips.
 */
export function memberChecks(member: Checked): MemberCheck[] {
  const checks: MemberCheck[] = [];
  if (member.lat === null || member.lng === null) checks.push({ key: 'no_point', tone: 'warn' });
  else checks.push(member.out_of_area ? { key: 'out_of_area', tone: 'warn' } : { key: 'in_commune', tone: 'ok' });
  if (typeof member.geocode_score === 'number') {
    const score = Math.round(member.geocode_score * 100);
    checks.push({ key: member.geocode_score < LOW_GEOCODE_SCORE ? 'geocode_low' : 'geocode_ok', tone: member.geocode_score < LOW_GEOCODE_SCORE ? 'warn' : 'ok', args: { score } });
  }
  for (const duplicate of member.duplicates ?? []) {
    checks.push({ key: 'duplicate', tone: 'warn', otherId: duplicate.id, args: { id: duplicate.id, name: duplicate.full_name ?? '—', reason: duplicate.reason } });
  }
  if (member.disposable_email) checks.push({ key: 'disposable_email', tone: 'warn' });
  if (member.unconfirmed_relatives) checks.push({ key: 'relatives_unconfirmed', tone: 'warn', args: { smart_count: member.unconfirmed_relatives } });
  if (member.proof_requested_at) checks.push({ key: 'proof_requested', tone: 'warn' });
  return checks;
}
