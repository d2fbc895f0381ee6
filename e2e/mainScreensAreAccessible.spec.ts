import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, menuItem, signIn, test, UI } from './fixtures.ts';

/** A list screen reached from the menu, checked once its first rows are drawn. */
async function openList(page: Page, label: string) {
  await menuItem(page, label).click();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
}

test('the login page has no serious accessibility violation', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: UI.signIn })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("an officer's dashboard, reports list and report page have no serious violation", async ({ page }) => {
  await signIn(page, 'officer');
  await expectNoSeriousA11yViolations(page);

  await openList(page, UI.menu.reports);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('row').nth(1).getByRole('cell').first().click();
  await expect(page).toHaveURL(/reports\/\d+/);
  await expect(page.getByRole('main')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the admin's staff list has no serious violation", async ({ page }) => {
  await signIn(page, 'admin');
  await openList(page, UI.menu.staff);
  await expectNoSeriousA11yViolations(page);
});

test("the supervisor's audit log has no serious violation", async ({ page }) => {
  await signIn(page, 'supervisor');
  await openList(page, UI.menu.audit);
  await expectNoSeriousA11yViolations(page);
});
