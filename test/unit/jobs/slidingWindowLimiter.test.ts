import { describe, expect, it } from "vitest";
import { createKeyedMutex } from "../../../src/jobs/keyedMutex.ts";
import { createSlidingWindowLimiter } from "../../../src/jobs/slidingWindowLimiter.ts";

/** The most timestamps inside any window of `windowMs` (two pointers over sorted times). */
function busiestWindow(stamps: number[], windowMs: number): number {
  const sorted = [...stamps].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe("sliding-window limiter", () => {
  it("when many callers acquire at once, then no sliding window ever holds more than max", async () => {
    const limiter = createSlidingWindowLimiter(5, 200);
    const stamps: number[] = [];
    await Promise.all(
      Array.from({ length: 23 }, async () => {
        await limiter.acquire("109876543210987");
        stamps.push(performance.now());
      }),
    );
    expect(stamps).toHaveLength(23);
    // A small allowance below the window for timer granularity would hide a real overshoot;
    // the limiter waits half a millisecond past the window, so the strict window must hold.
    expect(busiestWindow(stamps, 199)).toBeLessThanOrEqual(5);
  });

  it("when two sending numbers are used, then each has its own window", async () => {
    const limiter = createSlidingWindowLimiter(3, 10_000);
    const order: string[] = [];
    const first = Promise.all([1, 2, 3].map(async () => {
      await limiter.acquire("A");
      order.push("A");
    }));
    const second = Promise.all([1, 2, 3].map(async () => {
      await limiter.acquire("B");
      order.push("B");
    }));
    await Promise.all([first, second]);
    // Six acquisitions within a 10 s window: possible only because the windows are separate.
    expect(order.filter((k) => k === "A")).toHaveLength(3);
    expect(order.filter((k) => k === "B")).toHaveLength(3);
  });
});

describe("keyed mutex", () => {
  it("when tasks share a key, then they run one at a time in the order they asked; other keys run alongside", async () => {
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
    const mutex = createKeyedMutex();
    const failed = mutex.run("k", async () => {
      throw new Error("boom");
    });
    await expect(failed).rejects.toThrow("boom");
    await expect(mutex.run("k", async () => "ok")).resolves.toBe("ok");
  });
});
