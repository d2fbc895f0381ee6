import { DEMO_EMAILS, expect, submitLogin, test, UI } from './fixtures.ts';

test('a wrong password shows the generic error and stays on the login page', async ({ page }) => {
  await page.goto('/');
  await submitLogin(page, DEMO_EMAILS.officer, 'not-the-password');

  const error = page.getByRole('alert').filter({ hasText: UI.signInError });
  await expect(error).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: UI.signIn })).toBeVisible();
  await expect(page.getByLabel(UI.password)).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
});

test('an unknown e-mail shows the very same error, so accounts cannot be guessed', async ({ page }) => {
  await page.goto('/');
  await submitLogin(page, 'personne@vigie.test', 'not-the-password');

  await expect(page.getByRole('alert').filter({ hasText: UI.signInError })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
