import type { Sql } from '@vigie/db';
import type { Channel } from '@vigie/shared';

/**
 * Record an opt-out of one channel for a member or a relative (idempotent: the first date stays),
 * with a line in the member's history. Answers false when nobody matched.
 */
export async function optOut(sql: Sql, subject: { kind: 'member' | 'relative'; id: number }, channel: Channel, how: string): Promise<boolean> {
  return sql.begin(async (tx) => {
    const column = channel === 'email' ? tx`email_opt_out_at` : tx`sms_opt_out_at`;
    const rows =
      subject.kind === 'member'
        ? await tx<{ member_id: number; changed: boolean }[]>`
            update members set ${column} = coalesce(${column}, now()) where id = ${subject.id} and status <> 'erased'
            returning id as member_id, (xmax = 0) as changed`
        : await tx<{ member_id: number; changed: boolean }[]>`
            update relatives set ${column} = coalesce(${column}, now()) where id = ${subject.id} and erased_at is null
            returning member_id, true as changed`;
    const row = rows[0];
    if (!row) return false;
    await tx`insert into member_events (member_id, action, note)
             values (${row.member_id}, 'opt_out', ${`${channel === 'email' ? 'E-mail' : 'SMS'} : ${how}${subject.kind === 'relative' ? ` (proche n° ${subject.id})` : ''}`})`;
    return true;
  });
}

/** Who has this phone number (E.164): every member and relative, so a STOP covers them all. */
export async function optOutPhone(sql: Sql, phone: string, how: string): Promise<number> {
  const people = await sql<{ kind: 'member' | 'relative'; id: number }[]>`
    select 'member' as kind, id from members where phone = ${phone} and status <> 'erased'
    union all
    select 'relative', id from relatives where phone = ${phone} and erased_at is null`;
  for (const person of people) await optOut(sql, person, 'sms', how);
  return people.length;
}
