import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noRows, sql } from "../../../src/db/sql.ts";
import { messageByWamid, stopAndClean, uniqueTag } from "../../helpers/conversationKit.ts";
import { recipientOf, startTestApp, textPayload, type TestApp } from "../../helpers/testApp.ts";
import type { DatabasePool } from "slonik";
import { createTestPool, randomPhone } from "../../helpers/testContext.ts";

let app: TestApp;
/** The table owner's pool, for the test trigger (the app's sessions run as the platform role). */
let owner: DatabasePool;
// Both test projects run this file against one database at once: names of their own.
const tag = uniqueTag();
const trigger = `refuse_poison_${tag}`;
const poisonPrefix = `wamid.poison${tag}.`;

beforeAll(async () => {
  app = await startTestApp();
  owner = await createTestPool();
});

afterAll(async () => {
  await owner.query(sql.type(noRows)`DROP TRIGGER IF EXISTS ${sql.identifier([trigger])} ON whatsapp_messages`);
  await owner.query(sql.type(noRows)`DROP FUNCTION IF EXISTS ${sql.identifier([trigger])}()`);
  await owner.end();
  await stopAndClean(app);
});

async function batchTotals(): Promise<{ batches: number; deliveries: number }> {
  const { values } = await app.runtime.metrics.webhookBatchSize.get();
  const read = (suffix: string) =>
    values.filter((v) => v.metricName?.endsWith(suffix)).reduce((total, v) => total + v.value, 0);
  return { batches: read("_count"), deliveries: read("_sum") };
}

describe("concurrent webhook deliveries", () => {
  it("when 40 deliveries arrive at once, then each is answered 200 only once stored, they share transactions, and each sender is answered", async () => {
    const before = await batchTotals();
    const senders = Array.from({ length: 40 }, () => ({ phone: randomPhone(), wamid: `wamid.batch.${uniqueTag()}` }));
    const graphBefore = app.graph.requests.length;

    const answers = await Promise.all(
      senders.map(async (sender) => {
        const res = await app.postWebhook(
          textPayload({ phoneNumberId: app.phoneNumberId, from: sender.phone, text: "HELLO", id: sender.wamid }),
        );
        // Answered 200 means committed: the row is there the moment the answer arrives.
        const row = await messageByWamid(app.pool, sender.wamid);
        return { status: res.status, stored: row !== null && row.contact_phone === sender.phone };
      }),
    );

    expect(answers.every((a) => a.status === 200 && a.stored)).toBe(true);
    const after = await batchTotals();
    expect(after.deliveries - before.deliveries).toBe(40);
    expect(after.batches - before.batches).toBeGreaterThan(0);
    expect(after.batches - before.batches).toBeLessThan(40);
    await expect
      .poll(
        () =>
          new Set(
            app.graph.requests
              .slice(graphBefore)
              .map(recipientOf)
              .filter((to) => senders.some((s) => s.phone === to)),
          ).size,
        { timeout: 30_000 },
      )
      .toBe(40);
  });

  it("when the database refuses one delivery of a batch, then only that one is answered 503 and the others are stored", async () => {
    // A function body cannot take parameters: the prefix is checked against the trigger's argument.
    await owner.query(sql.type(noRows)`
      CREATE OR REPLACE FUNCTION ${sql.identifier([trigger])}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF starts_with(NEW.whatsapp_message_id, TG_ARGV[0]) THEN RAISE EXCEPTION 'refused by test'; END IF;
        RETURN NEW;
      END
      $$
    `);
    await owner.query(sql.type(noRows)`
      CREATE TRIGGER ${sql.identifier([trigger])} BEFORE INSERT ON whatsapp_messages
      FOR EACH ROW EXECUTE FUNCTION ${sql.identifier([trigger])}(${sql.literalValue(poisonPrefix)})
    `);
    const good = Array.from({ length: 20 }, () => ({ phone: randomPhone(), wamid: `wamid.good.${uniqueTag()}` }));
    const poison = { phone: randomPhone(), wamid: `${poisonPrefix}${uniqueTag()}` };
    const senders = [...good.slice(0, 10), poison, ...good.slice(10)];

    const statuses = await Promise.all(
      senders.map(
        async (sender) =>
          (
            await app.postWebhook(
              textPayload({ phoneNumberId: app.phoneNumberId, from: sender.phone, text: "HELLO", id: sender.wamid }),
            )
          ).status,
      ),
    );

    expect(statuses[10]).toBe(503);
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    for (const sender of good) expect(await messageByWamid(app.pool, sender.wamid)).not.toBeNull();
    expect(await messageByWamid(app.pool, poison.wamid)).toBeNull();
    expect(app.logs.lines.filter((l) => l.msg === "webhook not stored; answering 503 so Meta retries")).toHaveLength(1);
  });
});
