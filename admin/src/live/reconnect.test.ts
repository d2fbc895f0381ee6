import { afterEach, describe, expect, it, vi } from 'vitest';
import { onBrowserWake, retryDelayMs, waitingStatus } from './reconnect.ts';

describe('reconnection backoff', () => {
  it('doubles from 1 s up to 30 s, never less than half of it', () => {
    const longest = [0, 1, 2, 3, 4, 5, 6, 20].map((attempt) => retryDelayMs(attempt, () => 1));
    const shortest = [0, 1, 2, 3, 4, 5, 6, 20].map((attempt) => retryDelayMs(attempt, () => 0));
    expect(longest).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(shortest).toEqual([500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000]);
  });
});

describe('browser wake-ups', () => {
  afterEach(() => void vi.unstubAllGlobals());

  function stubBrowser(visibilityState: 'visible' | 'hidden', onLine = true) {
    const document = Object.assign(new EventTarget(), { visibilityState });
    vi.stubGlobal('window', new EventTarget());
    vi.stubGlobal('document', document);
    vi.stubGlobal('navigator', { onLine });
    return document;
  }

  it('retries when the network comes back or the tab is shown, not when it is hidden', () => {
    const document = stubBrowser('hidden');
    const retry = vi.fn();
    const stop = onBrowserWake(retry);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(retry).not.toHaveBeenCalled();
    document.visibilityState = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('online'));
    expect(retry).toHaveBeenCalledTimes(2);
    stop();
    window.dispatchEvent(new Event('online'));
    expect(retry).toHaveBeenCalledTimes(2);
  });

  it('says « offline » only when the browser knows it has no network', () => {
    stubBrowser('visible', false);
    expect(waitingStatus()).toBe('offline');
    vi.stubGlobal('navigator', { onLine: true });
    expect(waitingStatus()).toBe('reconnecting');
  });
});
