/** A token bucket in this process: at most `perSecond` calls a second to one provider, bursts of one second's worth. */
export function createRateLimiter(perSecond: number) {
  let tokens = perSecond;
  let last = Date.now();
  let chain = Promise.resolve();
  const take = async () => {
    for (;;) {
      const now = Date.now();
      tokens = Math.min(perSecond, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(((1 - tokens) / perSecond) * 1000)));
    }
  };
  return {
    /** Resolves when the caller may make one call; callers are served in order. */
    wait(): Promise<void> {
      const turn = chain.then(take);
      chain = turn.catch(() => {});
      return turn;
    },
  };
}
