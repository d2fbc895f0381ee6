import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, request, type APIRequestContext, type Locator, type Page, type Route } from '@playwright/test';
import { signedHeaders } from '../server/src/routes/intake/signature.ts';

export { expect };

/** Mirrors `ROLES` in @vigie/shared (not a dependency of this package). */
export type Role = 'officer' | 'supervisor' | 'townhall' | 'admin';
export const ROLES: readonly Role[] = ['officer', 'supervisor', 'townhall', 'admin'];

/** Seeded by the server when VIGIE_DEMO=1. */
export const DEMO_PASSWORD = 'vigie-demo';
export const DEMO_EMAILS: Record<Role, string> = {
  officer: 'agent@vigie.test',
  supervisor: 'chef@vigie.test',
  townhall: 'mairie@vigie.test',
  admin: 'admin@vigie.test',
};

/** Mirrors `DEMO_ACCOUNTS` in db/seeds/staff.ts: the names presence shows. */
export const DEMO_NAMES: Record<Role, string> = {
  officer: 'Julien Marchand',
  supervisor: 'Claire Dubois',
  townhall: 'Sophie Lemaire',
  admin: 'Thomas Garnier',
};

/** Visible French strings the specs rely on; admin/src/i18n/fr.ts is their source of truth. */
export const UI = {
  email: /^Adresse e-mail/,
  password: /^Mot de passe/,
  signIn: 'Se connecter',
  signInError: 'E-mail ou mot de passe incorrect.',
  appName: 'Vigie',
  commune: 'Bourg-la-Reine',
  userMenu: 'Profil',
  /** react-admin's empty filtered list. */
  noResults: /^Aucun résultat/,
  /** The live indicator's accessible name once the socket is connected, and while it is not. */
  liveOnline: /En direct/,
  liveReconnecting: /Reconnexion…/,
  /** The accessible name of every progress indicator shown while data loads. */
  loading: 'Chargement…',
  signOut: 'Déconnexion',
  /** react-admin's page for a screen the role may not open. */
  accessDenied: 'Non autorisé',
  menu: {
    dashboard: 'Tableau de bord',
    map: 'Carte',
    reports: 'Signalements',
    stats: 'Statistiques',
    templates: 'Modèles de réponse',
    neighbourhoods: 'Secteurs',
    audit: 'Journal d’audit',
    staff: 'Comptes agents',
    partners: 'Partenaires',
    reviewQueue: 'Inscriptions à valider',
    members: 'Membres',
    posts: 'Annonces',
    outbox: 'Messages envoyés',
    membersMap: 'Carte des membres',
    broadcasts: 'Diffusions',
    broadcastTemplates: 'Modèles de diffusion',
    bannedWords: 'Mots signalés',
  },
  map: {
    /** The Leaflet container (a named region) and the list of reports in view beside it. */
    label: 'Carte des signalements',
    list: /dans la zone affichée$/,
    closePanel: 'Fermer le signalement et revenir à la liste',
  },
  report: {
    title: (id: number) => `Signalement n° ${id}`,
    anyTitle: /^Signalement n° \d+$/,
    /** Start of a map list row's name: « n° 12 · Cambriolage … ». */
    number: (id: number) => new RegExp(`^n° ${id} · `),
    acknowledge: 'Prendre en compte',
    sendPatrol: 'Envoyer une patrouille',
    status: 'Statut',
    actions: 'Traitement',
    create: 'Créer',
    viewing: (name: string) => `${name} consulte ce signalement`,
  },
  statuses: { new: 'Nouveau', acknowledged: 'Pris en compte' },
  create: { mapLabel: 'Carte pour placer le signalement' },
} as const;

/** The login form, filled and submitted; resolves once the submit is sent (success or not). */
export async function submitLogin(page: Page, email: string, password: string) {
  if (!/\/login/.test(page.url())) await page.goto('/');
  await page.getByLabel(UI.email).fill(email);
  await page.getByLabel(UI.password).fill(password);
  await page.getByRole('button', { name: UI.signIn }).click();
}

/** The app bar of the signed-in shell. */
export const appBar = (page: Page) => page.getByRole('banner');

/** The sidebar menu: react-admin renders each entry as a `menuitem` link. */
export const menuItem = (page: Page, name: string) => page.getByRole('menuitem', { name, exact: true });

/** Sign in through the login page as a demo account and wait for the shell. */
export async function signIn(page: Page, role: Role) {
  await page.goto('/');
  await expect(page.getByRole('button', { name: UI.signIn })).toBeVisible();
  await submitLogin(page, DEMO_EMAILS[role], DEMO_PASSWORD);
  await expect(appBar(page)).toContainText(UI.appName);
}

interface Options {
  /** `test.use({ loggedInAs: 'officer' })` gives every test of the file a signed-in `page`. */
  loggedInAs: Role | undefined;
}

export const test = base.extend<Options>({
  loggedInAs: [undefined, { option: true }],
  page: async ({ page, loggedInAs }, use) => {
    if (loggedInAs) await signIn(page, loggedInAs);
    await use(page);
  },
});

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Run axe (WCAG 2.1 A and AA rules) on the settled page and fail on any `serious` or `critical`
 * violation, listing each with the elements involved. The failure is soft, so a test that audits
 * several screens reports all of them. Minor and moderate violations are attached to the report
 * without failing. Map tiles never load here, so their pane is skipped. `settled: false` audits
 * the screen as it is, for a test that holds a request to audit the loading state on purpose.
 */
