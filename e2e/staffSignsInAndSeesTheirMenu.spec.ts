import { appBar, expect, type Role, ROLES, signIn, test, UI } from './fixtures.ts';

/** The whole sidebar menu of each role, nothing more (order aside). */
const MENU: Record<Role, (keyof typeof UI.menu)[]> = {
  officer: ['dashboard', 'map', 'reports', 'templates', 'neighbourhoods'],
  supervisor: ['dashboard', 'map', 'reports', 'templates', 'neighbourhoods', 'audit'],
  townhall: ['dashboard', 'neighbourhoods'],
  admin: ['dashboard', 'staff', 'partners', 'audit', 'neighbourhoods'],
};

for (const role of ROLES) {
  test(`the ${role} signs in and sees the French shell with exactly their menu`, async ({ page }) => {
    await signIn(page, role);

    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(appBar(page)).toContainText(UI.appName);
    await expect(appBar(page)).toContainText(UI.commune);

    const expected = MENU[role].map((entry) => UI.menu[entry]).sort();
    // Polled: menu entries appear once permissions load, so a first read may be short.
    await expect
      .poll(async () => (await page.getByRole('menuitem').allInnerTexts()).map((t) => t.trim()).sort())
      .toEqual(expected);
  });
}
