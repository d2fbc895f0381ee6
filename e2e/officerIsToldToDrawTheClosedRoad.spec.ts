import { expect, test, uniqueTag } from './fixtures.ts';
import { BROADCAST_UI, fillTexts, openComposeForm } from './broadcasts.ts';

test.use({ loggedInAs: 'officer' });

test('a road-closure broadcast saved without its road or its zone says, in French, what to draw', async ({ page }) => {
  const tag = uniqueTag();
  await openComposeForm(page);
  await fillTexts(page, {
    category: 'Route fermée',
    title: `Avenue fermée ${tag}`,
    sms: `Police municipale : avenue fermee a la circulation demain (${tag}).`,
    subject: `Avenue fermée demain ${tag}`,
    body: `L’avenue sera fermée à la circulation demain (${tag}).`,
  });
  const lineMap = page.getByRole('region', { name: BROADCAST_UI.lineMap });
  await expect(lineMap.getByRole('button', { name: BROADCAST_UI.drawLine })).toBeVisible();

  await page.getByRole('button', { name: BROADCAST_UI.save }).click();
  const lineMissing = page.getByRole('alert').filter({ hasText: 'Tracez la route fermée sur la carte.' });
  await expect(lineMissing).toBeVisible();
  await expect(page.getByText('Dessinez au moins une zone sur la carte.')).toBeVisible();
  // Neither an i18n key nor react-admin's wrapping of it reaches the screen.
  await expect(page.getByText(/vigie\.broadcasts\.|@@react-admin@@/)).toHaveCount(0);
  await expect(page).toHaveURL(/#\/broadcasts\/create$/);

  // Drawing the road (three clicks, finished on the last point) answers it.
  await lineMap.scrollIntoViewIfNeeded();
  const box = (await lineMap.boundingBox())!;
  const points = [
    { x: box.width / 2 - 50, y: box.height / 2 - 20 },
    { x: box.width / 2, y: box.height / 2 },
    { x: box.width / 2 + 50, y: box.height / 2 + 20 },
  ];
  await lineMap.getByRole('button', { name: BROADCAST_UI.drawLine }).click();
  for (const position of [...points, points.at(-1)!]) await lineMap.click({ position });
  await expect(lineMissing).toHaveCount(0);
});
