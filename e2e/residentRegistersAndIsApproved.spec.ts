import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, menuItem, signIn, test, UI, uniqueTag } from './fixtures.ts';
import { linkInMailTo } from './smtpInbox.ts';

/** A street of the offline geocoder's list (db/seeds/streets.ts) that runs through one sector only. */
const ADDRESS = '5 rue des Bas-Coquarts, 92340 Bourg-la-Reine';
const SECTOR = 'Bas-Coquarts';
const PHONE = { width: 390, height: 844 };

/** The sector's count in the members map's table (the numbers behind the colours). */
async function sectorCount(page: Page): Promise<number> {
  await page.goto('/#/members-map');
  const table = page.getByRole('table', { name: 'Nombre de membres par secteur' });
  const row = table.getByRole('row', { name: new RegExp(`^${SECTOR}`) });
  await expect(row.getByRole('cell')).not.toHaveText('—');
  return Number(await row.getByRole('cell').innerText());
}

test('a resident registers on a phone, confirms from the e-mail, is approved, and the sector counts one more member', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const tag = uniqueTag();
  const name = `Jeanne Vigilante ${tag}`;
  const email = `resident-${tag.toLowerCase()}@example.test`;

  await signIn(page, 'townhall');
  const before = await sectorCount(page);

  // The resident, on a phone, from the QR code on the leaflet.
  const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'fr-FR', baseURL: test.info().project.use.baseURL });
  const resident = await phone.newPage();
  await resident.goto('/inscription');
  await expectNoSeriousA11yViolations(resident);
  await resident.getByLabel('Nom et prénom').fill(name);
  await resident.getByLabel(/^Adresse postale/).fill(ADDRESS);
  await resident.getByLabel(/^Adresse e-mail/).fill(email);
  await resident.getByRole('checkbox', { name: "J'ai lu ce texte et je donne mon accord" }).check();
  await resident.getByRole('button', { name: "M'inscrire" }).click();
  await expect(resident.getByRole('heading', { name: 'Vérifiez votre boîte mail' })).toBeVisible();

  // The link comes from the e-mail actually delivered to the SMTP server on loopback.
  let link: string | null = null;
  await expect
    .poll(async () => (link = await linkInMailTo(email, /https?:\/\/[^\s"<>]+\/inscription\/confirmer\?token=[^\s"<>]+/)), { timeout: 60_000 })
    .not.toBeNull();
  const confirmations: string[] = [];
  resident.on('request', (request) => request.url().includes('/api/public/confirmations') && confirmations.push(request.method()));
  await resident.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(resident.getByRole('button', { name: 'Confirmer mon inscription' })).toBeVisible();
  expect(confirmations, 'opening the link must not confirm (mail scanners prefetch links)').toEqual([]);
  await resident.getByRole('button', { name: 'Confirmer mon inscription' }).click();
  await expect(resident.getByRole('heading', { name: 'Inscription confirmée' })).toBeVisible();
  expect(confirmations).toEqual(['POST']);
  await phone.close();

  // The town hall finds the registration in its queue, with its checks, and approves it.
  await page.goto('/');
  await menuItem(page, UI.menu.reviewQueue).click();
  // The seeded queue is long and oldest first: the clerk searches for the resident by name.
  await page.getByRole('textbox', { name: 'Rechercher un membre (nom, e-mail, téléphone, n°)' }).fill(tag);
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await expect(row.getByText('Dans la commune')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await row.getByRole('button', { name: `Valider ${name}` }).click();
  await expect(page.getByText('Inscription validée : le résident est prévenu.')).toBeVisible();
  await expect(row).toHaveCount(0);

  await expect.poll(() => sectorCount(page), { timeout: 30_000 }).toBe(before + 1);
});
