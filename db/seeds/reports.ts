import type { ReportCategory, ReportPriority, ReportSource, ReportStatus } from '@vigie/shared';
import type { TxSql } from '../src/types.ts';
import { writeDescription } from './descriptions.ts';
import type { MemberSeed } from './members.ts';
import { fictionLandline, fictionMobile, person } from './people.ts';
import type { PlaceFinder } from './places.ts';
import type { Random } from './random.ts';
import { aroundTime, DAY, MINUTE, parisTime, parisWallClock } from './time.ts';
import { planTimeline, type TimelineEvent } from './timeline.ts';

export const PARTNER_ID = 'vvs-demo';

const CATEGORIES: ReadonlyArray<readonly [ReportCategory, number]> = [
  ['suspicious_vehicle', 24],
  ['suspicious_person', 22],
  ['abusive_canvassing', 11],
  ['burglary_attempt', 10],
  ['vandalism', 10],
  ['burglary', 8],
  ['road_hazard', 9],
  ['other', 6],
];

/** [from hour, to hour (excluded), weight], Paris time. */
type HourProfile = ReadonlyArray<readonly [number, number, number]>;
const HOURS: Record<ReportCategory, HourProfile> = {
  abusive_canvassing: [[9, 12, 4], [12, 14, 1], [14, 19, 5]],
  burglary: [[10, 17, 7], [17, 22, 2], [0, 6, 1]],
  burglary_attempt: [[10, 17, 5], [17, 23, 2.5], [0, 6, 2.5]],
  suspicious_vehicle: [[18, 24, 4.5], [0, 6, 2.5], [6, 18, 3]],
  suspicious_person: [[14, 24, 5], [0, 6, 2], [8, 14, 3]],
  vandalism: [[22, 24, 3], [0, 6, 3], [6, 22, 4]],
  road_hazard: [[6, 21, 8.5], [21, 24, 0.75], [0, 6, 0.75]],
  other: [[8, 22, 8], [22, 24, 1.5], [0, 8, 0.5]],
};

/** Base priority mix when the description is not about something happening right now. */
const PRIORITIES: Record<ReportCategory, ReadonlyArray<readonly [ReportPriority, number]>> = {
  burglary: [['high', 45], ['normal', 50], ['low', 5]],
  burglary_attempt: [['high', 30], ['normal', 65], ['low', 5]],
  suspicious_vehicle: [['high', 8], ['normal', 72], ['low', 20]],
  suspicious_person: [['high', 15], ['normal', 70], ['low', 15]],
  abusive_canvassing: [['high', 10], ['normal', 60], ['low', 30]],
  vandalism: [['high', 5], ['normal', 60], ['low', 35]],
  road_hazard: [['high', 20], ['normal', 50], ['low', 30]],
  other: [['normal', 60], ['low', 40]],
};

/** Share of reports describing facts in progress, for the categories that have such templates. */
const LIVE_SHARE: Partial<Record<ReportCategory, number>> = {
  burglary: 0.1,
  burglary_attempt: 0.1,
  suspicious_person: 0.04,
  suspicious_vehicle: 0.03,
  vandalism: 0.04,
};

export interface ReportSeed {
  category: ReportCategory;
  status: ReportStatus;
  priority: ReportPriority;
  description: string;
  lat: number;
  lng: number;
  address: string;
  sector: number | null;
  out_of_area: boolean;
  source: ReportSource;
  partner_id: string | null;
  external_id: string | null;
  member: number | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  assigned_to: number | null;
  occurred_at: Date;
  received_at: Date;
  updated_at: Date;
  /** The staff member who typed it in (phone and officer reports); null for the platform. */
  created_by: number | null;
  events: TimelineEvent[];
}

export interface ReportContext {
  now: Date;
  days: number;
  places: PlaceFinder;
  members: readonly MemberSeed[];
  officers: readonly number[];
  supervisors: readonly number[];
}

