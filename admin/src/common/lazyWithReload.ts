import { lazy, type ComponentType } from 'react';

/** When this tab last reloaded for a missing chunk: a second failure soon after is not staleness. */
const RELOADED_AT_KEY = 'vigie.chunkReloadAt';
const RELOAD_GUARD_MS = 60_000;

let reloading = false;

/** How Chromium, Firefox, Safari and Vite's CSS preload each say a chunk could not be loaded. */
export const isChunkLoadError = (error: unknown) =>
  error instanceof Error && /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(error.message);

/**
 * After a deploy, the hashed chunks this page knows of are gone: one full reload fetches the new
 * index and its chunks. True when the page is (already) reloading; false when it reloaded for
 * this a moment ago or cannot remember doing so — then the error must surface instead of looping.
 */
export function reloadForNewVersion(now = Date.now()): boolean {
  if (reloading) return true;
  try {
    const last = Number(sessionStorage.getItem(RELOADED_AT_KEY));
    if (last > 0 && Math.abs(now - last) < RELOAD_GUARD_MS) return false;
    sessionStorage.setItem(RELOADED_AT_KEY, String(now));
  } catch {
    return false;
  }
  reloading = true;
  location.reload();
  return true;
}

/** A module loader whose missing chunk reloads the page, staying pending (the Suspense fallback) meanwhile. */
export const withReload =
  <M>(load: () => Promise<M>) =>
  (): Promise<M> =>
    load().catch((error: unknown) => {
      if (isChunkLoadError(error) && reloadForNewVersion()) return new Promise<never>(() => {});
      throw error;
    });

/** `React.lazy` that reloads the page once when its chunk is gone after a deploy. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint
export const lazyWithReload = <T extends ComponentType<any>>(load: () => Promise<{ default: T }>) => lazy(withReload(load));

/**
 * Vite's documented hook for any dynamic import or preload that failed (`vite:preloadError`),
 * lazy pages or not (socket.io-client loads after sign-in). The error still propagates.
 */
export function reloadOnPreloadError(target: EventTarget = window): () => void {
  const listener = () => void reloadForNewVersion();
  target.addEventListener('vite:preloadError', listener);
  return () => target.removeEventListener('vite:preloadError', listener);
}
