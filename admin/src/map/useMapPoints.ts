import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { topicFor, type Report } from '@vigie/shared';
import type { LiveEvent } from '../live/liveEvents.ts';
import { useSubscribe } from '../live/useSubscribe.ts';
import type { LiveDataProvider } from '../providers/dataProvider.ts';
import { applyLiveRecord, replayHeld, withPulses, type HeldRecord, type Pulse } from './livePoints.ts';
import { pointsFilter, type MapFilters } from './mapFilters.ts';
import { PointStore, parsePointsPayload } from './pointStore.ts';

/** Relative windows slide: reload now and then so that old reports leave the map. */
const SLIDE_REFRESH_MS = 5 * 60_000;

export interface MapPoints {
  store: PointStore;
  /** Bumped whenever the store's rows change (the cluster index is rebuilt). */
  version: number;
  status: 'loading' | 'ready' | 'error';
  /** Full records seen live: fresher than any fetch, and they carry the description. */
  records: ReadonlyMap<number, Report>;
  /** Reports that arrived since the page opened, to pulse on the map. */
  pulses: ReadonlyArray<Pulse>;
  reload: () => void;
}

/**
 * The map's points: fetched whole for the filters, then kept current by live events. Events that
 * arrive while a fetch is in flight are replayed onto its result, so none is lost to the race (and
 * the reports created meanwhile pulse when it lands); a gap the live layer could not fill (an
 * event without a record) reloads everything.
 */
export function useMapPoints(filters: MapFilters): MapPoints {
  const dataProvider = useDataProvider<LiveDataProvider>();
  const [store, setStore] = useState(() => PointStore.empty());
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<MapPoints['status']>('loading');
  const [pulses, setPulses] = useState<Pulse[]>([]);
  const [reloads, setReloads] = useState(0);
  const records = useRef(new Map<number, Report>());
  const pending = useRef<HeldRecord[] | null>(null);
  const storeRef = useRef(store);
  storeRef.current = store;
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const filterKey = JSON.stringify(filters);

  useEffect(() => {
    const controller = new AbortController();
    // Records held for a load that was just cancelled are replayed onto this one instead.
    pending.current ??= [];
    setStatus((current) => (current === 'ready' ? current : 'loading'));
    performance.mark('vigie:map:fetch');
    dataProvider
      .getReportPoints(pointsFilter(filters, Date.now()), controller.signal)
      .then((payload) => {
        // A load overtaken by another must not consume the records held for the new one.
        if (controller.signal.aborted) return;
        performance.mark('vigie:map:points');
        const next = new PointStore(parsePointsPayload(payload));
        const arrived = replayHeld(next, pending.current ?? [], filtersRef.current, Date.now());
        pending.current = null;
        setStore(next);
        setVersion((v) => v + 1);
        setStatus('ready');
        setPulses((current) => withPulses(current, arrived));
      })
      .catch(() => {
        if (controller.signal.aborted) return;
        pending.current = null;
        setStatus('error');
      });
    const timer = filters.window === 'custom' ? undefined : setInterval(reload, SLIDE_REFRESH_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataProvider, filterKey, reloads]);

  useSubscribe(topicFor('reports'), (event: LiveEvent) => {
    const record = event.payload.record as Report | undefined;
    if (!record || typeof record.id !== 'number') return reload();
    records.current.set(record.id, record);
    if (pending.current) return void pending.current.push({ record, created: event.type === 'created' });
    const { changed, added } = applyLiveRecord(storeRef.current, record, filtersRef.current, Date.now());
    if (changed) setVersion((v) => v + 1);
    if (added && event.type === 'created') setPulses((current) => withPulses(current, [record.id]));
  });

  return { store, version, status, records: records.current, pulses, reload };
}
