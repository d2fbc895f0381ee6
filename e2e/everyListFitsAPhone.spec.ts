import { appBar, expect, type Role, signIn, test, UI } from './fixtures.ts';

/** Every list screen of each role, as its menu opens it. */
const LISTS: Record<Role, string[]> = {
  officer: ['/', '/reports', '/map', '/broadcasts', '/response_templates', '/broadcast_templates', '/neighbourhoods', '/stats'],
  supervisor: ['/audit_log', '/outbox_messages'],
  townhall: ['/', '/members', '/members/review', '/posts', '/banned_words'],
  admin: ['/', '/staff', '/partners', '/audit_log'],
};

/** Screens that are not a table of rows. */
const NOT_TABLES = new Set(['/', '/map', '/stats', '/neighbourhoods']);

// An iPhone 14/15 portrait window: what officers carry on patrol.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

for (const [role, paths] of Object.entries(LISTS) as Array<[Role, string[]]>) {
  test(`every list of the ${role} fits a 390-px phone, sign-out within reach`, async ({ page }) => {
    await signIn(page, role);
    for (const path of paths) {
      await page.goto(`/#${path}`);
      await expect(page.getByRole('progressbar')).toHaveCount(0);
      // Data rows (or the empty state) are on screen: the widest content has been laid out. Measured
      // too early, a table that later widened the page by 17 px passed here and failed in CI.
      await page.waitForLoadState('networkidle').catch(() => undefined);
      if (!NOT_TABLES.has(path)) {
        const laidOut = page.locator('main table tbody tr, main .MuiList-root li, main .RaEmpty-message').or(page.getByText(UI.noResults));
        await expect(laidOut.first(), `${path}: no rows nor empty state`).toBeVisible();
      }
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
          .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length > 0)
          // Leaflet panes and MUI's off-screen drawer sit outside the viewport on purpose.
          .filter((el) => !el.closest('.leaflet-container, .MuiDrawer-root, [aria-hidden="true"]'))
          .slice(-4)
          .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).slice(0, 2).join('.')} right=${Math.round(el.getBoundingClientRect().right)} « ${(el.textContent ?? '').slice(0, 60)} »`);
        return { scroll: document.documentElement.scrollWidth, width, wide };
      });
      // Kept in test-results/ for a look at each list as a phone shows it.
      const shot = test.info().outputPath(`${role}${path === '/' ? '-dashboard' : path.replace(/\//g, '-')}.png`);
      await page.screenshot({ path: shot });
      await test.info().attach(`${role} ${path}`, { path: shot, contentType: 'image/png' });
      expect.soft(overflow.scroll, `${path} scrolls sideways; widest: ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(overflow.width);
      const userMenu = appBar(page).getByRole('button', { name: UI.userMenu });
      await expect.soft(userMenu, `${path}: the user menu (sign-out) is off-screen`).toBeInViewport({ ratio: 1 });
    }
  });
}

test('on a phone the report page names its report in the top bar', async ({ page }) => {
  await signIn(page, 'officer');
  await page.goto('/#/reports');
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await page.goto(`/#/reports/1/show`);
  await expect(appBar(page).getByText(UI.report.title(1))).toBeInViewport();
});