export async function expectNoSeriousA11yViolations(page: Page, { exclude = [] as string[], settled = true } = {}) {
  // Audit the settled screen, not a loading flash: the verdict must not depend on timing.
  if (settled) await expect(page.getByRole('progressbar')).toHaveCount(0);
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA).exclude('.leaflet-tile-pane');
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  await test.info().attach(`axe ${new URL(page.url()).pathname}${new URL(page.url()).hash}`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = blocking
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
  // Soft: a spec checking several screens reports every one of them, then fails.
  expect.soft(blocking.length, `Serious accessibility violations on ${page.url()}:\n${report}`).toBe(0);
}

/**
 * Hold the browser's requests to `url` until `release()`, so a loading state stays on screen as
 * long as a test needs it. Release before the test ends.
 */
export async function holdRequests(page: Page, url: RegExp) {
  let open!: () => void;
  const released = new Promise<void>((resolve) => (open = resolve));
  const pending: Promise<void>[] = [];
  const handler = (route: Route) => {
    const answered = released.then(() => route.continue());
    pending.push(answered);
    return answered;
  };
  await page.route(url, handler);
  return {
    async release() {
      open();
      // Unrouting while a handler still holds its request would let Playwright answer it first.
      await Promise.all(pending);
      await page.unroute(url, handler);
    },
  };
}

/** The partner `vvs-demo`, seeded in demo mode only (README, « Intake for partners »). */
export const DEMO_PARTNER = { id: 'vvs-demo', secret: 'vigie-demo-partner-secret' } as const;

/** Near the centre of Bourg-la-Reine: inside the commune and in the map's first view. */
export const IN_COMMUNE = { lat: 48.7794, lng: 2.3162 } as const;

export interface IntakeFields {
  external_id: string;
  category: 'burglary' | 'burglary_attempt' | 'abusive_canvassing' | 'suspicious_vehicle' | 'suspicious_person' | 'vandalism' | 'road_hazard' | 'other';
  description: string;
  lat: number;
  lng: number;
  address?: string;
}

export interface IntakeAnswer {
  id: number;
  status: string;
  received_at: string;
}

/** A short random tag, to find a spec's own reports among the demo data. */
export const uniqueTag = () => `E2E-${randomBytes(3).toString('hex')}`;

/**
 * The residents' platform posting an alert: `POST /api/intake/reports` signed as the demo partner
 * over the exact bytes sent, from the test process (no browser, no session). Expects a 201.
 */
export async function postIntakeReport(baseURL: string, fields: Partial<IntakeFields> = {}): Promise<IntakeAnswer> {
  const body = JSON.stringify({
    external_id: `e2e-${randomBytes(8).toString('hex')}`,
    category: 'other',
    description: 'Lampadaires éteints dans toute la rue depuis hier soir.',
    ...IN_COMMUNE,
    ...fields,
  });
  const response = await fetch(new URL('/api/intake/reports', baseURL), {
    method: 'POST',
    headers: signedHeaders(DEMO_PARTNER.id, DEMO_PARTNER.secret, body),
    body,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  expect(response.status, `POST /api/intake/reports answered ${response.status}: ${text}`).toBe(201);
  return JSON.parse(text) as IntakeAnswer;
}

/** The live indicator in the app bar, by what it says. */
export const liveIndicator = (page: Page, state: RegExp = UI.liveOnline) => page.getByRole('status', { name: state });

/**
 * « Carte » from the menu; resolves once the map page's own points are loaded and drawn. The
 * dashboard has a map too, with the same name: wait for the page's list first, or the dashboard's
 * map (still there for a moment after the click) would pass for it.
 */
export async function openMap(page: Page): Promise<Locator> {
  await menuItem(page, UI.menu.map).click();
  await expect(page).toHaveURL(/#\/map$/);
  await expect(mapList(page)).toBeVisible();
  const map = mapRegion(page);
  await expect(map).toHaveAttribute('data-map-state', 'ready');
  return map;
}

/** The Leaflet container: `data-points` (reports on the map) and `data-drawn` (layers drawn). */
export const mapRegion = (page: Page) => page.getByRole('region', { name: UI.map.label, exact: true });

/** Reports on the map, as `data-points` says. */
export async function mapPoints(map: Locator): Promise<number> {
  return Number(await map.getAttribute('data-points'));
}

/** The list beside the map and one report's row in it (rows are buttons that open the side panel). */
export const mapList = (page: Page) => page.getByRole('list', { name: UI.map.list });
export const mapRow = (page: Page, id: number) => mapList(page).getByRole('button', { name: UI.report.number(id) });

/** The report opened beside the map. */
export const sidePanel = (page: Page, id: number) => page.getByRole('region', { name: UI.report.title(id), exact: true });

/**
 * A demo account's own session outside the browser (a colleague acting meanwhile, or setting up
 * data): an API context signed in through `/api/auth/login`, sending the Origin the CSRF check
 * wants. Dispose of it when done.
 */
export async function signedInRequest(baseURL: string, role: Role): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  const answer = await api.post('/api/auth/login', { data: { email: DEMO_EMAILS[role], password: DEMO_PASSWORD } });
  expect(answer.status(), `sign-in as ${role}: ${await answer.text()}`).toBe(200);
  return api;
}

/** Set on the window: still there at the end means the page was never reloaded. */
export async function markNoReload(page: Page) {
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
}

export async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload), 'the page was reloaded').toBe(true);
}
