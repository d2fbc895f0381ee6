import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const missingChunk = () => new TypeError('Failed to fetch dynamically imported module: https://vigie.example/assets/MapPage-3f9a1c.js');

/** A fresh module per test: it remembers, for the page's life, that a reload is under way. */
async function freshModule() {
  vi.resetModules();
  return import('./lazyWithReload.ts');
}

/** Yields to pending promise callbacks, so a loader that should stay pending can be told apart. */
const settled = async <T,>(promise: Promise<T>) => Promise.race([promise.then(() => 'resolved', () => 'rejected'), new Promise((done) => setTimeout(() => done('pending'), 10))]);

describe('reload on a chunk gone after a deploy', () => {
  let storage: Map<string, string>;
  let reload: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    storage = new Map();
    reload = vi.fn();
    vi.stubGlobal('sessionStorage', { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) });
    vi.stubGlobal('location', { reload });
  });
  afterEach(() => void vi.unstubAllGlobals());

  it('reloads the page once and keeps the page waiting instead of showing an error', async () => {
    const { withReload } = await freshModule();
    const load = withReload(() => Promise.reject(missingChunk()));
    expect(await settled(load())).toBe('pending');
    expect(await settled(load())).toBe('pending');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('lets the error through when the page reloaded for it a moment ago, so it never loops', async () => {
    storage.set('vigie.chunkReloadAt', String(Date.now() - 5_000));
    const { withReload } = await freshModule();
    await expect(withReload(() => Promise.reject(missingChunk()))()).rejects.toThrow(/dynamically imported module/);
    expect(reload).not.toHaveBeenCalled();
  });

  it('reloads again for a later deploy', async () => {
    storage.set('vigie.chunkReloadAt', String(Date.now() - 10 * 60_000));
    const { withReload } = await freshModule();
    expect(await settled(withReload(() => Promise.reject(missingChunk()))())).toBe('pending');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does not reload for an error that is not a missing chunk, nor without a way to remember it', async () => {
    const { withReload, reloadForNewVersion } = await freshModule();
    await expect(withReload(() => Promise.reject(new ReferenceError('x is not defined')))()).rejects.toThrow(ReferenceError);
    vi.stubGlobal('sessionStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
    });
    expect(reloadForNewVersion()).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });

  it('loads as usual when the chunk is there', async () => {
    const { withReload } = await freshModule();
    await expect(withReload(async () => ({ default: 'MapPage' }))()).resolves.toEqual({ default: 'MapPage' });
  });

  it("reloads on Vite's vite:preloadError (any dynamic import), once however many fail", async () => {
    const { reloadOnPreloadError, withReload } = await freshModule();
    const target = new EventTarget();
    const stop = reloadOnPreloadError(target);
    target.dispatchEvent(new Event('vite:preloadError'));
    // The same failure then reaches the lazy page: it waits for the reload already under way.
    expect(await settled(withReload(() => Promise.reject(missingChunk()))())).toBe('pending');
    target.dispatchEvent(new Event('vite:preloadError'));
    expect(reload).toHaveBeenCalledTimes(1);
    stop();
  });

  it.each([
    'Failed to fetch dynamically imported module: https://x/assets/a.js',
    'error loading dynamically imported module: https://x/assets/a.js',
    'Importing a module script failed.',
    'Unable to preload CSS for https://x/assets/a.css',
  ])('knows a missing chunk by its message: %s', async (message) => {
    const { isChunkLoadError } = await freshModule();
    expect(isChunkLoadError(new TypeError(message))).toBe(true);
  });
});
