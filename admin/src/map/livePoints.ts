import type { Report } from '@vigie/shared';
import { matchesFilters, type MapFilters } from './mapFilters.ts';
import type { PointStore } from './pointStore.ts';

/** A report to pulse on the map; `key` only grows, so the layer plays each pulse once. */
export interface Pulse {
  id: number;
  key: number;
}

/** A live record held while the points load, to be replayed onto what the load returns. */
export interface HeldRecord {
  record: Report;
  created: boolean;
}

const PULSES_KEPT = 20;

/** One live record onto a store: whether its rows changed, and whether the report is new to it. */
export function applyLiveRecord(store: PointStore, record: Report, filters: MapFilters, now: number) {
  if (!matchesFilters(record, filters, now)) return { changed: store.remove(record.id), added: false };
  const result = store.upsert(record);
  return { changed: result !== 'unchanged', added: result === 'added' };
}

/**
 * Replays the records held during a load onto its result; returns the created reports to pulse.
 * A creation pulses even when the fetch already had the report (the two raced) — nobody saw it
 * arrive — but once, however many events it had meanwhile, and only if it is on the map.
 */
export function replayHeld(store: PointStore, held: readonly HeldRecord[], filters: MapFilters, now: number): number[] {
  const created = new Set<number>();
  for (const { record, created: isCreation } of held) {
    applyLiveRecord(store, record, filters, now);
    if (isCreation) created.add(record.id);
  }
  return [...created].filter((id) => store.row(id) !== undefined);
}

/** Appends pulses for these reports, keeping only the last few. */
export function withPulses(current: readonly Pulse[], ids: readonly number[]): Pulse[] {
  if (ids.length === 0) return current as Pulse[];
  let key = current.at(-1)?.key ?? 0;
  return [...current, ...ids.map((id) => ({ id, key: ++key }))].slice(-PULSES_KEPT);
}
