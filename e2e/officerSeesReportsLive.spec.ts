import { randomBytes } from 'node:crypto';
import { request } from '@playwright/test';
import { DEMO_EMAILS, DEMO_PASSWORD, expect, menuItem, test, UI } from './fixtures.ts';

test.use({ loggedInAs: 'officer' });

test('an officer sees a report created by a colleague appear in the list without reloading', async ({ page, baseURL }) => {
  await menuItem(page, UI.menu.reports).click();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('status', { name: UI.liveOnline })).toBeVisible();
  // A reload would lose this marker: the new row must come from the live layer, not a refresh.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  // The supervisor, in their own session: the report is posted with chef@vigie.test's cookie.
  const chef = await request.newContext({ baseURL: baseURL!, extraHTTPHeaders: { Origin: baseURL! } });
  const token = `E2E-${randomBytes(3).toString('hex')}`;
  try {
    const signIn = await chef.post('/api/auth/login', { data: { email: DEMO_EMAILS.supervisor, password: DEMO_PASSWORD } });
    expect(signIn.status(), await signIn.text()).toBe(200);
    const created = await chef.post('/api/reports', {
      data: {
        category: 'suspicious_vehicle',
        description: `${token} Camionnette blanche stationnée depuis trois jours, vitres teintées.`,
        address: `${token} 12 boulevard du Maréchal Joffre, 92340 Bourg-la-Reine`,
        lat: 48.7794,
        lng: 2.3162,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
  } finally {
    await chef.dispose();
  }

  await expect(page.getByRole('row').filter({ hasText: token })).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});
