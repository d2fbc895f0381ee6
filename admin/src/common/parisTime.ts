/** The police service works in Paris time, whatever the browser's own time zone. */
export const TIME_ZONE = 'Europe/Paris';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function parisParts(instant: number) {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes Paris is ahead of UTC at that instant (60 in winter, 120 in summer). */
export function parisOffsetMinutes(instant: number): number {
  const p = parisParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `2024-03-08` → the ISO instant that day starts (or, for `end`, its last millisecond) in Paris,
 * which is what the API's `*_gte` / `*_lte` filters compare against. Midnight never falls in a
 * DST gap in France (changes happen at 2 or 3 a.m.), so one correction pass is exact.
 */
export function parisDayBoundary(day: string, edge: 'start' | 'end'): string | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const localMidnight = Date.UTC(y, m - 1, edge === 'start' ? d : d + 1);
  let instant = localMidnight - parisOffsetMinutes(localMidnight) * 60_000;
  instant = localMidnight - parisOffsetMinutes(instant) * 60_000;
  return new Date(edge === 'start' ? instant : instant - 1).toISOString();
}

/** An ISO instant → its calendar day in Paris (`YYYY-MM-DD`), for date inputs. */
export function parisDay(value: string | null | undefined): string {
  if (!value) return '';
  if (DAY.test(value)) return value;
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) return '';
  const p = parisParts(instant);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Dates and times as French (or British) staff read them, in Paris time. */
export const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: TIME_ZONE,
};

export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? '' : new Intl.DateTimeFormat(locale, DATE_TIME_OPTIONS).format(instant);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A `datetime-local` value read as Paris wall-clock time (`2024-03-08T14:05`) → its ISO instant;
 * null when the value is not one. In the autumn's repeated hour the first occurrence wins.
 */
export function parisLocalToIso(value: string): string | null {
  const match = LOCAL.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return null;
  let instant = wall - parisOffsetMinutes(wall) * 60_000;
  instant = wall - parisOffsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString();
}

/** An instant → the Paris wall-clock `datetime-local` value (`2024-03-08T14:05`). */
export function toParisLocal(instant: number | string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  const p = parisParts(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** Just the time (14:05) for today's reports, the date and time otherwise. */
export function formatShortTime(instant: number, locale: string, now = Date.now()): string {
  const sameDay = parisDay(new Date(instant).toISOString()) === parisDay(new Date(now).toISOString());
  const key = `${locale}|${sameDay}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, sameDay ? { timeStyle: 'short', timeZone: TIME_ZONE } : DATE_TIME_OPTIONS);
    timeFormats.set(key, format);
  }
  return format.format(instant);
}
