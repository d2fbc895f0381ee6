import { DEMO_EMAILS, DEMO_PASSWORD, expect, postIntakeReport, submitLogin, test, uniqueTag, UI, appBar } from './fixtures.ts';

// Two sign-ins and a dozen steps on a shared two-core machine.
test.setTimeout(120_000);

test('forwarding to the Police nationale asks for confirmation and the reference; the chief reopens it with a reason', async ({ page, baseURL }) => {
  const tag = uniqueTag();
  const report = await postIntakeReport(baseURL!, { description: `Rodéo de motos sur le parking ${tag}` });

  await page.goto('/');
  await submitLogin(page, DEMO_EMAILS.officer, DEMO_PASSWORD);
  await expect(appBar(page)).toContainText(UI.appName);
  await page.goto(`/#/reports/${report.id}/show`);
  const actions = page.getByRole('group', { name: UI.report.actions });
  await expect(actions.getByRole('status', { name: UI.report.status })).toHaveText('Nouveau');
  // One way to change the status: the buttons; the triage form has no status selector any more.
  await expect(page.getByRole('combobox', { name: UI.report.status })).toHaveCount(0);

  // Cancelling leaves the report as it was.
  await actions.getByRole('button', { name: 'Transmettre à la Police nationale' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transmettre à la Police nationale ?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(actions.getByRole('status', { name: UI.report.status })).toHaveText('Nouveau');

  await actions.getByRole('button', { name: 'Transmettre à la Police nationale' }).click();
  await dialog.getByLabel('Référence de la Police nationale').fill('MC 2026/4512');
  await dialog.getByRole('button', { name: 'Transmettre', exact: true }).click();
  await expect(actions.getByRole('status', { name: UI.report.status })).toHaveText('Transmis à la Police nationale');
  await expect(page.getByText('Référence Police nationale : MC 2026/4512')).toBeVisible();
  // An officer cannot reopen.
  await expect(actions.getByRole('button', { name: 'Rouvrir' })).toHaveCount(0);

  // The chief can, with a reason written on the timeline.
  await page.getByRole('button', { name: /Profil/ }).click();
  await page.getByRole('menuitem', { name: UI.signOut }).click();
  await submitLogin(page, DEMO_EMAILS.supervisor, DEMO_PASSWORD);
  await expect(appBar(page)).toContainText(UI.appName);
  await page.goto(`/#/reports/${report.id}/show`);
  await actions.getByRole('button', { name: 'Rouvrir' }).click();
  const reopen = page.getByRole('dialog', { name: 'Rouvrir le signalement' });
  await reopen.getByLabel('Motif de la réouverture').fill('La Police nationale nous renvoie l’affaire.');
  await reopen.getByRole('button', { name: 'Rouvrir le signalement' }).click();
  await expect(actions.getByRole('status', { name: UI.report.status })).toHaveText('Pris en compte');
  await expect(page.getByText('La Police nationale nous renvoie l’affaire.')).toBeVisible();
});
