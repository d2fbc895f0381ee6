import { DEMO_NAMES, expect, expectNotReloaded, markNoReload, signIn, test, uniqueTag } from './fixtures.ts';
import { BROADCAST_UI, confirmAction, fillTexts, openComposeForm, saveDraft, statusChip } from './broadcasts.ts';

test.use({ loggedInAs: 'officer' });

test('a broadcast to the whole commune waits for a supervisor who is not its author, then goes out', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const tag = uniqueTag();
  const title = `Coupure d’eau générale ${tag}`;

  // The officer composes it for the whole commune: the form says it needs a chief.
  await openComposeForm(page);
  await fillTexts(page, {
    category: 'Information',
    title,
    sms: `Police municipale : coupure d'eau dans toute la commune demain de 8h a 12h (${tag}).`,
    subject: `Coupure d’eau demain matin ${tag}`,
    body: `L’eau sera coupée dans toute la commune demain de 8 h à 12 h (${tag}).`,
  });
  await page.getByRole('radio', { name: BROADCAST_UI.targetCommune }).check();
  await expect(page.getByText(BROADCAST_UI.communeNeedsApproval)).toBeVisible();
  const reach = page.getByRole('region', { name: BROADCAST_UI.reach });
  await expect(reach.getByRole('row', { name: new RegExp(`^${BROADCAST_UI.reachRows.members} \\d+$`) })).toBeVisible();
  const id = await saveDraft(page);

  // « Envoyer » only submits it: nothing leaves, and the officer cannot approve it.
  await confirmAction(page, BROADCAST_UI.send);
  await expect(page.getByText(BROADCAST_UI.submitted)).toBeVisible();
  await expect(statusChip(page, BROADCAST_UI.statuses.pending)).toBeVisible();
  await expect(page.getByText(BROADCAST_UI.noDeliveryYet)).toBeVisible();
  await expect(page.getByRole('button', { name: BROADCAST_UI.approve })).toHaveCount(0);
  await expect(page.getByRole('button', { name: BROADCAST_UI.cancel })).toBeVisible();
  // The officer keeps the page open: the chief's decision must show up on it by itself.
  await markNoReload(page);

  // The chief, in a browser session of their own, finds it waiting and approves it.
  const chiefContext = await browser.newContext({ baseURL: baseURL! });
  try {
    const chief = await chiefContext.newPage();
    await signIn(chief, 'supervisor');
    await chief.goto(`/#/broadcasts?filter=${encodeURIComponent(JSON.stringify({ status: 'pending_approval' }))}`);
    await chief.getByRole('row', { name: new RegExp(title) }).click();
    await expect(chief).toHaveURL(new RegExp(`#/broadcasts/${id}/show$`));
    await expect(chief.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(statusChip(chief, BROADCAST_UI.statuses.pending)).toBeVisible();
    await confirmAction(chief, BROADCAST_UI.approve);
    await expect(chief.getByText(BROADCAST_UI.approveDone)).toBeVisible();
    await expect(chief.getByRole('button', { name: BROADCAST_UI.approve })).toHaveCount(0);

    // The officer's page follows: approved by the chief, then sent to everyone.
    await expect(page.getByRole('main').getByText(DEMO_NAMES.supervisor, { exact: true })).toBeVisible();
    const emailBar = page.getByRole('progressbar', { name: BROADCAST_UI.progress('E-mail') });
    await expect(emailBar).toHaveAccessibleName(BROADCAST_UI.complete('E-mail'), { timeout: 120_000 });
    await expect(page.getByRole('progressbar', { name: BROADCAST_UI.progress('SMS') })).toHaveAccessibleName(BROADCAST_UI.complete('SMS'));
    await expect(statusChip(page, BROADCAST_UI.statuses.sent)).toBeVisible();
    await expectNotReloaded(page);

    // Four eyes, the other way round: the chief's own citywide broadcast waits for another chief.
    const api = chief.request;
    const headers = { Origin: baseURL! };
    const created = await api.post('/api/broadcasts', {
      headers,
      data: {
        category: 'information',
        title: `Message du chef ${tag}`,
        channels: ['email'],
        email_subject: `Message du chef ${tag}`,
        email_body: 'Réunion publique du réseau jeudi à 19 h en mairie.',
        target: { commune: true },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const own = ((await created.json()) as { id: number }).id;
    const submitted = await api.post(`/api/broadcasts/${own}/send`, { headers, data: {} });
    expect(submitted.status(), await submitted.text()).toBe(200);
    expect(((await submitted.json()) as { status: string }).status).toBe('pending_approval');
    await chief.goto(`/#/broadcasts/${own}/show`);
    await expect(chief.getByRole('heading', { level: 1, name: `Message du chef ${tag}` })).toBeVisible();
    await expect(statusChip(chief, BROADCAST_UI.statuses.pending)).toBeVisible();
    await expect(chief.getByRole('button', { name: BROADCAST_UI.cancel })).toBeVisible();
    await expect(chief.getByRole('button', { name: BROADCAST_UI.approve })).toHaveCount(0);
    // Not only hidden: the server refuses it too.
    const selfApproval = await api.post(`/api/broadcasts/${own}/approve`, { headers, data: {} });
    expect(selfApproval.status()).toBe(403);
    // Left waiting, it would sit in every later run's list: withdraw it.
    expect((await api.post(`/api/broadcasts/${own}/cancel`, { headers, data: {} })).status()).toBe(200);
  } finally {
    await chiefContext.close();
  }
});
