import type { Page } from '@playwright/test';
import { appBar, expect, expectNoSeriousA11yViolations, holdRequests, liveIndicator, mapList, menuItem, openMap, signIn, test, UI } from './fixtures.ts';

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

test("an officer's reports list still loading names its progress indicators", async ({ page }) => {
  await signIn(page, 'officer');
  // Neighbourhoods held: the app bar's spinner and the rows' neighbourhood cells stay loading.
  const neighbourhoods = await holdRequests(page, /\/api\/neighbourhoods(\?|$)/);
  try {
    await menuItem(page, UI.menu.reports).click();
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    await expect(appBar(page).getByRole('progressbar', { name: UI.loading })).toBeVisible();
    // react-admin's LinearProgress in a ReferenceField, drawn after a second of waiting.
    await expect(page.getByRole('row').nth(1).getByRole('progressbar', { name: UI.loading })).toBeVisible();
    await expectNoSeriousA11yViolations(page, { settled: false });
  } finally {
    await neighbourhoods.release();
  }
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});

test("an officer's map, with a report open beside it, has no serious violation", async ({ page }) => {
  await signIn(page, 'officer');
  await openMap(page);
  await expect(liveIndicator(page)).toBeVisible();
  await expect(mapList(page).getByRole('button').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The side panel holds the triage actions: checked too.
  await mapList(page).getByRole('button').first().click();
  const panel = page.getByRole('region', { name: UI.report.anyTitle });
  await expect(panel.getByRole('heading', { name: UI.report.actions })).toBeVisible();
  await expect(panel.getByRole('status', { name: UI.report.status })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("an officer's form to create a report (phone call, walk-in) has no serious violation", async ({ page }) => {
  await signIn(page, 'officer');
  await openList(page, UI.menu.reports);
  await page.getByRole('link', { name: UI.report.create }).click();
  await expect(page).toHaveURL(/reports\/create/);
  // The point picker's map is loaded lazily: audit the form once it is there.
  await expect(page.getByRole('region', { name: UI.create.mapLabel })).toBeVisible();
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
