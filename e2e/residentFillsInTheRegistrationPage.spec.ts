import { expect, expectNoSeriousA11yViolations, test } from './fixtures.ts';

// The page is reached from a QR code on the town's leaflet: phones first.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('the registration page loads without the dashboard and is accessible', async ({ page }) => {
  await page.goto('/inscription');
  await expect(page.getByRole('heading', { name: 'Inscription' })).toBeVisible();
  await expect(page).toHaveTitle(/Inscription/);
  // No react-admin, no MUI: the dashboard's bundle is not loaded here.
  const scripts = await page.locator('script[src]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('src')));
  expect(scripts.every((src) => src?.includes('/assets/inscription-'))).toBe(true);
  await expectNoSeriousA11yViolations(page);
});

test('a resident sees what is missing, field by field, before anything is sent', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/public/')) sent.push(request.url());
  });
  await page.goto('/inscription');
  await page.getByRole('button', { name: "M'inscrire" }).click();

  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Le formulaire contient des erreurs');
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Nom et prénom')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Nom et prénom')).toHaveAccessibleDescription('Ce champ est obligatoire.');
  await expect(page.getByRole('checkbox', { name: "J'ai lu ce texte et je donne mon accord" })).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page);

  // SMS stays off until a mobile number is typed.
  const sms = page.getByRole('checkbox', { name: 'Par SMS' });
  await expect(sms).toBeDisabled();
  await page.getByLabel(/^Téléphone mobile/).fill('06 12');
  await expect(sms).toBeEnabled();

  // A senior's relatives: each checked under its own number.
  await page.getByRole('radio', { name: /Pour une personne âgée/ }).check();
  await page.getByRole('button', { name: 'Ajouter un proche' }).click();
  const second = page.getByRole('group', { name: 'Proche n° 2' });
  await second.getByLabel('Nom et prénom').fill('Lise Bernard');
  await page.getByRole('button', { name: "M'inscrire" }).click();
  await expect(page.getByLabel(/^Téléphone mobile/).first()).toHaveAccessibleDescription(/Numéro de téléphone invalide/);
  await expect(second.getByLabel('Nom et prénom')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(second.getByLabel(/^Lien avec la personne/)).toHaveAccessibleDescription('Ce champ est obligatoire.');
  await expect(page.getByRole('alert')).toContainText('Proche n° 2 — Lien : Ce champ est obligatoire.');

  expect(sent).toEqual([]);
});

test('the honeypot is out of reach of people and assistive technologies', async ({ page }) => {
  await page.goto('/inscription');
  const trap = page.locator('#website');
  await expect(trap).toHaveAttribute('tabindex', '-1');
  await expect(page.getByRole('textbox', { name: 'Site web' })).toHaveCount(0);
  const box = await trap.boundingBox();
  expect(box === null || box.x + box.width <= 0).toBe(true);
});

test('opening a confirmation or unsubscribe link sends nothing until the button is pressed', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/public/')) sent.push(request.method());
  });
  await page.goto('/inscription/confirmer?token=abc');
  await expect(page.getByRole('button', { name: 'Confirmer mon inscription' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto('/desabonnement?token=abc&channel=sms');
  await expect(page.getByText('ne plus recevoir les alertes par SMS')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Me désinscrire' })).toBeVisible();
  await page.goto('/inscription/confirmer');
  await expect(page.getByRole('alert')).toContainText('Ce lien est incomplet');
  expect(sent).toEqual([]);
});
