import { expect, expectNoSeriousA11yViolations, menuItem, signIn, test, uniqueTag, UI } from './fixtures.ts';

// Drawing, saving and removing on a shared two-core machine.
test.setTimeout(120_000);

// The commune file's boundary (config/communes/bourg-la-reine.geojson): its bounding box and its eastern vertex.
const COMMUNE = { west: 2.309697914061, east: 2.3258147798433, south: 48.770716717176, north: 48.787997409568 };
const EAST_VERTEX = { lng: 2.3258147798433, lat: 48.781908297526 };

test.describe('supervisor', () => {
  test.use({ loggedInAs: 'supervisor' });

  test('a supervisor draws a new sector on the map, names it, and is told how many reports moved into it', async ({ page, browser }) => {
    // An officer has the sectors page open on another screen: it follows without a reload.
    const colleague = await (await browser.newContext()).newPage();
    await signIn(colleague, 'officer');
    await menuItem(colleague, UI.menu.neighbourhoods).click();
    const colleagueList = colleague.getByRole('list', { name: 'Liste des secteurs' });
    await expect(colleagueList.getByRole('listitem').first()).toBeVisible();

    await page.goto('/');
    await menuItem(page, UI.menu.neighbourhoods).click();
    const map = page.getByRole('region', { name: 'Carte des secteurs' });
    await expect(map).toBeVisible();

    // Tiles never load here: the commune's own outline is what places points on screen.
    const outline = map.locator('path.vigie-commune-boundary');
    await expect(outline).toBeVisible();
    let box = (await outline.boundingBox())!;
    const toScreen = ({ lng, lat }: { lng: number; lat: number }) => ({
      x: box.x + ((lng - COMMUNE.west) / (COMMUNE.east - COMMUNE.west)) * box.width,
      y: box.y + ((COMMUNE.north - lat) / (COMMUNE.north - COMMUNE.south)) * box.height,
    });
    const toMap = ({ x, y }: { x: number; y: number }) => ({
      lng: COMMUNE.west + ((x - box.x) / box.width) * (COMMUNE.east - COMMUNE.west),
      lat: COMMUNE.north - ((y - box.y) / box.height) * (COMMUNE.north - COMMUNE.south),
    });

    // A report just east of the commune, where no seeded sector reaches: it has no sector yet.
    const vertex = toScreen(EAST_VERTEX);
    const outside = toMap({ x: vertex.x + 20, y: vertex.y });
    const report = await page.evaluate(async (point) => {
      const response = await fetch('/api/reports', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ category: 'other', description: 'Dépôt sauvage juste après la limite communale', ...point }),
      });
      return (await response.json()) as { id: number; neighbourhood_id: number | null; out_of_area: boolean };
    }, outside);
    expect(report).toMatchObject({ neighbourhood_id: null, out_of_area: true });

    // Four clicks around the eastern tip of the commune, then the first vertex again to close the outline.
    await page.getByRole('button', { name: 'Nouveau secteur' }).click();
    await expect(page.getByText('Cliquez sur la carte pour placer les sommets', { exact: false })).toBeVisible();
    const corners = [
      { x: vertex.x - 40, y: vertex.y - 45 },
      { x: vertex.x + 50, y: vertex.y - 45 },
      { x: vertex.x + 50, y: vertex.y + 45 },
      { x: vertex.x - 40, y: vertex.y + 45 },
    ];
    for (const corner of corners) await page.mouse.click(corner.x, corner.y);
    await page.mouse.click(corners[0]!.x, corners[0]!.y);
    await expect(page.getByText('Faites glisser les sommets pour ajuster le contour', { exact: false })).toBeVisible();

    let name = `Pointe Est ${uniqueTag()}`;
    await page.getByRole('textbox', { name: 'Nom du secteur' }).fill(name);
    await page.getByRole('button', { name: 'Enregistrer le secteur' }).click();

    // What moved, as the server counted it: our report at least.
    const saved = page.getByRole('status').filter({ hasText: `Secteur « ${name} » enregistré` });
    await expect(saved).toBeVisible();
    const moved = Number(/(\d+) signalements? ont changé de secteur/.exec((await saved.textContent()) ?? '')?.[1]);
    expect(moved).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole('list', { name: 'Liste des secteurs' }).getByText(name, { exact: true })).toBeVisible();
    await expect(colleagueList.getByText(name, { exact: true })).toBeVisible();

    const sectors = await page.evaluate(async () => (await (await fetch('/api/neighbourhoods?range=[0,199]')).json()) as Array<{ id: number; name: string }>);
    const sector = sectors.find((s) => s.name === name)!;
    expect(sector).toBeDefined();
    const after = await page.evaluate(async (id) => (await (await fetch(`/api/reports/${id}`)).json()) as { neighbourhood_id: number | null }, report.id);
    expect(after.neighbourhood_id).toBe(sector.id);
    const shown = await page.evaluate(async (id) => (await (await fetch(`/api/neighbourhoods/${id}`)).json()) as { assigned: { reports: number } }, sector.id);
    expect(shown.assigned.reports).toBe(moved);

    // Inside the commune it lies over a seeded sector: the server's coverage report names the overlap.
    await expect(page.getByRole('list', { name: 'Secteurs qui se chevauchent' }).getByText(name, { exact: false }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // Reshaped by dragging a vertex east, and renamed: the server stores what the map shows.
    await page.getByRole('button', { name: `Modifier le secteur ${name}` }).click();
    await expect(page.getByText('Faites glisser les sommets pour ajuster le contour', { exact: false })).toBeVisible();
    const renamed = `${name} élargie`;
    // Clicking in the list may have scrolled the page: place the vertex from the outline again.
    const northEast = toMap(corners[1]!);
    box = (await outline.boundingBox())!;
    const handle = toScreen(northEast);
    await page.mouse.move(handle.x, handle.y);
    await page.mouse.down();
    await page.mouse.move(handle.x + 30, handle.y, { steps: 5 });
    await page.mouse.up();
    await page.getByRole('textbox', { name: 'Nom du secteur' }).fill(renamed);
    await page.getByRole('button', { name: 'Enregistrer le secteur' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Secteur « ${renamed} » enregistré` })).toBeVisible();
    const reshaped = await page.evaluate(async (id) => (await (await fetch(`/api/neighbourhoods/${id}`)).json()) as { name: string; area: Array<[number, number]> }, sector.id);
    expect(reshaped.name).toBe(renamed);
    expect(Math.max(...reshaped.area.map(([lng]) => lng))).toBeGreaterThan(toMap({ x: handle.x + 15, y: handle.y }).lng);

    // Removing it says beforehand how many reports will leave it, then puts them back out of any sector.
    name = renamed;
    await page.getByRole('button', { name: `Supprimer le secteur ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText(`${moved} signalement${moved > 1 ? 's' : ''} quitteront ce secteur`, { exact: false })).toBeVisible();
    await dialog.getByRole('button', { name: 'Supprimer' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Secteur « ${name} » supprimé` })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Liste des secteurs' }).getByText(name, { exact: true })).toHaveCount(0);
    await expect(colleagueList.getByText(name, { exact: true })).toHaveCount(0);
    await colleague.context().close();
    const back = await page.evaluate(async (id) => (await (await fetch(`/api/reports/${id}`)).json()) as { neighbourhood_id: number | null }, report.id);
    expect(back.neighbourhood_id).toBeNull();
  });

});

test.describe('officer', () => {
  test.use({ loggedInAs: 'officer' });

  test('an officer sees the sectors and their coverage, without any drawing control', async ({ page }) => {
    await menuItem(page, UI.menu.neighbourhoods).click();
    await expect(page.getByRole('region', { name: 'Carte des secteurs' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Liste des secteurs' }).getByRole('listitem').first()).toBeVisible();
    await expect(page.getByText('Couverture de la commune')).toBeVisible();
    await expect(page.getByText('Consultation seule', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nouveau secteur' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Supprimer le secteur / })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Modifier le secteur / })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });
});
