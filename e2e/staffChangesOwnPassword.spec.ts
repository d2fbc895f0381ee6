import { randomBytes } from 'node:crypto';
import { request, type APIRequestContext } from '@playwright/test';
import { DEMO_EMAILS, DEMO_PASSWORD, expect, expectNoSeriousA11yViolations, submitLogin, test, UI, appBar } from './fixtures.ts';

const FIRST = 'la ronde du matin part à sept heures';
const SECOND = 'la relève arrive avant la nuit tombée';

/** A request context signed in as `email`, sending the Origin the server demands of unsafe requests. */
async function apiAs(baseURL: string, email: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: new URL(baseURL).origin } });
  const res = await api.post('/api/auth/login', { data: { email, password } });
  expect(res.status()).toBe(200);
  return api;
}

test('an officer changes their password in « Mon compte » and their other session ends', async ({ page, baseURL }) => {
  // A fresh account, so that the demo accounts other specs use keep their password.
  const email = `compte-${randomBytes(3).toString('hex')}@vigie.test`;
  const admin = await apiAs(baseURL!, DEMO_EMAILS.admin, DEMO_PASSWORD);
  expect((await admin.post('/api/staff', { data: { email, full_name: 'Nadia Rousseau', role: 'officer', password: FIRST } })).status()).toBe(201);
  await admin.dispose();
  const otherDevice = await apiAs(baseURL!, email, FIRST);

  await page.goto('/');
  await submitLogin(page, email, FIRST);
  await expect(appBar(page)).toContainText(UI.appName);
  await page.getByRole('button', { name: /Profil/ }).click();
  await page.getByRole('menuitem', { name: 'Mon compte' }).click();
  await expect(page).toHaveURL(/#\/account$/);

  const sessions = page.getByRole('table', { name: 'Sessions ouvertes' });
  await expect(sessions.getByRole('row')).toHaveCount(3); // header + this browser + the other device
  await expect(sessions.getByText('Cette session')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A wrong current password is refused on its field, in French.
  await page.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
  await page.getByLabel('Nouveau mot de passe', { exact: false }).first().fill(SECOND);
  await page.getByLabel('Confirmer le nouveau mot de passe').fill(SECOND);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByText('Mot de passe actuel incorrect.')).toBeVisible();

  await page.getByLabel('Mot de passe actuel').fill(FIRST);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByText('Mot de passe changé ; vos autres sessions sont fermées.')).toBeVisible();
  await expect(sessions.getByRole('row')).toHaveCount(2);

  // The other device is signed out; this browser is not; the new password is the one that works.
  expect((await otherDevice.get('/api/auth/me')).status()).toBe(401);
  await otherDevice.dispose();
  expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(200);
  const again = await apiAs(baseURL!, email, SECOND);
  await again.dispose();
});

test('an admin editing their own account sees the role and the disable switch greyed out', async ({ page }) => {
  await page.goto('/');
  await submitLogin(page, DEMO_EMAILS.admin, DEMO_PASSWORD);
  await expect(appBar(page)).toContainText(UI.appName);
  const me = await page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { id: number }).id);
  await page.goto(`/#/staff/${me}`);
  await expect(page.getByText('Vous ne pouvez pas changer votre propre rôle', { exact: false })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Rôle' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByLabel('Compte désactivé')).toBeDisabled();
  await expect(page.getByText('Vous ne pouvez pas désactiver votre propre compte.')).toBeVisible();
});
