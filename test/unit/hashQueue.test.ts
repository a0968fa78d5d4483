import { describe, expect, it } from "vitest";
import { createHashQueue, HashingBusyError } from "../../src/domain/auth/hashQueue.ts";

describe("hash queue", () => {
  it("when more jobs arrive than run and wait, then the excess is refused at once with a 503 error and the rest all run", async () => {
    const queue = createHashQueue({ concurrency: 2, maxWaiting: 3 });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let peak = 0;
    const job = async () => {
      peak = Math.max(peak, queue.size.running);
      await gate;
      return "done";
    };
    const results = Array.from({ length: 8 }, () =>
      queue.run(job).then(
        (v) => v,
        (err: unknown) => err,
      ),
    );
    expect(queue.size).toEqual({ running: 2, waiting: 3 });
    release();
    const settled = await Promise.all(results);
    expect(settled.filter((r) => r === "done")).toHaveLength(5);
    const refused = settled.filter((r) => r instanceof HashingBusyError);
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatchObject({ status: 503, code: "busy" });
    expect(peak).toBeLessThanOrEqual(2);
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it("when a job fails, then its slot is freed for the next", async () => {
    const queue = createHashQueue({ concurrency: 1, maxWaiting: 1 });
    const failing = queue.run(() => Promise.reject(new Error("boom")));
    const next = queue.run(async () => "next");
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("next");
  });
});
