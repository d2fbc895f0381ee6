import { useGetList } from 'react-admin';
import type { Member } from '@vigie/shared';
import { findDuplicates, type PossibleDuplicate } from './memberChecks.ts';

const search = (q: string | null | undefined) => ({
  pagination: { page: 1, perPage: 10 },
  sort: { field: 'created_at', order: 'DESC' as const },
  filter: { q: q ?? '' },
});

/**
 * Members who may be this one: the list's `q` search run on the e-mail, the phone and the name,
 * then compared exactly here (same e-mail, same phone, or same address with a similar name).
 * `withName` adds the name search, for the show page; the queue keeps to contacts.
 */
export function useMemberDuplicates(member: Member | undefined, withName = false): PossibleDuplicate[] {
  const byEmail = useGetList<Member>('members', search(member?.email), { enabled: Boolean(member?.email), staleTime: 60_000 });
  const byPhone = useGetList<Member>('members', search(member?.phone), { enabled: Boolean(member?.phone), staleTime: 60_000 });
  const byName = useGetList<Member>('members', search(member?.full_name), { enabled: withName && Boolean(member?.full_name), staleTime: 60_000 });
  if (!member) return [];
  return findDuplicates(member, [...(byEmail.data ?? []), ...(byPhone.data ?? []), ...(byName.data ?? [])]);
}
