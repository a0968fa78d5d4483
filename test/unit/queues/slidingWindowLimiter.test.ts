import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createKeyedMutex } from "../../../src/queues/keyedMutex.ts";
import { createSlidingWindowLimiter, type SendPermit } from "../../../src/queues/slidingWindowLimiter.ts";

/** The most timestamps inside any half-open window of `windowMs` (two pointers over sorted times). */
function busiestWindow(stamps: readonly number[], windowMs: number): number {
  const sorted = [...stamps].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** A deterministic pseudo-random sequence in [0, 1), so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const NUMBER = "109876543210987";

// The limiter runs on a fake clock: the properties below are about its arithmetic, and a loaded
// machine must not be able to make them pass or fail.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const fakeNow = () => Date.now();

describe("send-rate limiter", () => {
  it("when calls reach the Graph API after uneven delays, then no sliding second of arrivals holds more than max", async () => {
    const random = seededRandom(7);
    const limiter = createSlidingWindowLimiter(20, { now: fakeNow });
    const arrivals: number[] = [];
    const calls = Array.from({ length: 200 }, async () => {
      const permit = await limiter.acquire(NUMBER);
      // Each call arrives somewhere between its grant and its answer; answers take 0–300 ms, a
      // spread a window counted at grant time alone would let bunch up.
      const latency = Math.floor(random() * 300);
      const arrival = Date.now() + Math.floor(random() * latency);
      await vi.advanceTimersByTimeAsync(0);
      await new Promise((resolve) => setTimeout(resolve, latency));
      arrivals.push(arrival);
      permit.done();
    });
    await drive(Promise.all(calls));
    expect(arrivals).toHaveLength(200);
    expect(busiestWindow(arrivals, 1000)).toBeLessThanOrEqual(20);
  });

  it("when many callers wait, then grants are spaced evenly at the paced rate rather than in bursts", async () => {
    const limiter = createSlidingWindowLimiter(100, { now: fakeNow, pacedFraction: 0.99, burstMs: 10 });
    const grants: number[] = [];
    const start = Date.now();
    const calls = Array.from({ length: 500 }, async () => {
      const permit = await limiter.acquire(NUMBER);
      grants.push(Date.now() - start);
      permit.done();
    });
    await drive(Promise.all(calls));
    // 500 grants at 99/s take about 5 s: the first ones at once (burst), then one per ~10.1 ms.
    const last = grants[grants.length - 1] ?? 0;
    expect(last).toBeGreaterThanOrEqual(4_990);
    expect(last).toBeLessThanOrEqual(5_100);
    expect(busiestWindow(grants, 100)).toBeLessThanOrEqual(11);
    expect(busiestWindow(grants, 1000)).toBeLessThanOrEqual(100);
  });

  it("when calls are slow to answer, then each holds its slot until a window after its answer", async () => {
    const limiter = createSlidingWindowLimiter(3, { now: fakeNow, pacedFraction: 1, burstMs: 1000 });
    const start = Date.now();
    const first = await Promise.all([limiter.acquire(NUMBER), limiter.acquire(NUMBER), limiter.acquire(NUMBER)]);
    let fourthAt: number | null = null;
    void limiter.acquire(NUMBER).then(() => {
      fourthAt = Date.now() - start;
    });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fourthAt).toBeNull();
    first[0]?.done();
    await vi.advanceTimersByTimeAsync(999);
    expect(fourthAt).toBeNull();
    await vi.advanceTimersByTimeAsync(2);
    expect(fourthAt).toBe(3_000);
  });

  it("when a granted call is not made after all, then its slot is free at once", async () => {
    const limiter = createSlidingWindowLimiter(1, { now: fakeNow, pacedFraction: 1, burstMs: 1000 });
    const permit = await limiter.acquire(NUMBER);
    let second: SendPermit | null = null;
    void limiter.acquire(NUMBER).then((p) => {
      second = p;
    });
    await vi.advanceTimersByTimeAsync(5);
    expect(second).toBeNull();
    permit.done(false);
    permit.done(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(second).not.toBeNull();
  });

  it("when a chat reply waits behind queued broadcast messages, then the reply is granted first", async () => {
    const limiter = createSlidingWindowLimiter(10, { now: fakeNow, pacedFraction: 1, burstMs: 0 });
    const order: string[] = [];
    const take = (name: string, priority: "reply" | "bulk") =>
      limiter.acquire(NUMBER, priority).then((permit) => {
        order.push(name);
        permit.done();
      });
    const all = Promise.all([
      take("b1", "bulk"),
      take("b2", "bulk"),
      take("b3", "bulk"),
      take("b4", "bulk"),
      take("r1", "reply"),
    ]);
    await drive(all);
    // b1 and b2 go at once (a burst of one interval); the reply overtakes the bulk still waiting.
    expect(order).toEqual(["b1", "b2", "r1", "b3", "b4"]);
  });

  it("when a number is paused, then nothing is granted for it until the pause ends, and other numbers go on", async () => {
    const limiter = createSlidingWindowLimiter(100, { now: fakeNow });
    (await limiter.acquire(NUMBER)).done();
    const pausedAt = Date.now();
    limiter.pause(NUMBER, 1000);
    const granted: Record<string, number> = {};
    const other = limiter.acquire("other-number").then((permit) => {
      granted["other"] = Date.now() - pausedAt;
      permit.done();
    });
    const paused = limiter.acquire(NUMBER).then((permit) => {
      granted["paused"] = Date.now() - pausedAt;
      permit.done();
    });
    await drive(Promise.all([other, paused]));
    expect(granted["other"]).toBeLessThan(20);
    expect(granted["paused"]).toBeGreaterThanOrEqual(1000);
    expect(granted["paused"]).toBeLessThan(1100);
  });

  it("when two sending numbers are used, then each has its own window", async () => {
    const limiter = createSlidingWindowLimiter(3, { now: fakeNow, windowMs: 10_000, burstMs: 10_000 });
    const granted: string[] = [];
    const take = (key: string) =>
      limiter.acquire(key).then((permit) => {
        granted.push(key);
        permit.done();
      });
    void Promise.all([take("A"), take("A"), take("A"), take("A"), take("B"), take("B"), take("B")]);
    await vi.advanceTimersByTimeAsync(1);
    // Six grants within a 10 s window: possible only because the windows are separate; A's fourth waits.
    expect(granted.filter((k) => k === "A")).toHaveLength(3);
    expect(granted.filter((k) => k === "B")).toHaveLength(3);
  });
});

/** Runs the fake clock until `work` settles. */
async function drive<T>(work: Promise<T>): Promise<T> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  for (let i = 0; i < 100_000 && !settled; i += 1) await vi.advanceTimersByTimeAsync(1);
  return done;
}

describe("keyed mutex", () => {
  it("when tasks share a key, then they run one at a time in the order they asked; other keys run alongside", async () => {
    vi.useRealTimers();
    const mutex = createKeyedMutex();
    const events: string[] = [];
    const task = (name: string, ms: number) => async () => {
      events.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      mutex.run("phone-1", task("a1", 30)),
      mutex.run("phone-1", task("a2", 1)),
      mutex.run("phone-2", task("b1", 10)),
    ]);
    expect(results).toEqual(["a1", "a2", "b1"]);
    expect(events.indexOf("end a1")).toBeLessThan(events.indexOf("start a2"));
    expect(events.indexOf("start b1")).toBeLessThan(events.indexOf("end a1"));
  });

  it("when a task fails, then the next task for that key still runs", async () => {
    vi.useRealTimers();
    const mutex = createKeyedMutex();
    const failed = mutex.run("k", async () => {
      throw new Error("boom");
    });
    await expect(failed).rejects.toThrow("boom");
    await expect(mutex.run("k", async () => "ok")).resolves.toBe("ok");
  });
});
