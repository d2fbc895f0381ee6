import { readMigrations } from '@vigie/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createStaff, signIn, startTestServer, type TestServer } from '../../test/harness.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

describe('system routes', () => {
  it('reports health without auth', async () => {
    const res = await client(t.base).json<Record<string, unknown>>('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', engine: process.env.VIGIE_TEST_ENGINE === 'embedded' ? 'embedded' : 'postgres', migration_version: readMigrations().length });
  });

  it('serves the commune configuration', async () => {
    const res = await client(t.base).json<Record<string, unknown>>('GET', '/api/config');
    expect(res.body).toMatchObject({ name: 'Bourg-la-Reine', emergency_number: '17', police: { phone: '01 79 71 40 40' } });
  });

  it('serves the OpenAPI 3.1 document and a reference page', async () => {
    const doc = await client(t.base).json<{ openapi: string; paths: Record<string, unknown> }>('GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/reports', '/api/reports/{id}', '/api/auth/login', '/api/staff']));
    const page = await client(t.base).request('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect((await client(t.base).request('GET', '/api/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });

  it('sends a strict Content-Security-Policy and no-store on the API', async () => {
    const res = await client(t.base).request('GET', '/api/health');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers JSON 404 for unknown API routes once signed in, 401 before (deny by default)', async () => {
    const anonymous = await client(t.base).json<{ message: string }>('GET', '/api/nothing-here');
    expect(anonymous.status).toBe(401);
    const staff = await signIn(t.base, (await createStaff(t.sql, 'officer')).email);
    expect((await staff.json('DELETE', '/api/reports/1')).status).toBe(404);
    expect((await staff.json<{ message: string }>('GET', '/api/nothing-here')).body.message).toBeTruthy();
  });
});
