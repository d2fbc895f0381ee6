/**
 * French typography for printed text: a no-break space before « : ; ! ? » and inside « guillemets »,
 * so that a line never starts with a colon. U+00A0 rather than the narrow U+202F: the PDF's font
 * (Roboto) has no glyph for the narrow one, and Intl's French numbers use it as a thousands
 * separator, so it is replaced there too.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/\u202f/g, '\u00a0')
    .replace(/[ \u00a0]*([:;!?])(?=\s|$)/g, '\u00a0$1')
    .replace(/«[ \u00a0]*/g, '«\u00a0')
    .replace(/[ \u00a0]*»/g, '\u00a0»')
    .replace(/'/g, '’');
}

const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY_TIME = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
const INTEGER = new Intl.NumberFormat('fr-FR');
const PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

/** `2026-11` → « novembre 2026 ». */
export const monthLabel = (month: string) => MONTH.format(new Date(`${month}-01T00:00:00Z`));
/** « 4 novembre à 17:05 », Paris time. */
export const dayTime = (date: Date) => frenchTypography(DAY_TIME.format(date));
export const integer = (n: number) => frenchTypography(INTEGER.format(n));
export const percent = (ratio: number) => frenchTypography(PERCENT.format(ratio));

/** « +12,5 % », « −3 % », « = » ; « nouveau » when there was nothing to compare with. */
export function variation(now: number, before: number): string {
  if (before === 0) return now === 0 ? '=' : 'nouveau';
  const change = (now - before) / before;
  if (change === 0) return '=';
  return frenchTypography(`${change > 0 ? '+' : '−'}${PERCENT.format(Math.abs(change))}`);
}

/** Minutes as « 42 min », « 3 h 05 », « 2 j 4 h ». */
export function duration(minutes: number | null): string {
  if (minutes === null) return '—';
  const m = Math.round(minutes);
  if (m < 60) return `${m}\u00a0min`;
  if (m < 24 * 60) return `${Math.floor(m / 60)}\u00a0h\u00a0${String(m % 60).padStart(2, '0')}`;
  return `${Math.floor(m / 1440)}\u00a0j\u00a0${Math.floor((m % 1440) / 60)}\u00a0h`;
}
