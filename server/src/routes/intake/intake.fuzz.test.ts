import { REPORT_CATEGORIES } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { createSector, startTestServer, type TestServer } from '../../test/harness.ts';
import { signedHeaders } from './signature.ts';
import { createPartner, postIntake, readAnswer, validPayload, type IntakeAnswer, type TestPartner } from './testing.ts';

/**
 * Properly signed but malformed payloads, from a seeded generator (set INTAKE_FUZZ_SEED to replay
 * a failure). Every mutation is chosen to be invalid on its own, so any 2xx is a bug; extra noise
 * (unicode, junk keys) is layered on top. The first HTTP_SLICE payloads go over real HTTP; the rest
 * through `app.request()` on an app built from the same server's dependencies (same middleware,
 * same database), which spares the loopback round trip and keeps 10,000 well under a minute on a
 * busy machine. PGlite is one WebAssembly session serving queries one by one, so the embedded run
 * takes a 2,000-payload sample of the same stream.
 */
const SEED = Number(process.env.INTAKE_FUZZ_SEED ?? 20_261_127);
const COUNT = process.env.VIGIE_TEST_ENGINE === 'embedded' ? 2_000 : 10_000;
const HTTP_SLICE = 1_000;
const CONCURRENCY = 20;
const LIMIT = 64 * 1024;

/** mulberry32: small, fast, good enough to spread payloads; same seed, same payloads. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const REQUIRED = ['external_id', 'category', 'description', 'lat', 'lng'] as const;
const STRINGS = ['external_id', 'description'] as const;
const UNICODE = ['é', 'ß', '👮‍♀️', '\u202e', '\u0301', '\ud800', '\udfff', '中文', '\u00a0', '\u2028', '\ufeff', '𝔙𝔦𝔤𝔦𝔢', 'ـ', '\u200b'];
// Control characters the schema refuses everywhere (tab, LF, CR are allowed in a description).
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u000e', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f'];

const unicodeText = (r: Rng, n: number) => Array.from({ length: n }, () => (r.chance(0.5) ? r.pick(UNICODE) : String.fromCharCode(r.int(0x20, 0x2fff)))).join('');

function junk(r: Rng, depth = 0): unknown {
  switch (r.int(0, depth > 3 ? 5 : 8)) {
    case 0: return r.int(-1e9, 1e9);
    case 1: return r.next() * 1e308 * (r.chance(0.5) ? -1 : 1);
    case 2: return unicodeText(r, r.int(0, 40));
    case 3: return r.pick([true, false, null]);
    case 4: return r.pick(['NaN', 'Infinity', '-Infinity', '1e309', '0x1F', '', ' ', 'null', 'undefined', '[object Object]']);
    case 5: return [];
    case 6: return Array.from({ length: r.int(1, 5) }, () => junk(r, depth + 1));
    case 7: return Object.fromEntries(Array.from({ length: r.int(1, 5) }, () => [unicodeText(r, r.int(1, 8)), junk(r, depth + 1)]));
    default: return { __proto__: junk(r, depth + 1), constructor: { prototype: 1 } };
  }
}

/** A value of the wrong type for the field (never null/absent for an optional field: those are valid). */
function wrongType(r: Rng, field: string): unknown {
  const numeric = field === 'lat' || field === 'lng';
  for (;;) {
    const value = junk(r);
    if (value === null && !(REQUIRED as readonly string[]).includes(field)) continue;
    if (numeric && typeof value === 'number') continue;
    if (!numeric && typeof value === 'string') continue;
    if (field === 'photos' && Array.isArray(value) && value.length === 0) continue; // no photos is fine
    return value;
  }
}

const insertMiddle = (text: string, insert: string) => `${text.slice(0, 1)}${insert}${text.slice(1)}`;

