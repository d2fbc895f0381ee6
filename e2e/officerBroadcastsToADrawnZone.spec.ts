import type { Response } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, expectNotReloaded, markNoReload, signedInRequest, test, UI, uniqueTag } from './fixtures.ts';
import {
  BROADCAST_UI,
  communeCentre,
  confirmAction,
  fillTexts,
  mailHeaders,
  openComposeForm,
  registerApprovedMember,
  saveDraft,
  statusChip,
} from './broadcasts.ts';
import { mailsTo } from './smtpInbox.ts';

test.use({ loggedInAs: 'officer' });

interface Reach {
  members: number;
  relatives: number;
  sms: number;
  email: number;
}

test('an officer draws a zone, sees its reach, sends, and watches every message go out; the e-mail carries a one-click unsubscribe that works', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const tag = uniqueTag();
  const email = `voisin-${tag.toLowerCase()}@example.test`;
  const subject = `Cambriolages ${tag} : fermez vos volets`;

  // A resident of our own at the point the compose map is centred on: the zone drawn around the
  // middle of the map must reach them.
  const centre = communeCentre();
  let memberId: number;
  const townhall = await signedInRequest(baseURL!, 'townhall');
  try {
    memberId = await registerApprovedMember(townhall, { full_name: `Voisine ${tag}`, email, ...centre });
  } finally {
    await townhall.dispose();
  }

  await openComposeForm(page);
  const reach = page.getByRole('region', { name: BROADCAST_UI.reach });
  await expect(reach.getByText(BROADCAST_UI.reachEmpty)).toBeVisible();
  await fillTexts(page, {
    category: 'Cambriolages',
    title: `Vague de cambriolages ${tag}`,
    sms: `Police municipale : cambriolages signales dans votre quartier (${tag}). Fermez vos volets, appelez le 17.`,
    subject,
    body: `Plusieurs cambriolages ont eu lieu cette semaine près de chez vous (${tag}).\nFermez portes et volets, signalez tout comportement suspect au 17.`,
  });

  // Every reach the server answers, in order: the card must show the latest.
  const previews: Response[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/broadcasts/preview') && response.request().method() === 'POST') previews.push(response);
  });

  // A rectangle of four clicks around the middle of the map, closed on its first corner.
  const map = page.getByRole('region', { name: BROADCAST_UI.zoneMap });
  await expect(map.getByRole('button', { name: BROADCAST_UI.drawPolygon })).toBeVisible();
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  const [cx, cy] = [box.width / 2, box.height / 2];
  const corners = [
    { x: cx - 60, y: cy - 45 },
    { x: cx + 60, y: cy - 45 },
    { x: cx + 60, y: cy + 45 },
    { x: cx - 60, y: cy + 45 },
  ];
  await map.getByRole('button', { name: BROADCAST_UI.drawPolygon }).click();
  for (const position of [...corners, corners[0]!]) await map.click({ position });
  await expect(page.getByText('1 polygone(s), 0 cercle(s)')).toBeVisible();

  // The reach appears once the server has counted the zone, and it is what the server said.
  await expect(reach.getByRole('row', { name: new RegExp(`^${BROADCAST_UI.reachRows.email}`) })).toBeVisible();
  await expect(reach).toHaveAttribute('aria-busy', 'false');
  // Beside the map, not scrolled away: the officer sees the reach change while drawing.
  await expect(reach).toBeInViewport();
  await expect.poll(() => previews.length).toBeGreaterThan(0);
  const last = previews.at(-1)!;
  const sent = last.request().postDataJSON() as { target: { zones: { features: Array<{ geometry: { type: string; coordinates: number[][][] } }> } } };
  // Only what the officer drew: never the commune's boundary or sectors that the map shows under it.
  expect(sent.target.zones.features.map((f) => f.geometry.type)).toEqual(['Polygon']);
  const ring = sent.target.zones.features[0]!.geometry.coordinates[0]!;
  const lngs = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  expect(centre.lng, 'the drawn zone surrounds the centre of the map').toBeGreaterThan(Math.min(...lngs));
  expect(centre.lng).toBeLessThan(Math.max(...lngs));
  expect(centre.lat).toBeGreaterThan(Math.min(...lats));
  expect(centre.lat).toBeLessThan(Math.max(...lats));
  const answer = (await last.json()) as Reach;
  expect(answer.email, 'our resident is in the zone').toBeGreaterThanOrEqual(1);
  // « SMS 47 », not « SMS par message 1 ».
  const cell = (row: string) => reach.getByRole('row', { name: new RegExp(`^${row} \\d+$`) }).getByRole('cell');
  await expect(cell(BROADCAST_UI.reachRows.members)).toHaveText(String(answer.members));
  await expect(cell(BROADCAST_UI.reachRows.email)).toHaveText(String(answer.email));
  await expect(cell(BROADCAST_UI.reachRows.sms)).toHaveText(String(answer.sms));

  await expectNoSeriousA11yViolations(page);

  const id = await saveDraft(page);
  await expect(statusChip(page, BROADCAST_UI.statuses.draft)).toBeVisible();

  // From here on, the page only changes through the live layer: no reload.
  await markNoReload(page);
  await confirmAction(page, BROADCAST_UI.send);
  await expect(page.getByText(BROADCAST_UI.sendDone)).toBeVisible();

  const emailBar = page.getByRole('progressbar', { name: BROADCAST_UI.progress('E-mail') });
  await expect(emailBar).toBeVisible();
  await expect(emailBar).toHaveAccessibleName(BROADCAST_UI.complete('E-mail'), { timeout: 90_000 });
  await expect(emailBar).toHaveAttribute('aria-valuenow', '100');
  if (answer.sms > 0) await expect(page.getByRole('progressbar', { name: BROADCAST_UI.progress('SMS') })).toHaveAccessibleName(BROADCAST_UI.complete('SMS'));
  await expect(statusChip(page, BROADCAST_UI.statuses.sent)).toBeVisible();
  await expectNotReloaded(page);
  // The delivery log names and filters every status: here SMS are kept in the outbox (no SMS
  // provider) and e-mails are sent.
  const log = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Destinataire' }) });
  const showOnly = async (status: string) => {
    await page.getByRole('combobox', { name: 'État' }).click();
    await page.getByRole('option', { name: status, exact: true }).click();
  };
  if (answer.sms > 0) {
    await showOnly('Conservé (sans envoi)');
    await expect(log.getByRole('row').nth(1)).toContainText('SMS');
    await expect(log.getByRole('row').filter({ hasText: 'E-mail' })).toHaveCount(0);
    await expect(log.getByRole('row').filter({ hasNotText: 'Conservé (sans envoi)' })).toHaveCount(1); // the header
  }
  await showOnly('Envoyé');
  await expect(log.getByRole('row').nth(1)).toContainText('E-mail');
  await expect(log.getByRole('row').filter({ hasText: 'SMS' })).toHaveCount(0);
  // The delivery bars are progress bars too (finished ones): wait for the recipients' log instead.
  await expect(page.getByRole('progressbar', { name: UI.loading })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, { settled: false });
  expect(page.url()).toMatch(new RegExp(`#/broadcasts/${id}/show$`));

  // The e-mail reached the SMTP server on loopback, with RFC 8058's one-click unsubscribe.
  // (The resident also got the town hall's approval e-mail: the broadcast is the one with its subject.)
  const broadcastMails = async () => (await mailsTo(email)).filter((mail) => mailHeaders(mail.raw).some((h) => /^Subject:/i.test(h) && h.includes(tag)));
  await expect.poll(async () => (await broadcastMails()).length, { timeout: 30_000 }).toBe(1);
  const [mail] = await broadcastMails();
  const headers = mailHeaders(mail!.raw);
  const unsubscribe = headers.find((h) => /^List-Unsubscribe:/i.test(h));
  expect(unsubscribe, headers.join('\n')).toBeDefined();
  expect(unsubscribe).toContain(`<${baseURL}/`);
  expect(headers).toContainEqual(expect.stringMatching(/^List-Unsubscribe-Post: ?List-Unsubscribe=One-Click$/i));

  // And the one click works as a mail client makes it: a form POST, no session, no Origin.
  const link = unsubscribe!.match(/<(https?:[^>]+)>/)![1]!;
  const clicked = await fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
    signal: AbortSignal.timeout(15_000),
  });
  expect(clicked.status, await clicked.text()).toBe(200);
  const townhallAgain = await signedInRequest(baseURL!, 'townhall');
  try {
    const member = (await (await townhallAgain.get(`/api/members/${memberId!}`)).json()) as { email_opt_out_at: string | null };
    expect(member.email_opt_out_at, 'the resident no longer gets e-mails').not.toBeNull();
  } finally {
    await townhallAgain.dispose();
  }
});
