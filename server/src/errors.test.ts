import { createTestDatabase, type TestDatabase } from '@vigie/db/testing';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleError } from './errors.ts';
import { createLogger } from './logger.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.destroy();
});

describe('handleError', () => {
  it('answers a unique violation from the database with 409 naming the field, not the value', async () => {
    const app = new Hono();
    app.post('/neighbourhoods', async (c) => {
      for (let i = 0; i < 2; i++) await db.sql`insert into neighbourhoods (name, area) values ('Secret 42', '((0,0),(0,1),(1,1))'::polygon)`;
      return c.body(null, 201);
    });
    app.onError(handleError(createLogger('silent')));
    const res = await app.request('/neighbourhoods', { method: 'POST' });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { errors: Record<string, string> };
    expect(body.errors).toEqual({ name: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain('Secret 42');
  });
});