/** One invalid payload: a raw body (bytes or text). */
function malformed(r: Rng): string | Uint8Array {
  const p: Record<string, unknown> = validPayload({ external_id: `fuzz-${r.int(0, 1e9)}` });
  if (r.chance(0.3)) p.description = `${p.description} ${unicodeText(r, r.int(1, 30))}`; // noise, valid alone
  const kind = r.int(0, 15);
  switch (kind) {
    case 0: { // not JSON at all
      const text = JSON.stringify(p);
      return r.pick([
        text.slice(0, r.int(0, text.length - 1)),
        text.replace(/"/g, "'"),
        `${text.slice(0, -1)},}`,
        text.replace(/"lat":[^,]+/, '"lat":NaN'),
        text.replace(/"lng":[^,]+/, '"lng":-Infinity'),
        `${text}${text}`,
        '',
        unicodeText(r, r.int(1, 200)),
        `{${'"a":'.repeat(r.int(1, 50))}`,
      ]);
    }
    case 1: { // invalid UTF-8 inside an otherwise valid body (bytes that never occur in UTF-8)
      const bytes = Buffer.from(JSON.stringify(p));
      const at = r.int(1, bytes.length - 2);
      bytes[at] = r.pick([0xff, 0xfe, 0xc0, 0xc1, 0xf5]);
      return bytes;
    }
    case 2: // JSON, but not an object
      return JSON.stringify(r.pick<unknown>([[p], [], 42, 'report', null, true, [[[[]]]], Object.values(p)]));
    case 3: // deeply nested junk
      return `${'['.repeat(r.int(100, 20_000))}${']'.repeat(r.int(0, 100))}`;
    case 4: // a required field missing
      delete p[r.pick(REQUIRED)];
      break;
    case 5: { // a field of the wrong type
      const field = r.pick(['external_id', 'category', 'description', 'lat', 'lng', 'address', 'occurred_at', 'reporter', 'photos']);
      p[field] = wrongType(r, field);
      break;
    }
    case 6: { // a refused control character inside a text field
      const control = r.pick(CONTROLS);
      const target = r.int(0, 3);
      if (target < 2) p[STRINGS[target]!] = insertMiddle(p[STRINGS[target]!] as string, control);
      else if (target === 2) p.address = insertMiddle(p.address as string, control);
      else p.reporter = { name: insertMiddle('Mme Martin', control) };
      break;
    }
    case 7: { // a string over its maximum, sometimes up to (or past) the body limit
      const size = (max: number) => (r.chance(0.2) ? r.int(LIMIT - 2000, LIMIT + 2000) : r.int(max + 1, max * 3));
      const field = r.int(0, 4);
      if (field === 0) p.description = 'd'.repeat(size(4000));
      else if (field === 1) p.external_id = 'e'.repeat(size(200));
      else if (field === 2) p.address = 'a'.repeat(size(500));
      else if (field === 3) p.reporter = { name: 'n'.repeat(size(200)) };
      else p.photos = [`https://p.example/${'p'.repeat(size(2048))}`];
      break;
    }
    case 8: // an unknown key, top level or in reporter, with junk in it
      if (r.chance(0.7)) p[r.pick(['status', 'priority', 'id', 'source', 'partner_id', '__proto__x', unicodeText(r, 5) || 'x'])] = junk(r);
      else p.reporter = { ...(p.reporter as object), [r.pick(['email', 'address', 'role'])]: junk(r) };
      break;
    case 9: { // coordinates out of range, or numbers written as strings
      const field = r.pick(['lat', 'lng']);
      p[field] = r.chance(0.5)
        ? r.pick(field === 'lat' ? [90.0001, -90.5, 1e6, -1e300] : [180.01, -181, 1e6, -1e300])
        : r.pick(['48.78', 'NaN', 'Infinity', '-Infinity', '1e309', '']);
      break;
    }
    case 10: { // an unknown category
      let category = r.pick(['Burglary', 'BURGLARY', 'cambriolage', 'vol', '', ' burglary', 'other ', unicodeText(r, 6)]);
      if ((REPORT_CATEGORIES as readonly string[]).includes(category)) category = `${category}!`;
      p.category = category;
      break;
    }
    case 11: // a date that is not one, or is in the future
      p.occurred_at = r.pick([
        'hier soir', '2026-02-30T10:00:00Z', '2026-13-01T00:00:00Z', '27/11/2026 21:40', '0000-01-01T00:00:00Z', '1999-12-31T23:59:59Z',
        new Date(Date.now() + r.int(1, 365) * 86_400_000).toISOString(), '2026-11-27', String(Date.now()), '',
      ]);
      break;
    case 12: // photos that are not https links
      p.photos = r.pick<unknown>([
        ['http://p.example/a.jpg'], ['javascript:alert(1)'], ['data:image/png;base64,AAAA'], ['https://p.example/a b.jpg'], ['https:/p.example/a.jpg'],
        Array.from({ length: r.int(11, 40) }, (_, i) => `https://p.example/${i}.jpg`), 'https://p.example/a.jpg', [''], [42],
      ]);
      break;
    case 13: // a reporter that is not one
      p.reporter = r.pick<unknown>([[], 'Mme Martin', 42, { phone: 'appelez-moi' }, { phone: `+${'1'.repeat(32)}` }, { name: '' }, { name: '   ' }, { member_external_id: '' }]);
      break;
    case 14: // blank text once trimmed
      p[r.pick(['description', 'address'])] = r.pick(['', ' ', '\u00a0\u3000', '\n\n\t', '\u2028']);
      break;
    default: { // several defects at once
      delete p[r.pick(REQUIRED)];
      p[r.pick(['lat', 'lng'])] = junk(r);
      p[unicodeText(r, 3) || 'zz'] = junk(r);
    }
  }
  return JSON.stringify(p);
}


// Printable characters only: no C0/C1 controls, no lone surrogates (both refused by the schema).
const SAFE_UNICODE = ['é', 'ß', '👮‍♀️', '\u202e', '\u0301', '中文', '\u00a0', '\u2028', '\ufeff', '𝔙𝔦𝔤𝔦𝔢', 'ـ', '\u200b', '"', '\\', "'", '<img src=x onerror=alert(1)>', '%00', '${x}', "'); drop table reports; --"];
const safeText = (r: Rng, n: number) => {
  let text = '';
  while (text.length < n) text += r.chance(0.3) ? r.pick(SAFE_UNICODE) : String.fromCharCode(r.int(0x21, 0x7e));
  return text.slice(0, n).replace(/[\ud800-\udbff]$/, 'x'); // never cut a pair in two
};
const pad = (n: number) => String(n).padStart(2, '0');

/** A valid payload at the edges: sizes at their maximum, bounds, odd offsets, hostile but legal text. */
function edgeValid(r: Rng, index: number): Record<string, unknown> {
  const p: Record<string, unknown> = {
    external_id: `edge-${index}-${safeText(r, r.int(0, 180))}`.slice(0, 200),
    category: r.pick(REPORT_CATEGORIES),
    description: `${r.chance(0.5) ? '  ' : ''}${safeText(r, r.int(1, 3990))}${r.pick(['', '\r\n', '\n\tfin', ' '])}`.slice(0, 4000),
    lat: r.pick([90, -90, 0, -0, 48.7794, r.next() * 180 - 90]),
    lng: r.pick([180, -180, 0, 2.3162, 5e-324, r.next() * 360 - 180]),
  };
  if (r.chance(0.7)) p.address = r.chance(0.1) ? null : safeText(r, r.int(1, 500));
  if (r.chance(0.7)) {
    // Any instant since 2000 up to 4 minutes ahead, written with any legal offset and precision.
    const at = new Date(Date.UTC(2000, 0, 1) + r.next() * (Date.now() + 4 * 60_000 - Date.UTC(2000, 0, 1)));
    const offset = r.int(-23 * 60 - 59, 23 * 60 + 59);
    const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
    const fraction = r.chance(0.5) ? '' : `.${String(r.int(0, 999_999_999)).padStart(9, '0').slice(0, r.int(1, 9))}`;
    const zone = offset === 0 && r.chance(0.5) ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
    p.occurred_at = `${local}${fraction}${zone}`;
  }
  if (r.chance(0.7)) {
    const reporter: Record<string, unknown> = {};
    if (r.chance(0.5)) reporter.member_external_id = safeText(r, r.int(1, 200));
    if (r.chance(0.5)) reporter.name = safeText(r, r.int(1, 200));
    if (r.chance(0.5)) reporter.phone = r.pick(['+33 6 39 98 00 01', '(01) 99.00-00-01', '000000', `+${'1'.repeat(31)}`, '1'.repeat(32)]);
    p.reporter = r.chance(0.1) ? null : reporter;
  }
  if (r.chance(0.5)) {
    p.photos = Array.from({ length: r.int(0, 10) }, (_, i) => `https://photos.example.org/${i}/${encodeURIComponent(safeText(r, r.int(0, 20)))}`.slice(0, 2048));
  }
  return p;
}

let t: TestServer;
let partner: TestPartner;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await startTestServer();
  await createSector(t.sql);
  partner = await createPartner(t, { rate_per_minute: 1_000_000 });
  app = createApp(t.running.deps, { adminDist: null });
});

