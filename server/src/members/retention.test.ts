import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { enqueueMessage } from '../outbox/enqueue.ts';
import { createConfirmationToken } from './confirmation.ts';
import { purgeRejectedMembers, purgeUnconfirmedMembers } from './retention.ts';

let t: TestServer;

/** A member `days` old in the given status, with a relative, a token, a message and a linked report. */
async function member(status: string, days: number) {
  const [row] = await t.sql<{ id: number }[]>`
    insert into members (kind, status, source, full_name, email, address, created_at, decided_at)
    values ('senior', ${status}, 'public', 'Ancien Membre', 'ancien@example.fr', '1 rue Vieille',
            now() - make_interval(days => ${days}), case when ${status} = 'rejected' then now() - make_interval(days => ${days}) end)
    returning id`;
  const id = row!.id;
  await t.sql`insert into relatives (member_id, full_name, relation, email, channels) values (${id}, 'Proche', 'fils', 'proche@example.fr', '{email}')`;
  await t.sql`insert into member_events (member_id, action, to_status) values (${id}, 'registered', ${status})`;
  await createConfirmationToken(t.sql, 'member_email', id);
  await enqueueMessage(t.sql, { channel: 'email', to: 'ancien@example.fr', body: 'Confirmez', kind: 'member_confirmation', member_id: id });
  await t.sql`insert into reports (category, description, lat, lng, source, member_id, reporter_name) values ('other', 'Vieux', 48.78, 2.316, 'phone', ${id}, 'Ancien Membre')`;
  return id;
}
const exists = async (id: number) => (await t.sql`select 1 from members where id = ${id}`).length === 1;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

describe('members retention jobs', () => {
  it('deletes unconfirmed registrations past their days, with what hangs off them, and audits each with no author', async () => {
    const old = await member('pending_confirmation', 31);
    const recent = await member('pending_confirmation', 29);
    const reviewed = await member('pending_review', 400);
    expect(await purgeUnconfirmedMembers(t.sql, 30)).toEqual([old]);
    expect([await exists(old), await exists(recent), await exists(reviewed)]).toEqual([false, true, true]);
    const leftovers = await t.sql`
      select (select count(*)::int from relatives where member_id = ${old}) as relatives,
             (select count(*)::int from outbox_messages where member_id = ${old}) as messages,
             (select count(*)::int from confirmation_tokens where member_id = ${old}) as tokens,
             (select count(*)::int from reports where reporter_name = 'Ancien Membre' and member_id is null) as unlinked_with_name`;
    expect(leftovers[0]).toEqual({ relatives: 0, messages: 0, tokens: 0, unlinked_with_name: 0 });
    const [entry] = await t.sql`select staff_id, action, resource from audit_log where record_id = ${String(old)} and action = 'purge'`;
    expect(entry).toEqual({ staff_id: null, action: 'purge', resource: 'members' });
  });

  it('deletes rejected registrations past their days from the decision, and nothing else', async () => {
    const old = await member('rejected', 91);
    const recent = await member('rejected', 10);
    const approved = await member('approved', 400);
    expect(await purgeRejectedMembers(t.sql, 90)).toEqual([old]);
    expect([await exists(old), await exists(recent), await exists(approved)]).toEqual([false, true, true]);
    expect(await purgeRejectedMembers(t.sql, 90)).toEqual([]);
  });
});
