import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSector, createStaff, signIn, startTestServer, type Client, type TestServer } from '../../../test/harness.ts';

let t: TestServer;
let townhall: Client;

beforeAll(async () => {
  t = await startTestServer();
  await createSector(t.sql, 'Secteur import');
  townhall = await signIn(t.base, (await createStaff(t.sql, 'townhall')).email);
});
afterAll(async () => {
  await t?.stop();
});

const upload = async <T = Record<string, unknown>>(csv: string | Uint8Array, dryRun = false) => {
  const res = await fetch(`${t.base}/api/members/import${dryRun ? '?dry_run=1' : ''}`, {
    method: 'POST',
    headers: { origin: 'http://vigie.test', cookie: townhall.cookie, 'content-type': 'text/csv' },
    body: csv,
  });
  return { status: res.status, body: (await res.json()) as T };
};
const countImported = async () => (await t.sql<{ n: number }[]>`select count(*)::int as n from members where source = 'import'`)[0]!.n;

describe('POST /api/members/import', () => {
  it('imports a clean file in one go, approved, geocoded into its sector, with history and an audit entry', async () => {
    const before = await countImported();
    const csv = '\uFEFFnom;adresse;email;telephone;canaux\r\n' +
      'Élise Martin;12 avenue du Général-Leclerc, 92340 Bourg-la-Reine;Elise.Martin@Exemple.fr;06 12 34 56 78;sms, email\r\n' +
      'Paul Durand;"3 rue Houdan, 92330 Sceaux";paul.durand@exemple.fr;;\r\n' +
      'Jean Barre;5 place Condorcet \\ bât. B;jean.barre@exemple.fr;;\r\n';
    const res = await upload<{ imported: number; valid: number; total: number; duplicates: unknown[] }>(csv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 3, valid: 3, total: 3, duplicates: [] });
    expect(await countImported()).toBe(before + 3);
    // A backslash survives COPY's text format.
    const [barre] = await t.sql<{ address: string }[]>`select address from members where email = 'jean.barre@exemple.fr'`;
    expect(barre!.address).toBe('5 place Condorcet \\ bât. B');
    const rows = await t.sql<{ email: string; phone: string | null; channels: string[]; status: string; out_of_area: boolean; neighbourhood_id: number | null; events: number }[]>`
      select email, phone, channels, status, out_of_area, neighbourhood_id,
        (select count(*)::int from member_events e where e.member_id = m.id and e.action = 'import') as events
      from members m where source = 'import' and email in ('elise.martin@exemple.fr', 'paul.durand@exemple.fr') order by email`;
    expect(rows).toEqual([
      { email: 'elise.martin@exemple.fr', phone: '+33612345678', channels: ['sms', 'email'], status: 'approved', out_of_area: false, neighbourhood_id: expect.any(Number), events: 1 },
      { email: 'paul.durand@exemple.fr', phone: null, channels: ['email'], status: 'approved', out_of_area: true, neighbourhood_id: null, events: 1 },
    ]);
    const [audit] = await t.sql`select action from audit_log where resource = 'members' and action = 'import'`;
    expect(audit).toBeDefined();
  });

  it('reads commas, no BOM and columns in any order', async () => {
    const res = await upload<{ imported: number }>('Téléphone,Nom,Adresse\n07 98 76 54 32,Jeanne Petit,5 place Condorcet\n');
    expect(res).toMatchObject({ status: 200, body: { imported: 1 } });
  });

  it('skips and reports duplicates of a member or of an earlier line', async () => {
    const csv = 'nom;adresse;email\n' +
      'Élise Martin bis;1 rue Ravon;elise.martin@exemple.fr\n' +
      'Louis Neuf;2 rue Ravon;louis.neuf@exemple.fr\n' +
      'Louis Neuf encore;2 rue Ravon;LOUIS.NEUF@exemple.fr\n';
    const preview = await upload<{ imported: number; valid: number; duplicates: Array<{ line: number; field: string; member_id?: number; earlier_line?: number }> }>(csv, true);
    expect(preview.status).toBe(200);
    expect(preview.body.imported).toBe(0);
    expect(preview.body.duplicates).toEqual([
      { line: 2, field: 'email', member_id: expect.any(Number) },
      { line: 4, field: 'email', earlier_line: 3 },
    ]);
    const done = await upload<{ imported: number }>(csv);
    expect(done.body.imported).toBe(1);
  });

  it('imports nothing from a broken file and reports every bad line in French', async () => {
    const before = await countImported();
    const csv = 'nom;adresse;email;telephone;canaux\n' +
      'Bon Membre;1 rue Ravon;bon.membre@exemple.fr;;\n' +
      ';2 rue Ravon;sans.nom@exemple.fr;;\n' +
      'Mauvais Mail;3 rue Ravon;pas-un-mail;;\n' +
      'Fixe;4 rue Ravon;;01 46 61 00 00;sms\n' +
      '"Multi\nligne";5 rue Ravon;;;\n' +
      'Canal;6 rue Ravon;canal@exemple.fr;;pigeon\n';
    const preview = await upload<{ valid: number; invalid: number; problems: Array<{ line: number; field: string; message: string }> }>(csv, true);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ valid: 1, invalid: 5 });
    // A line break inside a quoted name is a control character: line 6 has two problems.
    expect(preview.body.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'full_name'],
      [4, 'email'],
      [5, 'phone'],
      [6, 'full_name'],
      [6, 'email'],
      [8, 'channels'],
    ]);
    const res = await upload<{ message: string; errors: Record<string, string> }>(csv);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Rien n’a été importé : 5 lignes à corriger.');
    expect(res.body.errors['ligne 4.email']).toContain('pas-un-mail');
    expect(res.body.errors['ligne 5.phone']).toContain('portable');
    expect(await countImported()).toBe(before);
  });

  it.each([
    ['an empty file', ''],
    ['a file without the required columns', 'prenom;ville\nA;B\n'],
    ['a file that is not UTF-8', new Uint8Array([0x6e, 0x6f, 0x6d, 0x3b, 0x61, 0x64, 0x72, 0x65, 0x73, 0x73, 0x65, 0x0a, 0xc9, 0x6c, 0x69, 0x73, 0x65, 0x3b, 0x31, 0x0a])],
  ])('refuses %s with a 400 saying why', async (_, body) => {
    const res = await upload<{ message: string; errors: { file: string } }>(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.file).toBe(res.body.message);
  });
});
