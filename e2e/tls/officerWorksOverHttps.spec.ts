import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { signedHeaders } from '../../server/src/routes/intake/signature.ts';
import { DEMO_EMAILS, DEMO_PARTNER, IN_COMMUNE, mapRow, openMap, signIn, UI, uniqueTag } from '../fixtures.ts';
import { PROXY_SOURCE_ADDRESS } from './proxy.ts';

const COOKIE = '__Host-vigie_session';
/** What the browser writes in X-Forwarded-For itself: nginx appends the real address after it. */
const FORGED_ADDRESS = '6.6.6.6';

test('an officer signs in over https, sees a signed alert live over wss, and signing out ends every tab', async ({ page, context, baseURL, playwright }) => {
  const sql = postgres(process.env.VIGIE_TLS_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': FORGED_ADDRESS });
  try {
    await signIn(page, 'officer');

    // The session cookie is the __Host- one, Secure, and the server recognises it.
    const cookie = (await context.cookies()).find((c) => c.name === COOKIE);
    expect(cookie, `cookies: ${(await context.cookies()).map((c) => c.name).join(', ')}`).toBeDefined();
    expect(cookie!.secure).toBe(true);
    expect(cookie!.httpOnly).toBe(true);

    // The audit log has the address nginx saw, neither the forged one nor nginx's own.
    const [signInRow] = await sql<{ ip: string }[]>`
      select a.ip from audit_log a join staff s on s.id = a.staff_id
      where s.email = ${DEMO_EMAILS.officer} and a.action = 'sign_in' order by a.id desc limit 1`;
    expect(signInRow!.ip).toBe('127.0.0.1');
    expect([FORGED_ADDRESS, PROXY_SOURCE_ADDRESS]).not.toContain(signInRow!.ip);

    // A resident's alert, signed by the partner and posted through the proxy, reaches the map live.
    const map = await openMap(page);
    await expect(page.getByRole('status', { name: UI.liveOnline })).toBeVisible();
    expect(sockets.some((url) => url.startsWith(`wss://${new URL(baseURL!).host}/socket.io/`)), sockets.join(', ')).toBe(true);
    const tag = uniqueTag();
    const body = JSON.stringify({
      external_id: `e2e-tls-${randomBytes(6).toString('hex')}`,
      category: 'suspicious_person',
      description: `${tag} Personne qui relève les boîtes aux lettres de l'immeuble.`,
      ...IN_COMMUNE,
    });
    const partner = await playwright.request.newContext({ baseURL: baseURL!, ignoreHTTPSErrors: true });
    const posted = await partner.post('/api/intake/reports', { headers: signedHeaders(DEMO_PARTNER.id, DEMO_PARTNER.secret, body), data: body });
    expect(posted.status(), await posted.text()).toBe(201);
    const { id } = (await posted.json()) as { id: number };
    await partner.dispose();
    await expect(mapRow(page, id)).toBeVisible();
    await expect(map).toBeVisible();

    // A second tab of the same browser, live too.
    const second = await context.newPage();
    await second.goto('/#/map');
    await expect(second.getByRole('status', { name: UI.liveOnline })).toBeVisible();

    await page.getByRole('button', { name: UI.userMenu }).click();
    await page.getByRole('menuitem', { name: UI.signOut }).click();
    await expect(page.getByRole('button', { name: UI.signIn })).toBeVisible();
    // The other tab learns it over its socket (session:ended) and leaves too.
    await expect(second.getByRole('button', { name: UI.signIn })).toBeVisible();

    // The old cookie, replayed, is refused: the session was revoked server-side.
    const replay = await playwright.request.newContext({ baseURL: baseURL!, ignoreHTTPSErrors: true, extraHTTPHeaders: { cookie: `${COOKIE}=${cookie!.value}` } });
    expect((await replay.get('/api/auth/me')).status()).toBe(401);
    await replay.dispose();
  } finally {
    await sql.end();
  }
});
