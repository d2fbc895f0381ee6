import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSector, startTestServer, type TestServer } from '../../test/harness.ts';
import { createSeenSignatures } from './replays.ts';
import { PARTNER_HEADER, SIGNATURE_HEADER, signPayload } from './signature.ts';
import { createPartner, postIntake, validPayload, type TestPartner } from './testing.ts';

describe('replays of a captured signed request', () => {
  let t: TestServer;
  let partner: TestPartner;
  beforeAll(async () => {
    t = await startTestServer();
    await createSector(t.sql);
    partner = await createPartner(t); // 600 a minute, the default
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('do not drain the quota: 620 replays, then the next genuine alert is accepted', async () => {
    const body = JSON.stringify(validPayload());
    const signature = signPayload(partner.secret, body);
    const replay = () =>
      fetch(`${t.base}/api/intake/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PARTNER_HEADER]: partner.id, [SIGNATURE_HEADER]: signature },
        body,
      }).then(async (res) => (await res.arrayBuffer(), res.status));
    const statuses: number[] = [await replay()];
    for (let round = 0; round < 31; round++) statuses.push(...(await Promise.all(Array.from({ length: 20 }, replay))));
    expect(statuses[0]).toBe(201);
    expect(new Set(statuses.slice(1))).toEqual(new Set([200]));
    expect(statuses).toHaveLength(621);

    const genuine = await postIntake(t.base, partner, validPayload());
    expect(genuine.status).toBe(201);
  });

  it('still count distinct requests: the rate holds for new alerts', async () => {
    const slow = await createPartner(t, { rate_per_minute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await postIntake(t.base, slow, validPayload())).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});

describe('createSeenSignatures', () => {
  const body = new TextEncoder().encode('{}');
  it('forgets a signature once it has expired, and never holds more than its bound', () => {
    let now = 1_000_000_000_000;
    const seen = createSeenSignatures({ max: 3, now: () => now });
    const t = Math.floor(now / 1000);
    expect(seen.firstSeen('p', `t=${t},v1=${'a'.repeat(64)}`, body)).toBe(true);
    expect(seen.firstSeen('p', `t=${t},v1=${'b'.repeat(64)}`, body)).toBe(false); // same (t, body): the same request
    expect(seen.firstSeen('q', `t=${t},v1=${'a'.repeat(64)}`, body)).toBe(true);
    now += 301_000;
    expect(seen.firstSeen('p', `t=${t},v1=${'a'.repeat(64)}`, body)).toBe(true);
    for (let i = 1; i <= 5; i++) seen.firstSeen('p', `t=${t + i},v1=${'a'.repeat(64)}`, body);
    expect(seen.size).toBeLessThanOrEqual(3);
  });
});
