import { describe, expect, it } from "vitest";
import { coalesceCalls } from "../../../src/queues/coalesceCalls.ts";

/** A run that can be held open, recording every batch it was given. */
function controlledRun() {
  const batches: number[][] = [];
  const holds: Array<() => void> = [];
  let failOn: number | null = null;
  const run = async (items: number[]): Promise<string[]> => {
    batches.push(items);
    await new Promise<void>((resolve) => holds.push(resolve));
    if (failOn !== null && items.includes(failOn)) throw new Error(`bad item ${failOn}`);
    return items.map((item) => `done ${item}`);
  };
  return {
    run,
    batches,
    failOn: (item: number) => {
      failOn = item;
    },
    /** Lets every run started so far finish (and keeps releasing until nothing new starts). */
    async releaseAll(): Promise<void> {
      for (let idle = 0; idle < 5; ) {
        const next = holds.shift();
        if (next === undefined) idle += 1;
        else {
          idle = 0;
          next();
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

describe("coalesceCalls", () => {
  it("when a call comes while nothing runs, then it runs at once, alone", async () => {
    const control = controlledRun();
    const call = coalesceCalls(control.run, { maxBatch: 10 });

    const answer = call(1);
    await new Promise((resolve) => setImmediate(resolve));

    expect(control.batches).toEqual([[1]]);
    await control.releaseAll();
    expect(await answer).toBe("done 1");
  });

  it("when calls arrive while a run is going, then they go together in the next run, each answered with its own result", async () => {
    const control = controlledRun();
    const sizes: number[] = [];
    const call = coalesceCalls(control.run, { maxBatch: 10, onBatch: (size) => sizes.push(size) });

    const answers = [1, 2, 3, 4, 5].map((item) => call(item));
    await control.releaseAll();

    expect(await Promise.all(answers)).toEqual(["done 1", "done 2", "done 3", "done 4", "done 5"]);
    expect(control.batches).toEqual([[1], [2, 3, 4, 5]]);
    expect(sizes).toEqual([1, 4]);
  });

  it("when more calls wait than maxBatch, then they are split into runs of at most maxBatch, in arrival order", async () => {
    const control = controlledRun();
    const call = coalesceCalls(control.run, { maxBatch: 3 });

    const answers = Array.from({ length: 8 }, (_, n) => call(n));
    await control.releaseAll();

    expect(await Promise.all(answers)).toEqual(Array.from({ length: 8 }, (_, n) => `done ${n}`));
    expect(control.batches).toEqual([[0], [1, 2, 3], [4, 5, 6], [7]]);
  });

  it("when a run fails, then it is retried one item at a time and only the bad item's call fails", async () => {
    const control = controlledRun();
    const sizes: number[] = [];
    const call = coalesceCalls(control.run, { maxBatch: 10, onBatch: (size) => sizes.push(size) });
    control.failOn(3);

    const answers = [1, 2, 3, 4].map((item) =>
      call(item).then(
        (value) => ({ value }),
        (err: unknown) => ({ err: String(err) }),
      ),
    );
    await control.releaseAll();

    expect(await Promise.all(answers)).toEqual([
      { value: "done 1" },
      { value: "done 2" },
      { err: "Error: bad item 3" },
      { value: "done 4" },
    ]);
    expect(control.batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
    expect(sizes).toEqual([1, 1, 1]);
  });

  it("when a run answers fewer results than items, then the calls without one fail instead of hanging", async () => {
    const call = coalesceCalls(async (items: number[]) => items.slice(1), { maxBatch: 10 });

    const first = call(1);

    await expect(first).rejects.toThrow("a coalesced run answered fewer items than it was given");
  });
});
