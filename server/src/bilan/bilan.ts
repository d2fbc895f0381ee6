/// <reference path="./pdfmake.d.ts" />
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Sql } from '@vigie/db';
import { outerRing } from '@vigie/db';
import {
  CATEGORY_LABELS_FR,
  PRIORITY_LABELS_FR,
  SOURCE_LABELS_FR,
  STATUS_LABELS_FR,
  type CommuneConfig,
  type FullStats,
  type ReportPriority,
} from '@vigie/shared';
import pdfmake, { type Content, type TableCell, type TDocumentDefinitions } from 'pdfmake';
import { addDays, fullStats } from '../routes/stats/queries.ts';
import { heatMapSvg } from './mapSvg.ts';
import { notableReports, NOTABLE_LIMIT, type NotableReport } from './notable.ts';
import { dayTime, duration, frenchTypography as t, integer, monthLabel, percent, variation } from './typography.ts';

// pdfmake's Node build reads fonts from disk: Roboto ships with it (Latin, accents, « » and —).
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
// The document holds no image or font URL from a request; refuse any the library would fetch.
pdfmake.setUrlAccessPolicy(() => false);
// and read nothing from disk but its own fonts.
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir + path.sep));

/** The first and last days of `2026-11`. */
export function monthPeriod(month: string) {
  const from = `${month}-01`;
  const next = new Date(`${from}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { from, to: addDays(next.toISOString().slice(0, 10), -1) };
}

const header = (...labels: string[]): TableCell[] => labels.map((text) => ({ text: t(text), style: 'th' }));
const table = (widths: Array<string | number>, head: TableCell[], body: TableCell[][]): Content => ({
  table: { headerRows: 1, widths, body: [head, ...(body.length ? body : [[{ text: 'Aucun signalement.', colSpan: head.length, italics: true }, ...head.slice(1).map(() => '')]])] },
  layout: 'lightHorizontalLines',
  margin: [0, 4, 0, 12],
});
const compared = (label: string, now: number, before: number): TableCell[] => [t(label), { text: integer(now), alignment: 'right' }, { text: integer(before), alignment: 'right' }, { text: variation(now, before), alignment: 'right' }];

function notableLine(r: NotableReport): TableCell[] {
  const why = [
    r.priority === 'urgent' ? 'urgent' : null,
    r.status === 'forwarded' ? 'transmis à la Police nationale' : null,
    r.linked ? `incident, ${r.linked} signalement${r.linked > 1 ? 's' : ''} rattaché${r.linked > 1 ? 's' : ''}` : null,
  ].filter(Boolean);
  return [`n°\u00a0${r.id}`, dayTime(r.received_at), t(CATEGORY_LABELS_FR[r.category]), t(r.sector ?? 'Hors secteur'), t(STATUS_LABELS_FR[r.status]), t(why.join(', '))];
}

export function bilanDocument(commune: CommuneConfig, month: string, stats: FullStats, notable: NotableReport[], options: { compress?: boolean } = {}): TDocumentDefinitions {
  const label = monthLabel(month);
  const lastYear = monthLabel(`${Number(month.slice(0, 4)) - 1}${month.slice(4)}`);
  const share = stats.total ? stats.forwarded.count / stats.total : 0;
  const priorities = (p: ReportPriority) => stats.durations.find((d) => d.priority === p)!;
  return {
    compress: options.compress ?? true,
    info: { title: `Bilan mensuel – ${label} – ${commune.name}`, author: `Police municipale de ${commune.name}`, subject: 'Voisins vigilants et solidaires' },
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 4], color: '#1a237e' },
      th: { bold: true, fillColor: '#eceff1' },
      muted: { color: '#546e7a', fontSize: 9 },
    },
    footer: (page: number, pages: number) => ({ text: t(`Bilan de ${label} – page ${page} sur ${pages}`), alignment: 'center', style: 'muted', margin: [0, 20, 0, 0] }),
    content: [
      { text: t(`Police municipale de ${commune.name}`), style: 'muted' },
      { text: t(`Bilan mensuel : ${label}`), style: 'h1' },
      { text: t(`« Voisins vigilants et solidaires » : signalements reçus du ${dayLabel(stats.from)} au ${dayLabel(stats.to)}, comparés à ${lastYear}.`), margin: [0, 0, 0, 8] },

      { text: 'Chiffres clés', style: 'h2' },
      table(['*', 70, 70, 70], header('', label, lastYear, 'Évolution'), [
        compared('Signalements reçus', stats.total, stats.previous_total),
        compared('Transmis à la Police nationale', stats.forwarded.count, stats.forwarded.previous),
      ]),
      { text: t(`Part transmise à la Police nationale : ${percent(share)}.`), margin: [0, 0, 0, 8] },

      { text: 'Par catégorie', style: 'h2' },
      table(['*', 70, 70, 70], header('Catégorie', label, lastYear, 'Évolution'), stats.by_category.map((c) => compared(CATEGORY_LABELS_FR[c.category], c.count, c.previous))),
      { text: 'Par secteur', style: 'h2' },
      table(['*', 70, 70, 70], header('Secteur', label, lastYear, 'Évolution'), stats.by_sector.map((s) => compared(s.name ?? 'Hors secteur', s.count, s.previous))),
      { text: 'Par origine', style: 'h2' },
      table(['*', 70, 70, 70], header('Origine', label, lastYear, 'Évolution'), stats.by_source.map((s) => compared(SOURCE_LABELS_FR[s.source], s.count, s.previous))),

      { text: 'Délais médians', style: 'h2' },
      table(['*', 90, 90], header('Priorité', 'Prise en compte', 'Clôture'), (['urgent', 'high', 'normal', 'low'] as const).map((p) => {
        const d = priorities(p);
        return [t(PRIORITY_LABELS_FR[p]), { text: duration(d.acknowledge_minutes), alignment: 'right' }, { text: duration(d.close_minutes), alignment: 'right' }];
      })),

      { text: 'Carte des signalements', style: 'h2', pageBreak: 'before' },
      { text: t(`Nombre de signalements par carré d'environ 100 m : plus la couleur est foncée, plus il y en a eu.`), style: 'muted' },
      { svg: heatMapSvg(outerRing(commune.boundary), stats.heat, 480, 360), width: 480, margin: [0, 8, 0, 12] },

      { text: 'Faits marquants', style: 'h2' },
      { text: t(`Signalements urgents, transmis à la Police nationale ou regroupés en incident (${notable.length >= NOTABLE_LIMIT ? `les ${NOTABLE_LIMIT} premiers` : 'tous'}).`), style: 'muted' },
      table([45, 85, '*', 70, 75, 90], header('N°', 'Reçu le', 'Catégorie', 'Secteur', 'Statut', 'Motif'), notable.map(notableLine)),
    ],
  };
}

const DAY = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayLabel = (iso: string) => DAY.format(new Date(`${iso}T00:00:00Z`));

/** The monthly « bilan » of `month` (`2026-11`) as PDF bytes. */
export async function renderBilan(sql: Sql, commune: CommuneConfig, month: string, options: { compress?: boolean } = {}): Promise<Buffer> {
  const period = monthPeriod(month);
  const [stats, notable] = await Promise.all([fullStats(sql, period, {}), notableReports(sql, period)]);
  return pdfmake.createPdf(bilanDocument(commune, month, stats, notable, options)).getBuffer();
}
