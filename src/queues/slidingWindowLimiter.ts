/** Who is waiting: a chat reply goes before queued broadcast messages of the same number. */
export type SendPriority = "reply" | "bulk";

/** The right to make one Graph API call. */
export type SendPermit = {
  /**
   * Call once the call has ended (answer, error or timeout), or with `false` when no request was
   * made after all: the slot is then free at once. Calling it again does nothing.
   */
  done(requested?: boolean): void;
};

export type SlidingWindowLimiter = {
  /** Resolves when a call for `key` may start; waiters of one key and priority are served in order. */
  acquire(key: string, priority?: SendPriority): Promise<SendPermit>;
  /**
   * Grants nothing for `key` for `ms` (then resumes at the paced rate): Meta said the number is
   * over its throughput, so the calls already paced for the next moments would only fail too.
   */
  pause(key: string, ms: number): void;
};

export type SlidingWindowLimiterOptions = {
  /** Sliding window length; WhatsApp counts messages per second. */
  windowMs?: number;
  /** Share of `max` per window that grants are paced at (evenly spaced), below 1 to leave room for jitter. */
  pacedFraction?: number;
  /**
   * How far ahead of its slot a grant may come: a process descheduled for a while (a busy
   * machine, a GC pause) catches up this much at once instead of losing the time. The window
   * bound holds regardless. At least one interval. Default 100 ms: measured at 1,000/s on a
   * shared 2-core machine, 50 ms left the average at 94–95 % of the limit, 100 ms at 98.5 %.
   */
  burstMs?: number;
  /** Monotonic clock in milliseconds (tests pass a fake one). */
  now?: () => number;
};

const DEFAULT_PACED_FRACTION = 0.99;
const DEFAULT_BURST_MS = 100;

/**
 * A send-rate limiter for one process, one window per key (per sending phone number), that
 * guarantees at most `max` calls reach the Graph API in any sliding `windowMs`, measured where
 * they arrive, and paces grants evenly so the average stays just under `max`.
 *
 * Why both: a call arrives at Meta some time after its grant (event loop, connection pool, a GC
 * pause), and those delays differ, so a window counted at grant time alone lets arrivals bunch
 * above the limit (measured at an out-of-process fake: 1,010 ms windows let a second reach 87 at
 * a limit of 80; even pacing alone, 1,169 at a limit of 1,000). Here a call holds its
 * slot from its grant until a window after its answer: it arrived in between, so for any window
 * of arrivals, the last call granted in it saw all the others still holding slots, and at most
 * `max` hold slots at once. That bound is exact whatever the delays; the pacing (a GCRA: one grant
 * every `windowMs / (max × pacedFraction)`, up to `burstMs` early) keeps sends spread out so the
 * bound rarely has to hold anything back. The price of exactness: with answers taking L ms, at
 * most `max × windowMs / (windowMs + L)` per window on average (99 % at L = 10 ms). BullMQ's own limiter counts fixed windows (a sliding
 * second can see twice its `max`), hence this one.
 * Scope: one process; several worker processes each get a share of the number's limit.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/overview#throughput
 */
export function createSlidingWindowLimiter(
  max: number,
  options: SlidingWindowLimiterOptions = {},
): SlidingWindowLimiter {
  const windowMs = options.windowMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  const intervalMs = windowMs / (max * (options.pacedFraction ?? DEFAULT_PACED_FRACTION));
  const burstMs = Math.max(intervalMs, options.burstMs ?? DEFAULT_BURST_MS);
  const states = new Map<string, KeyState>();

  function stateOf(key: string): KeyState {
    let state = states.get(key);
    if (state === undefined) {
      state = { nextSlotAt: -Infinity, inFlight: 0, endedAt: [], waiting: { reply: [], bulk: [] }, timer: undefined };
      states.set(key, state);
    }
    return state;
  }

  /** Grants to waiters while both the pacing and the window allow, then sleeps until one may. */
  function pump(key: string, state: KeyState): void {
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.timer = undefined;
    for (;;) {
      const queue = state.waiting.reply.length > 0 ? state.waiting.reply : state.waiting.bulk;
      const waiter = queue[0];
      if (waiter === undefined) {
        if (state.inFlight === 0 && state.endedAt.length === 0) states.delete(key);
        return;
      }
      const at = now();
      while (state.endedAt.length > 0 && (state.endedAt[0] ?? 0) + windowMs <= at) state.endedAt.shift();
      if (state.inFlight + state.endedAt.length >= max) {
        // Full: a slot frees when the oldest ended call leaves the window, or when a call in
        // flight that turns out not to have been made is handed back (done(false) pumps).
        const oldest = state.endedAt[0];
        if (oldest !== undefined) sleep(key, state, oldest + windowMs - at);
        return;
      }
      if (at < state.nextSlotAt - burstMs) {
        sleep(key, state, state.nextSlotAt - burstMs - at);
        return;
      }
      queue.shift();
      state.nextSlotAt = Math.max(state.nextSlotAt, at) + intervalMs;
      state.inFlight += 1;
      waiter(permitFor(key, state));
    }
  }

  function sleep(key: string, state: KeyState, ms: number): void {
    state.timer = setTimeout(() => pump(key, state), Math.max(1, Math.ceil(ms)));
  }

  function permitFor(key: string, state: KeyState): SendPermit {
    let open = true;
    return {
      done(requested = true) {
        if (!open) return;
        open = false;
        state.inFlight -= 1;
        // Stamped when we learn the call ended, never earlier than its arrival at Meta.
        if (requested) state.endedAt.push(now());
        pump(key, state);
      },
    };
  }

  return {
    acquire(key, priority = "bulk") {
      const state = stateOf(key);
      return new Promise<SendPermit>((resolve) => {
        state.waiting[priority].push(resolve);
        if (state.timer === undefined) pump(key, state);
      });
    },
    pause(key, ms) {
      const state = stateOf(key);
      // Grants may come up to burstMs before their slot: the first after the pause comes at now + ms.
      state.nextSlotAt = Math.max(state.nextSlotAt, now() + ms + burstMs);
      pump(key, state);
    },
  };
}

type KeyState = {
  /** GCRA's theoretical time of the next grant. */
  nextSlotAt: number;
  /** Granted calls not ended yet: they hold a slot. */
  inFlight: number;
  /** When granted calls ended, oldest first; each holds its slot for a window after. */
  endedAt: number[];
  waiting: Record<SendPriority, Array<(permit: SendPermit) => void>>;
  timer: NodeJS.Timeout | undefined;
};
