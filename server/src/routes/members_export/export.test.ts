import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../test/harness.ts';

let t: TestServer;
let townhall: Client;
let sector: number;

beforeAll(async () => {
  t = await startTestServer();
  sector = await createSector(t.sql, 'Secteur export');
  townhall = await signIn(t.base, (await createStaff(t.sql, 'townhall')).email);
  // 1,203 members: more than two cursor batches, two statuses, one of them out of the sector.
  await t.sql`
    insert into members (full_name, address, email, phone, status, source, channels, neighbourhood_id, created_at)
    select 'Membre ' || i, i || ' rue Ravon, 92340 Bourg-la-Reine', 'membre' || i || '@exemple.fr', '+3361234' || lpad(i::text, 4, '0'),
           case when i % 3 = 0 then 'pending_review' else 'approved' end, 'desk', '{email,sms}',
           case when i % 2 = 0 then ${sector}::int end, '2026-11-20T10:00:00Z'::timestamptz + make_interval(mins => i)
    from generate_series(1, 1203) i`;
  await t.sql`insert into members (full_name, address, email, status, source, channels) values ('=HYPERLINK("http://x")', '1 rue Ravon', 'piege@exemple.fr', 'approved', 'desk', '{email}')`;
});
afterAll(async () => {
  await t?.stop();
});

const download = async (filter: Record<string, unknown> = {}) => {
  const res = await townhall.request('GET', `/api/members/export.csv?filter=${encodeURIComponent(JSON.stringify(filter))}`);
  return { res, text: res.status === 200 ? (await res.text()).replace(/^\uFEFF/, '') : await res.text() };
};

describe('GET /api/members/export.csv', () => {
  it('streams every member the filter matches, not one page, with contacts for the town hall', async () => {
    const { res, text } = await download({ status: 'approved' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="membres-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('N°;Nom;E-mail;Téléphone;Adresse;Statut;Type;Origine;Secteur;Canaux;Hors commune;Inscrit le;Confirmé le;Décidé le');
    expect(lines).toHaveLength(1 + 802 + 1);
    expect(lines[1]).toMatch(/^\d+;Membre 1;membre1@exemple\.fr;'?\+33612340001;1 rue Ravon, 92340 Bourg-la-Reine;validé;pour soi;accueil;;email, sms;non;20\/11\/2026 11:01;;$/);
    expect(text).toContain(`;"'=HYPERLINK(""http://x"")";`);
  });

  it('applies the list filters: sector, dates and text search', async () => {
    const bySector = await download({ neighbourhood_id: sector, status: ['approved', 'pending_review'] });
    expect(bySector.text.trim().split('\r\n')).toHaveLength(1 + 601);
    const byDate = await download({ created_at_gte: '2026-11-20T10:00:00Z', created_at_lte: '2026-11-20T10:10:00Z' });
    expect(byDate.text.trim().split('\r\n')).toHaveLength(1 + 10);
    const bySearch = await download({ q: 'membre1200@' });
    expect(bySearch.text.trim().split('\r\n')).toHaveLength(2);
  });

  it('refuses an unknown filter with a 400 naming it, and audits each export', async () => {
    const bad = await download({ status: 'lost', colour: 'blue' });
    expect(bad.res.status).toBe(400);
    expect(Object.keys(JSON.parse(bad.text).errors).sort()).toEqual(['_root', 'status']);
    const [{ n }] = (await t.sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'export' and resource = 'members'`) as unknown as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(4);
  });
});
