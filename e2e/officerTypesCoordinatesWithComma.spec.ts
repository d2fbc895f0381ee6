import { expect, expectNoSeriousA11yViolations, test, uniqueTag, UI } from './fixtures.ts';

test.use({ loggedInAs: 'officer' });
// A long form filled key by key on a shared two-core machine.
test.setTimeout(120_000);

test('an officer types coordinates with a French comma, and sees what is wrong before saving', async ({ page }) => {
  await page.goto('/#/reports/create');
  await expect(page.getByRole('region', { name: UI.create.mapLabel })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nouveau signalement', level: 1 })).toBeVisible();

  // Nothing filled: each required field says so under itself.
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Choisissez une catégorie.')).toBeVisible();
  await expect(page.getByText('Décrivez ce qui s’est passé.')).toBeVisible();
  await expect(page.getByText('Placez le point sur la carte.').first()).toBeVisible();

  const lat = page.getByRole('textbox', { name: 'Latitude' });
  const lng = page.getByRole('textbox', { name: 'Longitude' });
  await lat.fill('abc');
  await expect(page.getByText('Nombre décimal attendu, par exemple 48,7794.')).toBeVisible();
  await expect(lat).toHaveValue('abc');
  await expect(page.getByText('NaN')).toHaveCount(0);

  // Typed key by key, as an officer would: the comma survives.
  await lat.fill('');
  await lat.pressSequentially('48,7794');
  await lng.pressSequentially('2,3162');
  await expect(lat).toHaveValue('48,7794');
  await expect(lng).toHaveValue('2,3162');
  await expect(page.getByText('Nombre décimal attendu, par exemple 48,7794.')).toHaveCount(0);

  // A date in the future is refused on its field.
  const occurred = page.getByLabel('Survenu le');
  await occurred.fill('2099-01-01T10:00');
  await occurred.blur();
  await expect(page.getByText('La date ne peut pas être dans le futur.')).toBeVisible();
  await occurred.fill('');

  const tag = uniqueTag();
  await page.getByRole('combobox', { name: 'Catégorie' }).click();
  await page.getByRole('option', { name: 'Vandalisme' }).click();
  await page.getByRole('textbox', { name: 'Description' }).fill(`Tag sur la vitrine de la boulangerie ${tag}`);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page).toHaveURL(/#\/reports\/\d+\/show$/);
  await expect(page.getByText(/Signalement n° \d+ enregistré\./)).toBeVisible();
  const id = Number(/reports\/(\d+)\/show/.exec(page.url())![1]);
  const report = await page.evaluate(async (reportId) => (await (await fetch(`/api/reports/${reportId}`)).json()) as { lat: number; lng: number }, id);
  expect(report.lat).toBeCloseTo(48.7794, 4);
  expect(report.lng).toBeCloseTo(2.3162, 4);
});
