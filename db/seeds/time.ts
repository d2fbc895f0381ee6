/**
 * Times of day are Paris wall-clock times whatever the machine's time zone, so that "burglaries
 * between 10 h and 17 h" holds on a CI runner in UTC too, and two runs agree.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const ZONE = 'Europe/Paris';
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

export function parisWallClock(date: Date): WallClock {
  const values: Record<string, number> = {};
  for (const part of parts.formatToParts(date)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const year = values.year ?? 1970;
  const month = values.month ?? 1;
  const day = values.day ?? 1;
  return { year, month, day, hour: values.hour ?? 0, minute: values.minute ?? 0, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

/** Offset of Paris from UTC at that instant, in milliseconds (+1 h in winter, +2 h in summer). */
function parisOffset(date: Date): number {
  const c = parisWallClock(date);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, date.getUTCSeconds(), date.getUTCMilliseconds());
  return asUtc - date.getTime();
}

/** The instant at which Paris clocks show that date and time. */
export function parisTime(year: number, month: number, day: number, hour: number, minute: number): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const first = naive - parisOffset(new Date(naive));
  // Near a DST change the offset at the guess may differ from the offset at the answer.
  return new Date(naive - parisOffset(new Date(first)));
}

/** "vers 14 h 30", rounded to five minutes, as a resident would write it. */
export function aroundTime(date: Date): string {
  const c = parisWallClock(date);
  const total = Math.round((c.hour * 60 + c.minute) / 5) * 5;
  const hour = Math.floor(total / 60) % 24;
  const minute = total % 60;
  return minute === 0 ? `vers ${hour} h` : `vers ${hour} h ${String(minute).padStart(2, '0')}`;
}
