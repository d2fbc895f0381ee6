import {
  DEMO_NAMES,
  expect,
  expectNotReloaded,
  liveIndicator,
  mapRow,
  markNoReload,
  openMap,
  postIntakeReport,
  sidePanel,
  signIn,
  test,
  UI,
  uniqueTag,
} from './fixtures.ts';

test('an officer on the map sees, live, that the supervisor has the same report open and acknowledged it', async ({ browser, baseURL }) => {
  const tag = uniqueTag();
  const report = await postIntakeReport(baseURL!, {
    category: 'abusive_canvassing',
    description: `${tag} Deux hommes se présentant comme agents du gaz insistent pour entrer chez les personnes âgées.`,
    address: `${tag} 5 rue Jean-Roger Thorelle, 92340 Bourg-la-Reine`,
  });

  // Two people, two browsers: separate contexts share no cookie and no socket.
  const officerContext = await browser.newContext();
  const supervisorContext = await browser.newContext();
  try {
    const officer = await officerContext.newPage();
    const supervisor = await supervisorContext.newPage();
    await signIn(officer, 'officer');
    await signIn(supervisor, 'supervisor');

    // The officer opens the report from the list beside the map…
    await openMap(officer);
    await expect(liveIndicator(officer)).toBeVisible();
    await mapRow(officer, report.id).click();
    const panel = sidePanel(officer, report.id);
    await expect(panel.getByRole('button', { name: UI.report.acknowledge })).toBeVisible();
    await markNoReload(officer);

    // …the supervisor opens its page.
    await expect(liveIndicator(supervisor)).toBeVisible();
    await supervisor.goto(`/#/reports/${report.id}/show`);
    await expect(supervisor.getByRole('heading', { name: UI.report.title(report.id) })).toBeVisible();
    const acknowledge = supervisor.getByRole('button', { name: UI.report.acknowledge, exact: true });
    await expect(acknowledge).toBeVisible();

    // Who is on it: each sees the other, so that two people do not act on the same alert.
    await expect(panel.getByText(UI.report.viewing(DEMO_NAMES.supervisor))).toBeVisible();
    await expect(supervisor.getByText(UI.report.viewing(DEMO_NAMES.officer))).toBeVisible();

    await acknowledge.click();
    await expect(supervisor.getByRole('status', { name: UI.report.status })).toHaveText(UI.statuses.acknowledged);
    // The button pressed is gone with the old status: keyboard focus lands on the actions, not the page body.
    await expect(supervisor.getByRole('group', { name: UI.report.actions })).toBeFocused();

    // The officer's panel follows without a reload: new status, and the next step offered instead.
    await expect(panel.getByRole('status', { name: UI.report.status })).toHaveText(UI.statuses.acknowledged);
    await expect(panel.getByRole('button', { name: UI.report.sendPatrol })).toBeVisible();
    await expect(panel.getByRole('button', { name: UI.report.acknowledge, exact: true })).toHaveCount(0);
    await expectNotReloaded(officer);

    // Presence ends when the supervisor leaves the report.
    await supervisor.close();
    await expect(panel.getByText(UI.report.viewing(DEMO_NAMES.supervisor))).toHaveCount(0);

    // Back on the list, the row carries the new status too.
    await panel.getByRole('button', { name: UI.map.closePanel }).click();
    await expect(mapRow(officer, report.id)).toContainText(UI.statuses.acknowledged);
  } finally {
    await officerContext.close();
    await supervisorContext.close();
  }
});
