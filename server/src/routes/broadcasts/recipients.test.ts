import type { BroadcastTarget, Channel } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, startTestServer, type TestServer } from '../../test/harness.ts';
import { fanOut } from './fanOut.ts';
import { previewReach, recipients } from './recipients.ts';

let t: TestServer;
let staffId: number;

// A small town at Antony's latitude, where a degree of longitude is ~73 km and one of latitude ~111 km:
// a circle drawn in degrees would be an ellipse on the ground, which these tests would notice.
const CENTER = { lng: 2.3, lat: 48.75 };
const EARTH_RADIUS_M = 6_371_008.8;
/** The point `east` and `north` metres away from the centre (equirectangular, exact at this scale). */
const offset = (east: number, north: number) => ({
  lng: CENTER.lng + ((east / (EARTH_RADIUS_M * Math.cos((CENTER.lat * Math.PI) / 180))) * 180) / Math.PI,
  lat: CENTER.lat + ((north / EARTH_RADIUS_M) * 180) / Math.PI,
});

const zones = (...features: unknown[]) => ({ zones: { type: 'FeatureCollection', features } }) as unknown as BroadcastTarget;
const circle = (lng: number, lat: number, radius_m: number) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties: { radius_m } });
const polygon = (ring: Array<[number, number]>) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: {} });
/** A square of `half` metres around a point `east`/`north` of the centre. */
const square = (east: number, north: number, half: number) => {
  const a = offset(east - half, north - half);
  const b = offset(east + half, north + half);
  return polygon([[a.lng, a.lat], [b.lng, a.lat], [b.lng, b.lat], [a.lng, b.lat], [a.lng, a.lat]]);
};

interface MemberSpec {
  name: string;
  east: number;
  north: number;
  status?: string;
  email?: string | null;
  phone?: string | null;
  channels?: Channel[];
  sms_opt_out?: boolean;
  email_opt_out?: boolean;
}
const ids = new Map<string, number>();
const memberNames = new Map<number, string>();

async function member(spec: MemberSpec) {
  const at = offset(spec.east, spec.north);
  const [row] = await t.sql<{ id: number }[]>`
    insert into members (full_name, address, email, phone, status, channels, lat, lng, sms_opt_out_at, email_opt_out_at)
    values (${spec.name}, '1 rue du Test', ${spec.email === undefined ? `${spec.name}@example.test` : spec.email},
            ${spec.phone === undefined ? null : spec.phone}, ${spec.status ?? 'approved'}, ${spec.channels ?? ['sms', 'email']},
            ${at.lat}, ${at.lng}, ${spec.sms_opt_out ? new Date() : null}, ${spec.email_opt_out ? new Date() : null})
    returning id`;
  ids.set(spec.name, row!.id);
  memberNames.set(row!.id, spec.name);
  return row!.id;
}
async function relative(of: string, name: string, contact: { phone?: string; email?: string; confirmed?: boolean; erased?: boolean; sms_opt_out?: boolean }) {
  const [row] = await t.sql<{ id: number }[]>`
    insert into relatives (member_id, full_name, relation, phone, email, channels, confirmed_at, erased_at, sms_opt_out_at)
    values (${ids.get(of)!}, ${name}, 'enfant', ${contact.phone ?? null}, ${contact.email ?? null}, '{sms,email}',
            ${contact.confirmed === false ? null : new Date()}, ${contact.erased ? new Date() : null}, ${contact.sms_opt_out ? new Date() : null})
    returning id`;
  ids.set(name, row!.id);
}

interface Recipient { member_id: number; relative_id: number | null; channel: Channel; to: string }
const resolve = async (target: BroadcastTarget, channels: Channel[] = ['sms', 'email']) =>
  (await t.sql<Recipient[]>`select member_id, relative_id, channel, "to" from (${recipients(t.sql, target, channels)}) r order by channel, "to"`).map((r) => ({ ...r }));
const names = (rows: Recipient[], channel: Channel) =>
  rows.filter((r) => r.channel === channel).map((r) => (r.relative_id ? `${memberNames.get(r.member_id)}>${r.to}` : memberNames.get(r.member_id)!)).sort();