async function send<T>(overHttp: boolean, body: string | Uint8Array | Record<string, unknown>): Promise<IntakeAnswer<T>> {
  if (overHttp) return postIntake<T>(t.base, partner, body);
  const raw = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  return readAnswer<T>(await app.request('/api/intake/reports', { method: 'POST', headers: signedHeaders(partner.id, partner.secret, raw), body: raw }));
}
afterAll(async () => {
  await t?.stop();
});

describe(`intake fuzz: ${COUNT} malformed, properly signed payloads (seed ${SEED})`, () => {
  it('answers only 4xx with a JSON body (field errors on 400), never 5xx, and writes no row', async () => {
    const rng = prng(SEED);
    const bodies = Array.from({ length: COUNT }, () => malformed(rng));
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const index = next++;
        const body = bodies[index]!;
        const res = await send<{ message?: unknown; errors?: Record<string, string> }>(index < HTTP_SLICE, body);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const ok =
          res.status >= 400 && res.status < 500 && res.status !== 401 &&
          typeof res.body === 'object' && res.body !== null && typeof res.body.message === 'string' &&
          (res.status !== 400 || (typeof res.body.errors === 'object' && Object.keys(res.body.errors).length > 0));
        if (!ok && failures.length < 10) {
          const text = typeof body === 'string' ? body : Buffer.from(body).toString('latin1');
          failures.push(`#${index} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)} for ${text.slice(0, 200)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(failures, `seed ${SEED}`).toEqual([]);
    expect([...statuses.keys()].every((s) => s === 400 || s === 413), JSON.stringify([...statuses])).toBe(true);
    const [rows] = await t.sql<{ reports: number; events: number; live: number; photos: number }[]>`
      select (select count(*)::int from reports) as reports, (select count(*)::int from report_events) as events,
             (select count(*)::int from live_events) as live, (select count(*)::int from report_photos) as photos`;
    expect(rows).toEqual({ reports: 0, events: 0, live: 0, photos: 0 });
  }, 120_000);
});

describe('intake edge cases', () => {
  it('stores every valid payload at the edges (201), answers 200 to its replay, never 5xx', async () => {
    const rng = prng(SEED + 1);
    const payloads = Array.from({ length: COUNT / 20 }, (_, i) => edgeValid(rng, i));
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < payloads.length) {
        const index = next++;
        const payload = payloads[index]!;
        const first = await send<{ id: number }>(index < 50, payload);
        const again = await send<{ id: number }>(index < 50, payload);
        if ((first.status !== 201 || again.status !== 200 || again.body.id !== first.body.id) && failures.length < 10) {
          failures.push(`${first.status}/${again.status} ${JSON.stringify(first.body).slice(0, 200)} for ${JSON.stringify(payload).slice(0, 300)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(failures, `seed ${SEED + 1}`).toEqual([]);
    const [row] = await t.sql<{ n: number }[]>`select count(*)::int as n from reports where partner_id = ${partner.id}`;
    expect(row!.n).toBe(payloads.length);
  }, 120_000);
});
