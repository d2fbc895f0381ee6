import {
  expect,
  expectNotReloaded,
  liveIndicator,
  mapList,
  mapPoints,
  mapRow,
  markNoReload,
  openMap,
  postIntakeReport,
  test,
  uniqueTag,
} from './fixtures.ts';

test.use({ loggedInAs: 'officer' });

/** The promise: an alert is on the officer's map « within a blink ». */
const WITHIN_MS = 2_000;

test("a resident's signed alert appears on the officer's open map within 2 s, without reloading", async ({ page, baseURL }) => {
  const map = await openMap(page);
  await expect(liveIndicator(page)).toBeVisible();
  await expect(mapList(page)).toBeVisible();
  await markNoReload(page);
  const before = await mapPoints(map);

  const tag = uniqueTag();
  const report = await postIntakeReport(baseURL!, {
    category: 'suspicious_vehicle',
    description: `${tag} Fourgon blanc sans plaque arrière qui tourne dans la rue depuis une heure.`,
    address: `${tag} 12 boulevard du Maréchal Joffre, 92340 Bourg-la-Reine`,
  });
  // Every check below shares one budget, counted from the intake's answer.
  const deadline = Date.now() + WITHIN_MS;
  const left = () => ({ timeout: Math.max(1, deadline - Date.now()) });

  // The list beside the map: newest first, so the new row is drawn whatever the demo data.
  const row = mapRow(page, report.id);
  await expect(row).toBeVisible(left());
  await expect(row).toContainText('Véhicule suspect', left());
  await expect(row).toContainText('Nouveau', left());
  await expect(row).toContainText(tag, left());
  // On the canvas: one more point, and the ring that highlights a report that just arrived.
  await expect(map).toHaveAttribute('data-points', String(before + 1), left());
  await expect(map.locator('.vigie-pulse')).toHaveCount(1, left());

  test.info().annotations.push({ type: 'intake → map', description: `${Date.now() - (deadline - WITHIN_MS)} ms` });

  await expect(row).toHaveCount(1);
  await expectNotReloaded(page);
});

test.describe('on a phone', () => {
  // Set before signing in: a window shrunk afterwards opens the sidebar as a modal drawer.
  test.use({ viewport: { width: 390, height: 844 } });

  test('the map and its list fit the screen, a very long alert included', async ({ page, baseURL }) => {
    const tag = uniqueTag();
    const report = await postIntakeReport(baseURL!, {
      category: 'vandalism',
      description: `${tag} ${'Tags et graffitis sur toute la façade de l’école maternelle, côté rue. '.repeat(40)}`,
    });
    await page.goto('/#/map');

    await expect(mapRow(page, report.id)).toBeVisible();
    // The list sits under the map here: its one-line rows must not widen the page to their text.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
