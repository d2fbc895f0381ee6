import type { Sql, TxSql } from '@vigie/db';
import { enqueueMessage } from '../outbox/enqueue.ts';

type AnySql = Sql | TxSql;

/** What the town hall tells a member: an e-mail (subject and body) and the same in one SMS. */
export interface MemberNotice {
  subject: string;
  body: string;
  sms: string;
  kind: string;
  /** Told to a senior's relatives in their own words (they receive the alerts in the senior's place). */
  relative?: { subject: string; body: string; sms: string } | null;
}

interface Contact {
  email: string | null;
  phone: string | null;
  channels: string[];
  email_opt_out_at: Date | null;
  sms_opt_out_at: Date | null;
}

/**
 * Through which channels one person is told about their own registration: by e-mail when they
 * gave one (it is how they registered), by SMS when they chose SMS — or have no e-mail at all (a
 * resident registered at the desk with a mobile only). An opt-out is honoured on its channel.
 */
export function channelsFor(contact: Contact): Array<'email' | 'sms'> {
  const out: Array<'email' | 'sms'> = [];
  const email = Boolean(contact.email && !contact.email_opt_out_at);
  if (email) out.push('email');
  if (contact.phone && !contact.sms_opt_out_at && (contact.channels.includes('sms') || !contact.email)) out.push('sms');
  return out;
}

/**
 * Queues, in the caller's transaction (so nothing is sent for a decision that rolls back), the
 * notice to the member through their own channels and, for a senior, to each relative through
 * theirs. Answers how many messages were queued.
 */
export async function notifyMember(tx: AnySql, memberId: number, notice: MemberNotice): Promise<number> {
  const [member] = await tx<(Contact & { kind: string })[]>`
    select kind, email, phone, channels, email_opt_out_at, sms_opt_out_at from members where id = ${memberId}`;
  if (!member) return 0;
  let queued = 0;
  for (const channel of channelsFor(member)) {
    await enqueueMessage(tx, channel === 'email'
      ? { channel, to: member.email!, subject: notice.subject, body: notice.body, kind: notice.kind, member_id: memberId }
      : { channel, to: member.phone!, body: notice.sms, kind: notice.kind, member_id: memberId });
    queued++;
  }
  if (member.kind !== 'senior' || !notice.relative) return queued;
  const relatives = await tx<(Contact & { id: number })[]>`
    select id, email, phone, channels, email_opt_out_at, sms_opt_out_at
    from relatives where member_id = ${memberId} and erased_at is null order by id`;
  for (const relative of relatives) {
    for (const channel of channelsFor(relative)) {
      await enqueueMessage(tx, channel === 'email'
        ? { channel, to: relative.email!, subject: notice.relative.subject, body: notice.relative.body, kind: notice.kind, member_id: memberId, relative_id: relative.id }
        : { channel, to: relative.phone!, body: notice.relative.sms, kind: notice.kind, member_id: memberId, relative_id: relative.id });
      queued++;
    }
  }
  return queued;
}
