import { describe, expect, it } from "vitest";
import { createSandboxChatLog } from "../../../src/sandbox/sandboxChatLog.ts";
import { createSandboxMediaStore } from "../../../src/sandbox/sandboxMediaStore.ts";

describe("the sandbox media store", () => {
  it("when files pass the byte budget, then the oldest are forgotten first and the newest is always kept", () => {
    const store = createSandboxMediaStore(50, 10);
    const file = (size: number) => ({ mimeType: "image/png", bytes: Buffer.alloc(size, 1) });
    store.add("1", file(4));
    store.add("2", file(4));
    store.add("3", file(4));
    expect([store.find("1"), store.find("2") !== null, store.find("3") !== null]).toEqual([null, true, true]);
    // One file over the whole budget is still kept (it is what was just sent), alone.
    store.add("4", file(25));
    expect([store.find("2"), store.find("3"), store.find("4")?.bytes.byteLength]).toEqual([null, null, 25]);
    store.add("5", file(1));
    expect([store.find("4"), store.find("5")?.bytes.byteLength]).toEqual([null, 1]);
  });

  it("when ids are made, then they are numeric like Meta's media ids and not already in the store", () => {
    const store = createSandboxMediaStore();
    const ids = new Set(Array.from({ length: 200 }, () => store.newId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^\d{16,17}$/);
  });
});

describe("the sandbox chat log", () => {
  it("when the person's message is recorded after the bot's reply to it was sent, then the log is still in time order", () => {
    const log = createSandboxChatLog();
    log.add("2348031234567", {
      id: "reply",
      direction: "out",
      at: 2_000,
      text: "Your receipt has been sent for review",
    });
    log.add("2348031234567", { id: "photo", direction: "in", at: 1_000, text: "5000", image: "/sandbox/media/1" });
    log.add("2348031234567", { id: "later", direction: "in", at: 3_000, text: "BALANCE" });
    expect(log.list("2348031234567").map((entry) => entry.id)).toEqual(["photo", "reply", "later"]);
  });
});
