import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { Viewer } from '@vigie/shared';
import type { LiveDataProvider } from '../providers/dataProvider.ts';
import { lockTopic } from './liveEvents.ts';
import { useSubscribe } from './useSubscribe.ts';

/** ra-realtime's `useLockOnMount`: this view holds the record (presence) while it is mounted. */
export function useLockOnMount(resource: string, id: number | undefined) {
  const dataProvider = useDataProvider<LiveDataProvider>();
  useEffect(() => {
    if (id === undefined) return;
    void dataProvider.lock(resource, { id });
    return () => void dataProvider.unlock(resource, { id });
  }, [dataProvider, resource, id]);
}

interface PresenceRecord {
  report_id: number;
  viewers: Viewer[];
}

/** ra-realtime's `useGetLockLive`: who has this record open, kept up to date. */
export function useGetLockLive(resource: string, { id }: { id: number | undefined }): Viewer[] {
  const dataProvider = useDataProvider<LiveDataProvider>();
  const [viewers, setViewers] = useState<Viewer[]>([]);
  useEffect(() => {
    setViewers([]);
    if (id === undefined) return;
    let mounted = true;
    void dataProvider.getLock(resource, { id }).then(({ data }) => mounted && setViewers(data));
    return () => {
      mounted = false;
    };
  }, [dataProvider, resource, id]);
  useSubscribe(id === undefined ? undefined : lockTopic(resource, id), (event) => {
    setViewers((event.payload.record as PresenceRecord).viewers);
  });
  return viewers;
}

/** ra-realtime's `useGetLocksLive`: every record someone has open, by id, kept up to date. */
export function useGetLocksLive(resource: string): ReadonlyMap<number, Viewer[]> {
  const dataProvider = useDataProvider<LiveDataProvider>();
  const [locks, setLocks] = useState<ReadonlyMap<number, Viewer[]>>(new Map());
  useEffect(() => {
    let mounted = true;
    void dataProvider.getLocks(resource).then(({ data }) => {
      if (mounted) setLocks(new Map(data.map(({ recordId, viewers }) => [recordId, viewers])));
    });
    return () => {
      mounted = false;
    };
  }, [dataProvider, resource]);
  useSubscribe(lockTopic(resource), (event) => {
    const { report_id, viewers } = event.payload.record as PresenceRecord;
    setLocks((current) => {
      const next = new Map(current);
      if (viewers.length) next.set(report_id, viewers);
      else next.delete(report_id);
      return next;
    });
  });
  return locks;
}
