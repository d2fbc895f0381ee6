import { useEffect, useRef } from 'react';
import { useRefresh } from 'react-admin';
import type { LiveStatus } from './createLiveClient.ts';
import { useLiveStatus } from './useLiveStatus.ts';

/**
 * True when the live connection is back after a gap (network drop, laptop sleep, server restart).
 * The first connection of a page is not a gap: nothing was loaded before it.
 */
export const cameBackOnline = (previous: LiveStatus, next: LiveStatus) =>
  next === 'online' && (previous === 'reconnecting' || previous === 'offline');

/**
 * After a gap, every query on screen is refetched. Live events cover the reports themselves (the
 * resync replays what was missed), but not what was read beside them — a sector's name, an
 * officer's, a lookup that failed while the server was down and that react-admin would otherwise
 * keep showing as an error.
 */
export const RefetchAfterGap = () => {
  const status = useLiveStatus();
  const previous = useRef(status);
  const refresh = useRefresh(); // react-admin's: invalidates every query, refetching those on screen
  useEffect(() => {
    if (cameBackOnline(previous.current, status)) refresh();
    previous.current = status;
  }, [status, refresh]);
  return null;
};
