import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, menuItem, UI } from './fixtures.ts';

/** Visible French strings of the broadcasts screens; admin/src/i18n/fr.ts is their source of truth. */
export const BROADCAST_UI = {
  new: 'Nouvelle diffusion',
  save: 'Enregistrer',
  category: 'Catégorie',
  title: 'Titre',
  smsText: 'Texte du SMS',
  emailSubject: 'Objet de l’e-mail',
  emailBody: 'Texte de l’e-mail',
  targetCommune: 'Toute la commune',
  communeNeedsApproval: 'Une diffusion à toute la commune doit être validée par un autre chef de poste avant l’envoi.',
  zoneMap: 'Carte de la commune : zones de la diffusion',
  lineMap: 'Carte de la commune : tracé de la route fermée',
  drawLine: 'Dessiner des polylignes',
  drawPolygon: 'Dessiner des polygones',
  reach: 'Portée',
  reachEmpty: 'Choisissez les destinataires et au moins un canal pour voir la portée.',
  reachRows: { members: 'Voisins vigilants', sms: 'SMS', email: 'E-mails' },
  statuses: { draft: 'Brouillon', pending: 'En attente de validation', sending: 'En cours d’envoi', sent: 'Envoyée' },
  send: 'Envoyer',
  approve: 'Valider l’envoi',
  confirm: 'Confirmer',
  cancel: 'Annuler la diffusion',
  noDeliveryYet: 'Aucun message envoyé pour l’instant.',
  sendDone: 'Diffusion lancée.',
  submitted: 'Diffusion à toute la commune : elle attend la validation d’un chef de poste, rien n’est encore parti.',
  approveDone: 'Diffusion validée : l’envoi commence.',
  /** A channel's progress bar is named « E-mail : 12 envoyés sur 12 (100 %) · … ». */
  progress: (channel: 'SMS' | 'E-mail') => new RegExp(`^${channel} : `),
  complete: (channel: 'SMS' | 'E-mail') => new RegExp(`^${channel} : \\d+ envoyés sur \\d+ \\(100 %\\)`),
} as const;

/** The middle of the commune's bounding box: where the compose map, fitted to the commune, is centred. */
export function communeCentre(): { lat: number; lng: number } {
  const file = path.resolve(import.meta.dirname, '../config/communes/bourg-la-reine.geojson');
  const geojson = JSON.parse(readFileSync(file, 'utf8')) as { features: Array<{ geometry: { coordinates: number[][][] } }> };
  const ring = geojson.features[0]!.geometry.coordinates[0]!;
  const lats = ring.map((p) => p[1]!);
  const lngs = ring.map((p) => p[0]!);
  // Leaflet centres the projected (Mercator) bounds: at this size the difference is under a metre.
  return { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lng: (Math.min(...lngs) + Math.max(...lngs)) / 2 };
}

/**
 * A resident registered at the town hall's desk at a given point and approved, through the town
 * hall's own session (`api`): someone a broadcast may reach. Returns the member's id.
 */
export async function registerApprovedMember(
  api: APIRequestContext,
  member: { full_name: string; email: string; lat: number; lng: number },
): Promise<number> {
  const created = await api.post('/api/members', {
    data: {
      kind: 'self',
      full_name: member.full_name,
      address: '12 boulevard Carnot, 92340 Bourg-la-Reine',
      email: member.email,
      channels: ['email'],
      lat: member.lat,
      lng: member.lng,
      consent: { version: 'e2e', accepted: true },
    },
  });
  expect(created.status(), `desk registration: ${await created.text()}`).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const approved = await api.post(`/api/members/${id}/approve`);
  expect(approved.status(), `approval: ${await approved.text()}`).toBe(200);
  return id;
}

/** « Diffusions » → « Nouvelle diffusion »: the compose form, with its reach card. */
export async function openComposeForm(page: Page) {
  await menuItem(page, UI.menu.broadcasts).click();
  await page.getByRole('link', { name: BROADCAST_UI.new }).click();
  await expect(page).toHaveURL(/#\/broadcasts\/create$/);
  await expect(page.getByRole('textbox', { name: BROADCAST_UI.title })).toBeVisible();
}

/** The texts of a broadcast, for both channels (the form's default). */
export async function fillTexts(page: Page, texts: { category: string; title: string; sms: string; subject: string; body: string }) {
  await page.getByRole('combobox', { name: BROADCAST_UI.category }).click();
  await page.getByRole('option', { name: texts.category, exact: true }).click();
  await page.getByRole('textbox', { name: BROADCAST_UI.title }).fill(texts.title);
  await page.getByRole('textbox', { name: BROADCAST_UI.smsText }).fill(texts.sms);
  await page.getByRole('textbox', { name: BROADCAST_UI.emailSubject }).fill(texts.subject);
  await page.getByRole('textbox', { name: BROADCAST_UI.emailBody }).fill(texts.body);
}

/** « Enregistrer » on the compose form; resolves on the new broadcast's page, returning its id. */
export async function saveDraft(page: Page): Promise<number> {
  await page.getByRole('button', { name: BROADCAST_UI.save }).click();
  await expect(page).toHaveURL(/#\/broadcasts\/\d+\/show$/);
  return Number(page.url().match(/#\/broadcasts\/(\d+)\/show$/)![1]);
}

/** A button of the broadcast page that asks for confirmation (« Envoyer », « Valider l’envoi »), confirmed. */
export async function confirmAction(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.getByRole('button', { name: BROADCAST_UI.confirm }).click();
  await expect(dialog).toHaveCount(0);
}

/** The status chip of the broadcast page, by what it says. */
export const statusChip = (page: Page, status: string) => page.getByRole('main').getByText(status, { exact: true });

/** The raw header section of an e-mail, folded lines joined: one header per line. */
export function mailHeaders(raw: string): string[] {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  return head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
}
