import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoSecretsInLogs,
  givePoints,
  joinByChat,
  messagesOf,
  customerOf,
  stopAndClean,
  uniqueTag,
} from "../../helpers/conversationKit.ts";
import {
  addReward,
  createTestTenant,
  recipientOf,
  startTestApp,
  textOf,
  textPayload,
  type TestApp,
} from "../../helpers/testApp.ts";
import { randomPhone } from "../../helpers/testContext.ts";

/** Two runtimes of one deployment (role "all"): one database, one set of queues, one Graph API. */
let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  const shared = `order_${uniqueTag()}`;
  first = await startTestApp({ sharedQueueName: shared, inboundConcurrency: 4 });
  second = await startTestApp({
    sharedQueueName: shared,
    inboundConcurrency: 4,
    config: { WHATSAPP_API_URL: first.graph.url },
  });
});

afterAll(async () => {
  await second.stop();
  await stopAndClean(first);
});

function repliesTo(phone: string): string[] {
  return first.graph.requests.filter((r) => recipientOf(r) === phone).map((r) => textOf(r.body));
}

async function waitForReplies(phone: string, count: number): Promise<string[]> {
  const deadline = Date.now() + 15_000;
  while (repliesTo(phone).length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} replies, got ${JSON.stringify(repliesTo(phone))}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  await new Promise((r) => setTimeout(r, 500));
  return repliesTo(phone);
}

describe("a customer's messages with two workers", () => {
  it("when a customer sends BALANCE, REWARDS and HISTORY back to back, then the replies arrive once each, in the same order", async () => {
    const tenant = await createTestTenant(first.pool);
    await addReward(first.pool, tenant, "Free coffee", 100);
    const people = Array.from({ length: 6 }, () => randomPhone());
    for (const phone of people) {
      await joinByChat(first, tenant, phone);
      const customer = await customerOf(first.pool, tenant, phone);
      await givePoints(first.pool, tenant, customer?.id ?? "", 250, null, "Opening balance");
    }
    const counts = new Map(people.map((phone) => [phone, repliesTo(phone).length]));

    // Everyone at once; each person's three messages one after the other without waiting for a
    // reply, alternating between the two web servers, all in the same WhatsApp second.
    const second0 = Math.floor(Date.now() / 1000);
    await Promise.all(
      people.map(async (phone) => {
        for (const [index, text] of ["BALANCE", "REWARDS", "HISTORY"].entries()) {
          const app = index % 2 === 0 ? first : second;
          const res = await app.postWebhook(
            textPayload({
              phoneNumberId: first.phoneNumberId,
              from: phone,
              text,
              id: `wamid.order.${uniqueTag()}`,
              timestamp: second0,
            }),
          );
          expect(res.status).toBe(200);
        }
      }),
    );

    for (const phone of people) {
      const all = await waitForReplies(phone, (counts.get(phone) ?? 0) + 3);
      const mine = all.slice(counts.get(phone) ?? 0);
      expect(mine, JSON.stringify(mine)).toHaveLength(3);
      expect(mine[0]).toBe("You have 250 points.\nSend REWARDS to see what you can get.");
      expect(mine[1]).toMatch(/^You have 250 points\.\n\nRewards you can get now:\n1\. Free coffee/);
      expect(mine[2]).toMatch(/^Your recent points:\n.*\+250 \(Opening balance\)$/);
      const rows = await messagesOf(first.pool, phone);
      const inbound = rows.filter((r) => r.direction === "inbound").slice(-3);
      expect(inbound.map((r) => r.message_body)).toEqual(["BALANCE", "REWARDS", "HISTORY"]);
      expect(inbound.every((r) => r.processed_at !== null)).toBe(true);
      expect(rows.filter((r) => r.direction === "outbound").map((r) => r.whatsapp_status)).toEqual([
        "sent",
        "sent",
        "sent",
        "sent",
        "sent",
      ]);
    }
    // Both runtimes did work.
    expect(first.logs.lines.some((l) => l.msg === "message handled")).toBe(true);
    expect(second.logs.lines.some((l) => l.msg === "message handled" || l.msg === "message sent")).toBe(true);
    expectNoSecretsInLogs(first, people);
    expectNoSecretsInLogs(second, people);
  });

  it("when one webhook carries a customer's three messages newest first, then they are handled in WhatsApp timestamp order", async () => {
    const tenant = await createTestTenant(first.pool);
    const phone = randomPhone();
    await joinByChat(first, tenant, phone);
    const before = repliesTo(phone).length;
    const t = Math.floor(Date.now() / 1000);
    const body = textPayload({
      phoneNumberId: first.phoneNumberId,
      from: phone,
      text: "HISTORY",
      id: `wamid.ooo.${uniqueTag()}`,
      timestamp: t + 2,
    });
    const messages = body.entry[0]?.changes[0]?.value.messages ?? [];
    messages.push(
      {
        from: phone,
        id: `wamid.ooo.${uniqueTag()}`,
        timestamp: String(t + 1),
        type: "text",
        text: { body: "REWARDS" },
      },
      { from: phone, id: `wamid.ooo.${uniqueTag()}`, timestamp: String(t), type: "text", text: { body: "BALANCE" } },
    );

    expect((await second.postWebhook(body)).status).toBe(200);

    const mine = (await waitForReplies(phone, before + 3)).slice(before);
    expect(mine).toEqual([
      "You have 0 points.\nSend REWARDS to see what you can get.",
      "There are no rewards yet. Keep earning points!",
      "No points activity yet. Buy something to start earning!",
    ]);
  });
});
