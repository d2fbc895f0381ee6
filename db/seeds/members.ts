import type { TxSql } from '../src/types.ts';
import { email, fictionMobile, person } from './people.ts';
import type { PlaceFinder } from './places.ts';
import type { Random } from './random.ts';
import { DAY, HOUR } from './time.ts';

import type { MemberKind, MemberStatus } from '@vigie/shared';
import { Random as SeedRandom } from './random.ts';

export interface RelativeSeed {
  full_name: string;
  relation: string;
  email: string | null;
  phone: string | null;
  channels: string[];
  confirmed: boolean;
}

export interface MemberSeed {
  external_id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  address: string;
  lat: number;
  lng: number;
  sector: number | null;
  status: MemberStatus;
  kind: MemberKind;
  channels: string[];
  created_at: Date;
  updated_at: Date;
  relatives: RelativeSeed[];
}

const RELATIONS = ['fille', 'fils', 'petite-fille', 'petit-fils', 'nièce', 'neveu', 'voisin', 'voisine'];

/**
 * Residents registered on the partner platform: mostly active for months, about one in fifteen
 * still pending (recent sign-ups), a couple suspended. Ordered by registration date.
 */
export function generateMembers(random: Random, places: PlaceFinder, count: number, now: Date): MemberSeed[] {
  const pending = Math.round(count / 15);
  const suspended = Math.round(count / 50);
  const statuses: MemberStatus[] = Array.from({ length: count }, (_, i) =>
    i < pending ? 'pending_review' : i < pending + suspended ? 'suspended' : 'approved',
  );
  const phones = new Set<string>();
  const members = random.faker.helpers.shuffle(statuses).map((status) => {
    const who = person(random);
    const place = places.inside();
    const withEmail = random.chance(0.95);
    // Some members only want e-mails; one in ten registered by a relative with a phone only.
    const withPhone = !withEmail || random.chance(0.85);
    let phone: string | null = null;
    while (withPhone && (phone === null || phones.has(phone))) phone = fictionMobile(random);
    if (phone) phones.add(phone);
    const ageDays = status === 'pending_review' ? random.float(0.2, 20) : random.float(25, 800);
    const created_at = new Date(now.getTime() - ageDays * DAY);
    const updated_at =
      status === 'approved' ? new Date(created_at.getTime() + random.float(2, 72) * HOUR) : status === 'suspended' ? new Date(now.getTime() - random.float(3, 20) * DAY) : created_at;
    return {
      external_id: '',
      full_name: who.full_name,
      email: withEmail ? email(random, who) : null,
      phone,
      address: place.address,
      lat: place.lat,
      lng: place.lng,
      sector: place.sector,
      status,
      kind: 'self' as MemberKind,
      channels: [...(phone ? ['sms'] : []), ...(withEmail ? ['email'] : [])],
      created_at,
      updated_at,
      relatives: [] as RelativeSeed[],
    };
  });
  // Seniors and their relatives draw from a stream of their own, so the reports that follow
  // (drawn from `random`) stay the same as before relatives existed.
  const extra = new SeedRandom(7_340);
  for (const member of members) {
    if (!extra.chance(0.08)) continue;
    member.kind = 'senior';
    const count = extra.int(1, 3);
    for (let i = 0; i < count; i++) {
      const who = person(extra);
      const withEmail = extra.chance(0.8);
      const phone = fictionMobile(extra);
      member.relatives.push({
        full_name: who.full_name,
        relation: extra.pick(RELATIONS),
        email: withEmail ? email(extra, who) : null,
        phone,
        channels: withEmail && extra.chance(0.5) ? ['email'] : ['sms'],
        confirmed: member.status !== 'pending_review' || extra.chance(0.5),
      });
    }
  }
  members.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  members.forEach((member, index) => {
    member.external_id = `vvs-m-${String(index + 1).padStart(4, '0')}`;
  });
  return members;
}

/** Inserts in order and returns the new ids, index for index. */
export async function insertMembers(tx: TxSql, members: readonly MemberSeed[], sectorIds: readonly number[]): Promise<number[]> {
  const rows = members.map(({ sector, relatives: _, ...member }) => ({
    ...member,
    partner_id: 'vvs-demo',
    source: 'partner',
    confirmed_at: member.created_at,
    decided_at: member.status === 'pending_review' ? null : member.updated_at,
    neighbourhood_id: sector === null ? null : (sectorIds[sector] ?? null),
  }));
  const ids: number[] = [];
  for (let offset = 0; offset < rows.length; offset += 1000) {
    const chunk = rows.slice(offset, offset + 1000);
    // A helper inlined in a template with an explicit result type defeats postgres.js's inference.
    const values = tx(chunk, 'external_id', 'partner_id', 'source', 'kind', 'channels', 'full_name', 'email', 'phone', 'address', 'lat', 'lng',
      'neighbourhood_id', 'status', 'confirmed_at', 'decided_at', 'created_at', 'updated_at');
    const inserted = await tx<{ id: number; external_id: string }[]>`insert into members ${values} returning id, external_id`;
    const byExternalId = new Map(inserted.map((row) => [row.external_id, row.id]));
    for (const member of chunk) {
      const id = byExternalId.get(member.external_id);
      if (id === undefined) throw new Error(`Member ${member.external_id} was not inserted`);
      ids.push(id);
    }
  }
  const relatives = members.flatMap((member, index) =>
    member.relatives.map((r) => ({
      member_id: ids[index]!,
      full_name: r.full_name,
      relation: r.relation,
      email: r.email,
      phone: r.phone,
      channels: r.channels,
      confirmed_at: r.confirmed ? member.updated_at : null,
      created_at: member.created_at,
      updated_at: member.updated_at,
    })),
  );
  if (relatives.length) {
    await tx`insert into relatives ${tx(relatives, 'member_id', 'full_name', 'relation', 'email', 'phone', 'channels', 'confirmed_at', 'created_at', 'updated_at')}`;
  }
  return ids;
}
