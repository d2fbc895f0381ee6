import { expect, liveIndicator, mapRow, openMap, postIntakeReport, signIn, test } from './fixtures.ts';
test('debug tooltip', async ({ page, baseURL }) => {
  await signIn(page, 'officer');
  const map = await openMap(page);
  await expect(liveIndicator(page)).toBeVisible();
  const first = await postIntakeReport(baseURL!, { category: 'vandalism', description: 'a', lat: 48.77612, lng: 2.31873 });
  await expect(mapRow(page, first.id)).toBeVisible();
  await expect(map.locator('.vigie-pulse')).toHaveCount(0, { timeout: 8000 });
  const report = await postIntakeReport(baseURL!, { category: 'vandalism', description: 'b', lat: 48.77612, lng: 2.31873 });
  await expect(mapRow(page, report.id)).toBeVisible();
  const box = (await map.locator('.vigie-pulse').boundingBox())!;
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  console.log('point', point);
  const tooltip = page.getByRole('tooltip');
  for (let i = 0; i < 14; i++) {
    await page.mouse.move(point.x + (i % 2), point.y);
    const text = await tooltip.textContent({ timeout: 1000 }).catch((e) => `ERR ${String(e).slice(0, 80)}`);
    console.log(i, await map.getAttribute('data-drawn'), text, await map.getAttribute('class'));
    if (text && text.includes('signalements')) await page.mouse.wheel(0, -240);
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: '/tmp/tip.png' });
});
