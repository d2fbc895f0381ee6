import { useContext, useEffect, useRef } from 'react';
import {
  ListContext,
  useDataProvider,
  useRecordContext,
  useRefresh,
  useResourceContext,
  type Identifier,
} from 'react-admin';
import { topicFor } from '@vigie/shared';
import type { LiveDataProvider } from '../providers/dataProvider.ts';
import type { LiveEvent } from './liveEvents.ts';

export type LiveCallback = (event: LiveEvent, unsubscribe: () => void) => void;

/** Subscribe to a topic while mounted (ra-realtime's `useSubscribe`); no topic, no subscription. */
export function useSubscribe(topic: string | undefined, callback: LiveCallback, options: { enabled?: boolean } = {}) {
  const dataProvider = useDataProvider<LiveDataProvider>();
  const callbackRef = useRef(callback);
  useEffect(() => {
    callbackRef.current = callback;
  });
  const enabled = options.enabled ?? true;
  useEffect(() => {
    if (!topic || !enabled) return;
    const listener = (event: LiveEvent) => callbackRef.current(event, unsubscribe);
    const unsubscribe = () => void dataProvider.unsubscribe(topic, listener);
    void dataProvider.subscribe(topic, listener);
    return unsubscribe;
  }, [dataProvider, topic, enabled]);
}

/** Coalesces bursts (a simulator may send dozens of reports a second) into one refetch. */
function useThrottled(action: () => void, delayMs: number) {
  const actionRef = useRef(action);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    actionRef.current = action;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  return () => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      actionRef.current();
    }, delayMs);
  };
}

const REFETCH_DELAY_MS = 200;

/** Events on `resource/<resource>`; by default the surrounding list refetches. */
export function useSubscribeToRecordList(callback?: LiveCallback, resource?: string) {
  const contextResource = useResourceContext();
  const list = useContext(ListContext);
  const refresh = useRefresh();
  const refetch = useThrottled(() => (list?.refetch ? list.refetch() : refresh()), REFETCH_DELAY_MS);
  const name = resource ?? contextResource;
  useSubscribe(name ? topicFor(name) : undefined, callback ?? (() => refetch()));
}

/** Events on `resource/<resource>/<id>`; by default the page refreshes (record and its references). */
export function useSubscribeToRecord(callback?: LiveCallback, resource?: string, recordId?: Identifier) {
  const contextResource = useResourceContext();
  const record = useRecordContext();
  const refresh = useRefresh();
  const refetch = useThrottled(refresh, REFETCH_DELAY_MS);
  const name = resource ?? contextResource;
  const id = recordId ?? record?.id;
  useSubscribe(name && id !== undefined ? topicFor(name, id) : undefined, callback ?? (() => refetch()));
}
