import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

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

/** Visible French strings the specs rely on; admin/src/i18n/fr.ts is their source of truth. */
export const UI = {
  email: /^Adresse e-mail/,
  password: /^Mot de passe/,
  signIn: 'Se connecter',
  signInError: 'E-mail ou mot de passe incorrect.',
  appName: 'Vigie',
  commune: 'Bourg-la-Reine',
  userMenu: 'Profil',
  /** The live indicator's accessible name once the socket is connected. */
  liveOnline: /En direct/,
  signOut: 'Déconnexion',
  menu: {
    dashboard: 'Tableau de bord',
    reports: 'Signalements',
    neighbourhoods: 'Quartiers',
    audit: "Journal d'audit",
    staff: 'Comptes agents',
  },
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
 * without failing. Map tiles never load here, so their pane is skipped.
 */
export async function expectNoSeriousA11yViolations(page: Page, { exclude = [] as string[] } = {}) {
  // Audit the settled screen, not a loading flash: the verdict must not depend on timing.
  await expect(page.getByRole('progressbar')).toHaveCount(0);
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
