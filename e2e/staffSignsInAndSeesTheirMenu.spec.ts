import { appBar, expect, mapRegion, type Role, ROLES, signIn, test, UI } from './fixtures.ts';

/** The whole sidebar menu of each role, nothing more (order aside). */
const MENU: Record<Role, (keyof typeof UI.menu)[]> = {
  officer: ['dashboard', 'map', 'reports', 'broadcasts', 'stats', 'templates', 'broadcastTemplates', 'neighbourhoods', 'membersMap'],
  supervisor: ['dashboard', 'map', 'reports', 'broadcasts', 'stats', 'templates', 'broadcastTemplates', 'neighbourhoods', 'audit', 'outbox', 'membersMap'],
  townhall: ['dashboard', 'broadcasts', 'stats', 'neighbourhoods', 'reviewQueue', 'members', 'posts', 'bannedWords', 'outbox', 'membersMap'],
  admin: ['dashboard', 'staff', 'partners', 'audit', 'neighbourhoods', 'membersMap'],
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

for (const role of ['townhall', 'admin'] as const) {
  test(`the ${role} opening the map by its address is told it is not theirs, without failed requests`, async ({ page }) => {
    await signIn(page, role);
    const refused: string[] = [];
    page.on('response', (response) => response.status() === 403 && refused.push(response.url()));

    await page.goto('/#/map');

    await expect(page.getByText(UI.accessDenied)).toBeVisible();
    await expect(mapRegion(page)).toHaveCount(0);
    expect(refused, 'the map asked for reports this role may not read').toEqual([]);
  });
}
