import {
  expect,
  expectNotReloaded,
  liveIndicator,
  mapPoints,
  mapRow,
  markNoReload,
  openMap,
  postIntakeReport,
  test,
  UI,
  uniqueTag,
} from './fixtures.ts';
import { testServer } from './testServer.ts';

test.use({ loggedInAs: 'officer' });

test('the open map catches up after a server restart: the report posted meanwhile appears once, and the map is live again', async ({ page, baseURL }) => {
  // Stopping and starting the real server takes a while on a busy two-core machine.
  test.setTimeout(240_000);
  const map = await openMap(page);
  await expect(liveIndicator(page)).toBeVisible();
  await markNoReload(page);
  const initial = await mapPoints(map);

  // One report seen live first, so that the page has a last event to resume from.
  const tag = uniqueTag();
  const before = await postIntakeReport(baseURL!, {
    category: 'burglary_attempt',
    description: `${tag} Porte d'entrée forcée, personne à l'intérieur, voisins absents.`,
    address: `${tag} 8 rue Ravon, 92340 Bourg-la-Reine`,
  });
  await expect(mapRow(page, before.id)).toBeVisible();
  await expect(map).toHaveAttribute('data-points', String(initial + 1));

  // The page's reconnection attempts are held until the report below is posted, so it surely
  // lands after the restart and before the page is connected again.
  let attempts = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const isSocket = (url: URL) => url.pathname.startsWith('/socket.io/');
  await page.route(isSocket, async (route) => {
    attempts++;
    await released;
    await route.continue().catch(() => {}); // an attempt the client gave up on meanwhile
  });

  let meanwhile;
  try {
    await testServer.stop();
    await expect(liveIndicator(page, UI.liveReconnecting)).toBeVisible();
    await testServer.start();
    await expect.poll(() => attempts, { message: 'the page never tried to reconnect' }).toBeGreaterThan(0);
    meanwhile = await postIntakeReport(baseURL!, {
      category: 'suspicious_person',
      description: `${tag} Homme qui relève les numéros des boîtes aux lettres, capuche relevée.`,
      address: `${tag} 21 avenue du Général Leclerc, 92340 Bourg-la-Reine`,
    });
    await expect(liveIndicator(page, UI.liveReconnecting)).toBeVisible();
    await expect(mapRow(page, meanwhile.id)).toHaveCount(0);
  } finally {
    release();
    await page.unroute(isSocket);
    // Whatever happened above, the specs after this one need a server.
    await testServer.start();
  }

  // Connected again: the missed report is on the map, once; the one seen before is still there, once.
  await expect(liveIndicator(page)).toBeVisible({ timeout: 60_000 });
  await expect(mapRow(page, meanwhile.id)).toHaveCount(1);
  await expect(mapRow(page, meanwhile.id)).toContainText(tag);
  await expect(mapRow(page, before.id)).toHaveCount(1);
  await expect(map).toHaveAttribute('data-points', String(initial + 2));

  // And live again: a report posted now arrives as usual. By then the catch-up is long done, so
  // nothing it brought can still turn up a second time.
  const after = await postIntakeReport(baseURL!, {
    category: 'vandalism',
    description: `${tag} Abribus brisé, éclats de verre sur le trottoir.`,
    address: `${tag} 2 place Condorcet, 92340 Bourg-la-Reine`,
  });
  await expect(mapRow(page, after.id)).toBeVisible();
  await expect(map).toHaveAttribute('data-points', String(initial + 3));
  for (const { id } of [before, meanwhile, after]) await expect(mapRow(page, id)).toHaveCount(1);
  await expectNotReloaded(page);
});
