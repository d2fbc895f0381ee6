import { request } from '@playwright/test';
import { expect, test, UI } from './fixtures.ts';

test.use({ loggedInAs: 'officer' });

test('signing out returns to the login page and ends the session on the server', async ({ page, context, baseURL }) => {
  const meStatus = () =>
    page.evaluate(async () => (await fetch('/api/auth/me', { credentials: 'same-origin' })).status);
  expect(await meStatus()).toBe(200);
  const { cookies } = await context.storageState();

  await page.getByRole('button', { name: UI.userMenu }).click();
  await page.getByRole('menuitem', { name: UI.signOut }).click();

  await expect(page.getByRole('button', { name: UI.signIn })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  expect(await meStatus()).toBe(401);

  // Replaying the old cookie must not work either: the session is revoked, not just forgotten.
  const replay = await request.newContext({ baseURL: baseURL!, storageState: { cookies, origins: [] } });
  try {
    expect((await replay.get('/api/auth/me')).status()).toBe(401);
  } finally {
    await replay.dispose();
  }
});

test.describe('on a phone', () => {
  // Set before signing in: a window shrunk afterwards opens the sidebar as a modal drawer.
  test.use({ viewport: { width: 390, height: 844 } });

  test('the officer still reaches the user menu, on screen, and signs out', async ({ page }) => {
    const userMenu = page.getByRole('button', { name: UI.userMenu, exact: true });
    await expect(userMenu).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await userMenu.click();
    await page.getByRole('menuitem', { name: UI.signOut }).click();
    await expect(page.getByRole('button', { name: UI.signIn })).toBeVisible();
  });
});
