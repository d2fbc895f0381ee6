import { createTestDatabase, type TestDatabase } from '@vigie/db/testing';
import { loadCommune, outerRing, toPgPolygon } from '@vigie/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeHash, type IntakeRow } from './queries.ts';
import { validPayload } from './testing.ts';
import { createIntakeWriter } from './writer.ts';
import type { IntakeReport } from './schemas.ts';

const boundary = toPgPolygon(outerRing(loadCommune().boundary));

describe('the intake writer (group commit)', () => {
  let db: TestDatabase;
  const row = (overrides: Record<string, unknown> = {}): IntakeRow => {
    const input = validPayload(overrides) as unknown as IntakeReport;
    return { input, partnerId: 'writer-test', partnerName: 'Test', hash: intakeHash(input), receivedAt: new Date() };
  };
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.sql`insert into partners (id, name, secret_ciphertext) values ('writer-test', 'Test', '\\x00')`;
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('writes alerts that arrive together in few statements, each answered with its own report and live event', async () => {
    const sizes: number[] = [];
    const writer = createIntakeWriter(db.sql, boundary, { inFlight: 1, onBatch: (size) => sizes.push(size) });
    const rows = Array.from({ length: 120 }, (_, i) => row({ description: `Alerte numéro ${i}`, photos: i % 2 ? [`https://photos.example.org/${i}.jpg`] : [] }));
    const results = await Promise.all(rows.map((r) => writer.write(r)));

    expect(sizes.reduce((a, b) => a + b, 0)).toBe(120);
    expect(sizes.length).toBeLessThan(10); // the first alone, then the rest as they queued
    results.forEach((result, i) => {
      expect(result?.report.description).toBe(`Alerte numéro ${i}`);
      expect(result?.report.external_id).toBe(rows[i]!.input.external_id);
    });
    const ids = results.map((r) => r!.report.id);
    expect(new Set(ids).size).toBe(120);
    const stored = await db.sql`
      select r.id, r.description, (select count(*)::int from report_events e where e.report_id = r.id) as events,
             (select count(*)::int from report_photos p where p.report_id = r.id) as photos,
             (select l.position::float8 from live_events l where l.record_id = r.id::text) as event_id
      from reports r where r.id = any(${ids}::int[]) order by r.id`;
    expect(stored).toHaveLength(120);
    const byId = new Map(results.map((r) => [r!.report.id, r!]));
    for (const s of stored) {
      const result = byId.get(s.id as number)!;
      expect(s.description).toBe(result.report.description);
      expect(s.events).toBe(1);
      expect(s.photos).toBe(Number(/\d+$/.exec(result.report.description)![0]) % 2); // odd alerts carried one photo
      expect(s.event_id).toBe(result.event.position);
    }
  });

  it('never lets one external id into a batch twice: one report, the others told it exists', async () => {
    const writer = createIntakeWriter(db.sql, boundary, { inFlight: 1 });
    const same = row();
    const results = await Promise.all(Array.from({ length: 20 }, () => writer.write({ ...same })));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const [count] = await db.sql`select count(*)::int as n from reports where external_id = ${same.input.external_id}`;
    expect(count!.n).toBe(1);
  });

  it('isolates an alert the database refuses: its neighbours in the batch are written, it alone fails', async () => {
    const writer = createIntakeWriter(db.sql, boundary, { inFlight: 1 });
    const first = writer.write(row()); // goes alone; the next three queue behind it and share a statement
    const batch = [row(), row({ lat: 91 }), row()].map((r) => writer.write(r).then((x) => x, (error: Error) => error));
    await first;
    const [good1, bad, good2] = await Promise.all(batch);
    expect(bad).toBeInstanceOf(Error);
    expect((good1 as { report: { id: number } }).report.id).toBeGreaterThan(0);
    expect((good2 as { report: { id: number } }).report.id).toBeGreaterThan(0);
    const [count] = await db.sql`select count(*)::int as n from reports where lat = 91`;
    expect(count!.n).toBe(0);
  });
});
