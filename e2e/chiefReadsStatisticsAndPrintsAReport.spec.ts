import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, expectNoSeriousA11yViolations, menuItem, signIn, test, UI } from './fixtures.ts';

test('a supervisor reads the statistics, with every chart also as a table', async ({ page }) => {
  await signIn(page, 'supervisor');
  await menuItem(page, UI.menu.stats).click();
  await expect(page.getByRole('heading', { name: 'Statistiques', level: 1 })).toBeVisible();
  // The demo seed's two months of reports fall in the default twelve weeks.
  const total = page.getByText('Signalements reçus').locator('..').getByRole('paragraph').nth(1);
  await expect(total).toHaveText(/^[1-9][\d\s\u202f]*$/);
  const sectors = page.getByRole('table', { name: 'Signalements par secteur' });
  await expect(sectors.getByRole('row').nth(1)).toBeVisible();

  // Charts arrive with their lazy chunk; each has its figures folded underneath.
  const weekly = page.getByRole('region', { name: 'Signalements par semaine' });
  await expect(weekly).toBeVisible();
  await weekly.getByText('Voir les chiffres en tableau').click();
  await expect(weekly.getByRole('table', { name: 'Signalements par semaine' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('img', { name: /Carte de la commune/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Télécharger le bilan (PDF)' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('an officer prints a report sheet without the menus', async ({ page }) => {
  await signIn(page, 'officer');
  await menuItem(page, UI.menu.reports).click();
  await page.getByRole('row').nth(1).getByRole('cell').first().click();
  await expect(page).toHaveURL(/reports\/\d+/);
  const id = Number(/reports\/(\d+)/.exec(page.url())![1]);
  await page.getByRole('link', { name: 'Imprimer' }).click();
  await expect(page.getByRole('heading', { name: `Fiche de signalement n° ${id}` })).toBeVisible();
  await expect(page.getByRole('img', { name: /Plan de la commune/ })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('listitem').first()).toBeVisible(); // the timeline
  await expectNoSeriousA11yViolations(page);

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'fiche-')), 'fiche.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain(`Fiche de signalement n° ${id}`);
  expect(text).not.toContain('Imprimer cette fiche');
});
