import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { createTestTenant, startTestApp, type TestApp } from "../../helpers/testApp.ts";
import { randomPhone } from "../../helpers/testContext.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

describe("a message the engine cannot handle", () => {
  it("when a message fails on every attempt, then it is set aside with an apology and the sender's next message is handled", async () => {
    // A vendor whose settings are corrupt: every conversation with it throws in the engine.
    const broken = await createTestTenant(app.pool, { settings: { timezone: 42 } });
    const good = await createTestTenant(app.pool, { businessName: "Good Shop" });
    const phone = randomPhone();

    const poisonId = await app.sendText(phone, `JOIN ${broken.vendorCode}`);
    // Five attempts with a backoff between them: slow on a busy machine.
    const [apology] = await app.repliesTo(phone, 1, 0, 90_000);
    expect(JSON.stringify(apology?.body)).toContain("Sorry, something went wrong");

    const row = await withPlatform(app.pool, (tx) =>
      tx.one(sql.type(z.object({ processed_at: z.date().nullable(), error_code: z.string().nullable() }))`
        SELECT processed_at, error_code FROM whatsapp_messages WHERE whatsapp_message_id = ${poisonId}`),
    );
    expect(row.processed_at).toBeInstanceOf(Date);
    expect(row.error_code).toBe("engine_error");
    expect(app.logs.lines.some((l) => l.msg === "inbound message failed on every attempt; set aside")).toBe(true);

    const since = app.graph.requests.length;
    await app.sendText(phone, `JOIN ${good.vendorCode}`);
    const replies = await app.repliesTo(phone, 2, since);
    expect(JSON.stringify(replies.map((r) => r.body))).toContain("Good Shop");
  }, 150_000);
});