beforeAll(async () => {
  t = await startTestServer({ LOG_LEVEL: 'error' });
  staffId = (await createStaff(t.sql, 'officer')).id;
  // Near the centre: inside a 300 m circle.
  await member({ name: 'alice', east: 0, north: 0, phone: '+33611111111' });
  await member({ name: 'bob', east: 280, north: 0, phone: '+33622222222' }); // 280 m east: in a 300 m circle on the ground
  await member({ name: 'carol', east: 0, north: 280, phone: '+33633333333' });
  await member({ name: 'dave', east: 210, north: 210, phone: '+33644444444' }); // 297 m away, diagonally
  await member({ name: 'erin', east: 320, north: 0, phone: '+33655555555' }); // 320 m east: outside
  await member({ name: 'frank', east: 0, north: -320, phone: '+33666666666' }); // 320 m south: outside
  // Not reached whatever the target: not approved.
  await member({ name: 'pending', east: 10, north: 10, status: 'pending_review', phone: '+33677777771' });
  await member({ name: 'rejected', east: -10, north: 10, status: 'rejected', phone: '+33677777772' });
  await member({ name: 'suspended', east: 10, north: -10, status: 'suspended', phone: '+33677777773' });
  // Opt-outs: one per channel; one who chose e-mail only; one with no contact at all (unreachable).
  await member({ name: 'nosms', east: -50, north: 0, phone: '+33688888881', sms_opt_out: true });
  await member({ name: 'nomail', east: 50, north: 0, phone: '+33688888882', email_opt_out: true });
  await member({ name: 'mailonly', east: 0, north: 50, phone: '+33688888883', channels: ['email'] });
  await member({ name: 'silent', east: 0, north: -50, email: null, phone: null });
  // A couple sharing the landline: one SMS to that number.
  await member({ name: 'gina', east: -100, north: -100, phone: '+33699999999', email: 'foyer@example.test' });
  await member({ name: 'hugo', east: -120, north: -100, phone: '+33699999999', email: 'FOYER@example.test' });
  // A daughter who receives alerts for two seniors in the circle, and for one far away.
  await member({ name: 'ida', east: 100, north: 100, phone: '+33610000001' });
  await member({ name: 'jules', east: -100, north: 100, phone: '+33610000002' });
  await member({ name: 'far', east: 5000, north: 5000, phone: '+33610000003' });
  await relative('ida', 'lea', { phone: '+33610101010', email: 'lea@example.test' });
  await relative('jules', 'lea2', { phone: '+33610101010', email: 'lea@example.test' });
  await relative('far', 'lea3', { phone: '+33610101010', email: 'lea@example.test' });
  // Relatives who must not receive: unconfirmed, erased, opted out of SMS, of a member not approved.
  await relative('alice', 'unconfirmed', { phone: '+33620000001', confirmed: false });
  await relative('alice', 'erased', { phone: '+33620000002', erased: true });
  await relative('bob', 'stopped', { phone: '+33620000003', sms_opt_out: true });
  await relative('pending', 'ofpending', { phone: '+33620000004' });
  // A relative whose number is also a member's own: the member's row wins (one SMS, as a member).
  await relative('carol', 'alsoalice', { phone: '+33611111111' });
});
afterAll(async () => {
  await t?.stop();
});

