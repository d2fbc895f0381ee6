import { appBar, expect, signIn, test } from './fixtures.ts';

// A demo officer no other spec signs in as (README): disabled here, re-enabled before the end.
const KARIM = 'Karim Benali';

test('the admin disables an account after confirming, and the supervisor reads it in words in the audit log', async ({ page, browser }) => {
  await signIn(page, 'admin');
  await page.goto('/#/staff');
  await page.getByRole('link', { name: KARIM }).click();
  await expect(appBar(page)).toContainText(KARIM);

  await page.getByLabel('Compte désactivé').check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const dialog = page.getByRole('dialog', { name: `Désactiver le compte de ${KARIM} ?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Désactiver le compte' }).click();
  await expect(page).toHaveURL(/#\/staff$/);
  await expect(page.getByRole('row', { name: new RegExp(KARIM) })).toContainText('Désactivé');

  const chief = await browser.newPage();
  try {
    await signIn(chief, 'supervisor');
    await chief.goto('/#/audit_log');
    // Supervisors pick the author by name, like admins.
    await chief.getByRole('combobox', { name: 'Agent' }).fill('Garnier');
    await chief.getByRole('option', { name: 'Thomas Garnier' }).click();
    await expect(chief.getByRole('cell', { name: `Compte désactivé : ${KARIM}` }).first()).toBeVisible();
    await expect(chief.getByText('Modification · Comptes agents')).toHaveCount(0);
    // « Concerne » narrows the events to those that can happen to that resource.
    await chief.getByRole('combobox', { name: 'Concerne' }).click();
    await chief.getByRole('option', { name: 'Comptes agents' }).click();
    await chief.getByRole('combobox', { name: 'Événement' }).click();
    await expect(chief.getByRole('option').filter({ hasText: /\S/ })).toHaveText(['Compte créé', 'Compte modifié', 'Rôle du compte changé', 'Mot de passe du compte réinitialisé', 'Compte désactivé', 'Compte réactivé'], { useInnerText: true });
    await chief.keyboard.press('Escape');
  } finally {
    await chief.close();
  }

  // Re-enabling asks nothing: it takes nobody's session away.
  await page.getByRole('link', { name: KARIM }).click();
  await page.getByLabel('Compte désactivé').uncheck();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL(/#\/staff$/);
  await expect(page.getByRole('row', { name: new RegExp(KARIM) })).toContainText('Actif');
});

test('the admin cannot disable or demote their own account: both are greyed out before saving', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/#/staff');
  await page.getByRole('link', { name: 'Thomas Garnier' }).click();
  await expect(page.getByLabel('Compte désactivé')).toBeDisabled();
  await expect(page.getByRole('combobox', { name: /Rôle/ })).toBeDisabled();
});
