import { AppError } from "../../errors.ts";

/** Thrown when the password-hashing queue is full: answered 503, so a flood is refused, not served slowly to everyone. */
export class HashingBusyError extends AppError {
  constructor() {
    super(503, "busy", "The service is busy; try again in a few seconds");
  }
}

export type HashQueue = {
  /** Runs `fn` when a slot is free; rejects with HashingBusyError at once when `maxWaiting` are already waiting. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Running and waiting jobs, for tests and metrics. */
  readonly size: { running: number; waiting: number };
};

/**
 * A bounded queue for scrypt. Node runs scrypt on libuv's small thread pool (4 threads), which
 * DNS lookups and file reads share, and queues beyond it without limit: a login flood would
 * delay every other use of the pool and hold memory for every waiting request. At most
 * `concurrency` hashes run at once, at most `maxWaiting` wait, and the rest fail fast.
 */
export function createHashQueue(options: { concurrency: number; maxWaiting: number }): HashQueue {
  let running = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    running -= 1;
    const next = waiting.shift();
    if (next !== undefined) {
      running += 1;
      next();
    }
  };

  return {
    run<T>(fn: () => Promise<T>): Promise<T> {
      if (running < options.concurrency) {
        running += 1;
        return fn().finally(release);
      }
      if (waiting.length >= options.maxWaiting) return Promise.reject(new HashingBusyError());
      return new Promise<void>((resolve) => waiting.push(resolve)).then(() => fn().finally(release));
    },
    get size() {
      return { running, waiting: waiting.length };
    },
  };
}

/**
 * The process's queue for password and PIN hashing: two of libuv's four threads at most, and
 * 64 waiting (at about 50 ms a hash, a wait of under two seconds).
 */
export const passwordHashQueue = createHashQueue({ concurrency: 2, maxWaiting: 64 });

/**
 * The process's admission queue for logins, around the whole check: a login holds a database
 * connection while its hash is computed, so without this a flood would hold every connection of
 * the pool waiting for the hash queue and starve the rest of the app. Two at once, 32 waiting.
 */
export const loginQueue = createHashQueue({ concurrency: 2, maxWaiting: 32 });