describe('who a broadcast reaches', () => {
  it('draws circles in metres on the ground, not in degrees', async () => {
    const rows = await resolve(zones(circle(CENTER.lng, CENTER.lat, 300)), ['sms']);
    const reached = names(rows, 'sms');
    for (const inside of ['alice', 'bob', 'carol', 'dave']) expect(reached).toContain(inside);
    for (const outside of ['erin', 'frank', 'far']) expect(reached).not.toContain(outside);
  });

  it('reaches only approved members and their confirmed relatives, honouring opt-outs per channel', async () => {
    const rows = await resolve(zones(circle(CENTER.lng, CENTER.lat, 300)));
    expect(names(rows, 'sms')).toEqual(['alice', 'bob', 'carol', 'dave', 'gina', 'ida', 'ida>+33610101010', 'jules', 'nomail'].sort());
    expect(names(rows, 'email')).toEqual(['alice', 'bob', 'carol', 'dave', 'gina', 'ida', 'ida>lea@example.test', 'jules', 'mailonly', 'nosms'].sort());
  });

  it('sends one message per person per channel: shared numbers, mailboxes in any case, a relative of several seniors', async () => {
    const rows = await resolve(zones(circle(CENTER.lng, CENTER.lat, 300)));
    for (const channel of ['sms', 'email'] as const) {
      const to = rows.filter((r) => r.channel === channel).map((r) => r.to.toLowerCase());
      expect(new Set(to).size).toBe(to.length);
    }
    // The daughter of ida and jules once, as ida's relative (the lowest relative id wins).
    expect(rows.filter((r) => r.to === '+33610101010')).toEqual([{ member_id: ids.get('ida'), relative_id: ids.get('lea'), channel: 'sms', to: '+33610101010' }]);
    // alice's number, also carol's relative's: alice's own row.
    expect(rows.filter((r) => r.to === '+33611111111')).toEqual([{ member_id: ids.get('alice'), relative_id: null, channel: 'sms', to: '+33611111111' }]);
  });

  it('combines several zones, overlapping or apart, into one set of recipients', async () => {
    // A 300 m circle, a square around erin (320 m east) overlapping it, and a circle around the far senior.
    const target = zones(circle(CENTER.lng, CENTER.lat, 300), square(320, 0, 60), circle(offset(5000, 5000).lng, offset(5000, 5000).lat, 100));
    const reached = names(await resolve(target, ['sms']), 'sms');
    expect(reached).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'far', 'gina', 'ida', 'ida>+33610101010', 'jules', 'nomail'].sort());
    // Two identical zones reach nobody twice.
    const twice = await resolve(zones(circle(CENTER.lng, CENTER.lat, 300), circle(CENTER.lng, CENTER.lat, 300)), ['sms']);
    expect(twice).toEqual(await resolve(zones(circle(CENTER.lng, CENTER.lat, 300)), ['sms']));
  });

  it('previews the same reach, with the people nobody can reach', async () => {
    const target = zones(circle(CENTER.lng, CENTER.lat, 300));
    const rows = await resolve(target);
    const reach = await previewReach(t.sql, target, ['sms', 'email']);
    expect(reach).toEqual({
      members: new Set(rows.filter((r) => !r.relative_id).map((r) => r.member_id)).size,
      relatives: new Set(rows.filter((r) => r.relative_id).map((r) => r.relative_id)).size,
      sms: rows.filter((r) => r.channel === 'sms').length,
      email: rows.filter((r) => r.channel === 'email').length,
      unreachable: 1, // silent: no contact at all
    });
    // SMS only: the e-mail-only member and the one who stopped SMS cannot be reached either.
    expect((await previewReach(t.sql, target, ['sms'])).unreachable).toBe(3); // silent, mailonly, nosms (hugo shares gina's number: reached)
  });

  it('freezes recipients once: a second fan-out of the same broadcast is refused, nothing added', async () => {
    const target = zones(circle(CENTER.lng, CENTER.lat, 300));
    const [b] = await t.sql<{ id: number }[]>`
      insert into broadcasts (category, title, sms_text, channels, target, created_by)
      values ('information', 'Gel', 'Texte', '{sms}', ${t.sql.json(target as never)}, ${staffId}) returning id`;
    const broadcast = { id: b!.id, target, channels: ['sms'] as Channel[], follows_id: null };
    const queue = t.running.deps.queue;
    const first = await t.sql.begin((tx) => fanOut(tx, queue, broadcast));
    expect(first).toBe((await resolve(target, ['sms'])).length);
    await expect(t.sql.begin((tx) => fanOut(tx, queue, broadcast))).rejects.toThrow(/already|déjà/i);
    const [row] = await t.sql`select count(*)::int as n from deliveries where broadcast_id = ${b!.id}`;
    expect(row!.n).toBe(first);
  });

  it("checks deliveries' references once per statement, as the foreign keys did", async () => {
    const [b] = await t.sql<{ id: number }[]>`
      insert into broadcasts (category, title, sms_text, channels, target, created_by, status)
      values ('information', 'Références', 'Texte', '{sms}', '{"commune":true}', ${staffId}, 'sending') returning id`;
    const insert = (broadcastId: number, memberId: number | null, relativeId: number | null, to: string) => t.sql`
      insert into deliveries (broadcast_id, member_id, relative_id, channel, "to", recipient_key) values (${broadcastId}, ${memberId}, ${relativeId}, 'sms', ${to}, ${to})`;
    await expect(insert(b!.id, 2_000_000_000, null, '+33600000001')).rejects.toMatchObject({ code: '23503' });
    await expect(insert(b!.id, ids.get('alice')!, 2_000_000_000, '+33600000002')).rejects.toMatchObject({ code: '23503' });
    await expect(insert(2_000_000_000, ids.get('alice')!, null, '+33600000003')).rejects.toMatchObject({ code: '23503' });
    await insert(b!.id, ids.get('erin')!, null, '+33655555555');
    await expect(t.sql`delete from members where id = ${ids.get('erin')!}`).rejects.toMatchObject({ code: '23503' });
    await expect(t.sql`delete from broadcasts where id = ${b!.id}`).rejects.toMatchObject({ code: '23503' });
    await expect(t.sql`update deliveries set member_id = ${ids.get('alice')!} where broadcast_id = ${b!.id}`).rejects.toThrow(/never change/);
    // A member nobody sent to can still be deleted (retention of registrations never approved).
    const lonely = await member({ name: 'lonely', east: 9000, north: 9000, status: 'rejected' });
    await t.sql`delete from members where id = ${lonely}`;
  });
});
