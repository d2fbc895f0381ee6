import type { Page } from '@playwright/test';
import {
  expect,
  liveIndicator,
  mapRow,
  menuItem,
  openMap,
  postIntakeReport,
  sidePanel,
  signIn,
  test,
  UI,
} from './fixtures.ts';

const DESCRIPTION = '<img src=x onerror=alert(1)>';
const ADDRESS = '<b>gras</b>';

/** Everything that would betray markup taking effect: dialogs, CSP reports, a request for `x`. */
function watchForInjection(page: Page) {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/x')) seen.push(`request: ${request.url()}`);
  });
  return {
    /** Violations the page itself reported, collected from its very first script on. */
    async check(where: string) {
      const violations = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? null);
      expect(violations, 'the CSP listener was not installed').not.toBeNull();
      expect([...seen, ...violations!.map((v) => `securitypolicyviolation: ${v}`)], `markup took effect (${where})`).toEqual([]);
      await expect(page.locator('img[src="x"]'), `an <img src="x"> exists (${where})`).toHaveCount(0);
      await expect(page.locator('b', { hasText: 'gras' }), `a <b> element exists (${where})`).toHaveCount(0);
    },
  };
}

test("a resident's text that looks like HTML is shown as text on the map, in its tooltip, the lists and the report", async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = list;
    document.addEventListener('securitypolicyviolation', (event) => {
      list.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} ${event.sample}`);
    });
  });
  const injection = watchForInjection(page);
  await signIn(page, 'officer');
  const map = await openMap(page);
  await expect(liveIndicator(page)).toBeVisible();

  // East of the centre, where neither the demo's last 24 hours nor the other specs put a report:
  // its marker stands alone in the map's first view, not in a cluster.
  const report = await postIntakeReport(baseURL!, {
    category: 'vandalism',
    description: DESCRIPTION,
    address: ADDRESS,
    lat: 48.7805,
    lng: 2.322,
  });

  // The list beside the map shows the address (the place of the report) as typed.
  const row = mapRow(page, report.id);
  await expect(row).toContainText(ADDRESS);

  // The tooltip of its marker: the marker is on a canvas, found through the ring that highlights
  // a new report (centred on it).
  const pulse = map.locator('.vigie-pulse');
  await expect(pulse).toHaveCount(1);
  const box = (await pulse.boundingBox())!;
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const tooltip = page.getByRole('tooltip');
  let nudge = 0;
  await expect(async () => {
    // One move per try: Leaflet's canvas ignores a mousemove that comes within 32 ms of the last,
    // and the marker may be drawn a moment after the ring (its index is rebuilt at most every 0.8 s).
    nudge = 1 - nudge;
    await page.mouse.move(point.x + nudge, point.y);
    const text = await tooltip.textContent({ timeout: 1_000 }).catch(() => null);
    expect(text, "the tooltip under the new report's marker (a cluster's? then another report is too close)").toContain(`n° ${report.id} · `);
  }).toPass({ timeout: 15_000, intervals: [500] });
  await expect(tooltip).toContainText(DESCRIPTION);
  await expect(tooltip).toContainText(ADDRESS);
  await injection.check('map list and tooltip');

  // The side panel: description and address as text.
  await row.click();
  const panel = sidePanel(page, report.id);
  await expect(panel.getByText(DESCRIPTION, { exact: true })).toBeVisible();
  await expect(panel.getByText(ADDRESS, { exact: true })).toBeVisible();
  await injection.check('side panel');

  // The reports list and the report's own page.
  await menuItem(page, UI.menu.reports).click();
  const listRow = page.getByRole('row').filter({ hasText: DESCRIPTION });
  await expect(listRow).toHaveCount(1);
  await expect(listRow).toContainText(ADDRESS);
  await injection.check('reports list');

  await listRow.getByRole('link', { name: UI.report.title(report.id) }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/${report.id}/show`));
  await expect(page.getByRole('main').getByText(DESCRIPTION, { exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByText(ADDRESS, { exact: true })).toBeVisible();
  await injection.check('report page');
});