/** Reports over the last `days` days, ordered by reception, each with its triage timeline. */
export function generateReports(random: Random, count: number, context: ReportContext): ReportSeed[] {
  const { officers, supervisors } = context;
  if (officers.length === 0 || supervisors.length === 0) throw new Error('The demo reports need officers and a supervisor');
  // The demo officer (first) carries a double share, so that signing in as them shows work.
  const officerWeights = officers.map((id, index) => [id, index === 0 ? 2 : 1] as const);
  const drafts = Array.from({ length: count }, () => draft(random, context, officerWeights));
  drafts.sort((a, b) => a.received_at.getTime() - b.received_at.getTime());
  let platformSequence = 0;
  return drafts.map((report, index) => {
    const timeline = planTimeline(random, {
      category: report.category,
      priority: report.priority,
      received_at: report.received_at,
      now: context.now,
      officer: report.officer,
      supervisor: random.pick(supervisors),
      forceNew: index >= drafts.length - 2,
      outOfArea: report.out_of_area,
    });
    const { officer: _officer, ...rest } = report;
    const last = timeline.events.at(-1);
    return {
      ...rest,
      external_id: report.source === 'platform' ? `vvs-a-${String(++platformSequence).padStart(6, '0')}` : null,
      status: timeline.status,
      assigned_to: timeline.assigned_to,
      updated_at: last ? last.at : report.received_at,
      events: timeline.events,
    };
  });
}

type Draft = Omit<ReportSeed, 'status' | 'assigned_to' | 'updated_at' | 'events' | 'external_id'> & { officer: number };

function draft(random: Random, context: ReportContext, officerWeights: ReadonlyArray<readonly [number, number]>): Draft {
  const { now, places } = context;
  const category = random.weighted(CATEGORIES);
  const occurred_at = occurrence(random, category, now, context.days);
  const outOfArea = random.chance(0.02);
  const place = outOfArea ? places.outside() : places.inside();
  const source = outOfArea ? 'platform' : random.weighted<ReportSource>([['platform', 80], ['phone', 13], ['officer', 7]]);
  const officer = random.weighted(officerWeights);

  const description = writeDescription(
    random,
    category,
    {
      street: place.street?.name ?? place.address.split(',')[0] ?? '',
      otherStreet: places.otherStreet(place.street).name,
      number: place.number ?? random.int(1, 40),
      time: aroundTime(occurred_at),
    },
    random.chance(LIVE_SHARE[category] ?? 0),
  );
  const priority: ReportPriority = description.live
    ? random.weighted<ReportPriority>([['urgent', 85], ['high', 15]])
    : random.weighted(PRIORITIES[category]);

  let member: number | null = null;
  let reporter_name: string | null = null;
  let reporter_phone: string | null = null;
  let text = description.text;
  const delayMinutes = source === 'officer' ? random.float(0.5, 4) : source === 'phone' ? random.float(1, 10) : random.float(1, 15);
  const received_at = new Date(occurred_at.getTime() + delayMinutes * MINUTE);
  if (source === 'platform') {
    member = pickMember(random, context.members, received_at);
    const who = member === null ? null : context.members[member];
    reporter_name = who?.full_name ?? null;
    reporter_phone = who?.phone ?? null;
  } else if (source === 'phone') {
    if (random.chance(0.7)) reporter_name = person(random).full_name;
    if (random.chance(0.6)) reporter_phone = random.chance(0.7) ? fictionMobile(random) : fictionLandline(random);
    if (random.chance(0.4)) text = `Appel d’un riverain. ${text}`;
  } else {
    text = `Constaté en patrouille. ${text}`;
  }

  return {
    category,
    priority,
    description: text,
    lat: place.lat,
    lng: place.lng,
    address: place.address,
    sector: place.sector,
    out_of_area: outOfArea,
    source,
    partner_id: source === 'platform' ? PARTNER_ID : null,
    member,
    reporter_name,
    reporter_phone,
    occurred_at,
    received_at,
    created_by: source === 'platform' ? null : officer,
    officer,
  };
}

/**
 * A day in the window, then an hour from the category's profile, in Paris time. Canvassers work
 * on weekdays; a draw still ahead of `now` (later today) is drawn again.
 */
