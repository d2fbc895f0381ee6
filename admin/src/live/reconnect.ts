const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * Wait before retry number `attempt` (from 0): doubling from 1 s to at most 30 s, the lower half
 * of it random so that every tab of a restarted server does not come back in the same instant.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Calls `retry` when trying again at once is worth it: network back, or the tab shown again. */
export function onBrowserWake(retry: () => void): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => undefined;
  const onVisibility = () => {
    if (document.visibilityState === 'visible') retry();
  };
  window.addEventListener('online', retry);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('online', retry);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

/** « Hors ligne » only when the browser knows it has no network; otherwise it is trying. */
export const waitingStatus = (): 'offline' | 'reconnecting' =>
  typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'reconnecting';
