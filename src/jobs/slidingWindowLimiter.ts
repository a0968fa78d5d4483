/**
 * An exact sliding-window rate limiter, one window per key (per sending phone number): at most
 * `max` acquisitions in any 1,000 ms. BullMQ's own limiter counts fixed windows, so a sliding
 * second can see up to twice its `max`; WhatsApp's throughput limit is per business number.
 * Scope: one process. Several worker processes each get a share of the number's limit.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/overview#throughput
 */
export function createSlidingWindowLimiter(max: number, windowMs = 1000) {
  const windows = new Map<string, number[]>();
  const queues = new Map<string, Promise<void>>();

  async function waitTurn(key: string): Promise<void> {
    const stamps = windows.get(key) ?? [];
    windows.set(key, stamps);
    for (;;) {
      const now = performance.now();
      while (stamps.length > 0 && now - (stamps[0] ?? 0) >= windowMs) stamps.shift();
      if (stamps.length < max) {
        stamps.push(now);
        return;
      }
      const waitMs = windowMs - (now - (stamps[0] ?? now)) + 0.5;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(waitMs))));
    }
  }

  return {
    /** Resolves when a send for `key` may start. Callers for one key are served in order. */
    acquire(key: string): Promise<void> {
      const previous = queues.get(key) ?? Promise.resolve();
      const turn = previous.then(() => waitTurn(key));
      queues.set(key, turn);
      return turn;
    },
  };
}