function occurrence(random: Random, category: ReportCategory, now: Date, days: number): Date {
  const hours = HOURS[category].map(([start, end, weight]) => [[start, end] as const, weight] as const);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const day = parisWallClock(new Date(now.getTime() - random.int(0, days - 1) * DAY));
    if (category === 'abusive_canvassing' && (day.weekday === 0 || (day.weekday === 6 && random.chance(0.8)))) continue;
    const [from, to] = random.weighted(hours);
    const minuteOfDay = Math.floor(random.float(from * 60, to * 60));
    const at = parisTime(day.year, day.month, day.day, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
    // Leave room for the reception delay before `now`.
    if (at.getTime() > now.getTime() - 20 * MINUTE) continue;
    return new Date(at.getTime() + random.int(0, 59) * 1000);
  }
  throw new Error(`No time found for a ${category} report`);
}

/** An approved member who had already registered when the alert came in. */
function pickMember(random: Random, members: readonly MemberSeed[], at: Date): number | null {
  const eligible = members.flatMap((m, index) => (m.status === 'approved' && m.created_at < at ? [index] : []));
  return eligible.length === 0 ? null : random.pick(eligible);
}

export interface InsertedReports {
  reports: number;
  events: number;
}

/** Inserts reports in reception order, then their events (one `created`, then the triage steps). */
export async function insertReports(
  tx: TxSql,
  reports: readonly ReportSeed[],
  ids: { sectors: readonly number[]; members: readonly number[] },
): Promise<InsertedReports> {
  const rows = reports.map((r) => ({
    category: r.category,
    status: r.status,
    priority: r.priority,
    description: r.description,
    lat: r.lat,
    lng: r.lng,
    address: r.address,
    neighbourhood_id: r.sector === null ? null : (ids.sectors[r.sector] ?? null),
    out_of_area: r.out_of_area,
    source: r.source,
    partner_id: r.partner_id,
    external_id: r.external_id,
    member_id: r.member === null ? null : (ids.members[r.member] ?? null),
    reporter_name: r.reporter_name,
    reporter_phone: r.reporter_phone,
    assigned_to: r.assigned_to,
    received_at: r.received_at,
    occurred_at: r.occurred_at,
    updated_at: r.updated_at,
  }));
  const reportIds: number[] = [];
  for (let offset = 0; offset < rows.length; offset += 1000) {
    const chunk = rows.slice(offset, offset + 1000);
    // `search` is generated and `id` is an identity: neither is ever inserted.
    const values = tx(
      chunk,
      'category', 'status', 'priority', 'description', 'lat', 'lng', 'address', 'neighbourhood_id', 'out_of_area', 'source',
      'partner_id', 'external_id', 'member_id', 'reporter_name', 'reporter_phone', 'assigned_to', 'received_at', 'occurred_at', 'updated_at',
    );
    const inserted = await tx<{ id: number; lat: number; lng: number }[]>`insert into reports ${values} returning id, lat, lng`;
    // RETURNING follows the VALUES order in PostgreSQL; checked rather than assumed.
    inserted.forEach((row, i) => {
      const sent = chunk[i];
      if (!sent || sent.lat !== row.lat || sent.lng !== row.lng) throw new Error('Inserted reports came back out of order');
      reportIds.push(row.id);
    });
  }

  const events = reports.flatMap((report, index) => {
    const report_id = reportIds[index] as number;
    const created = { report_id, at: report.received_at, staff_id: report.created_by, action: 'created', from_value: null, to_value: null, note: null };
    return [created, ...report.events.map((event) => ({ report_id, ...event }))];
  });
  for (let offset = 0; offset < events.length; offset += 1000) {
    const chunk = events.slice(offset, offset + 1000);
    await tx`insert into report_events ${tx(chunk, 'report_id', 'at', 'staff_id', 'action', 'from_value', 'to_value', 'note')}`;
  }
  return { reports: reportIds.length, events: events.length };
}
