import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, joinByChat, messagesOf, stopAndClean, uniqueTag } from "../../helpers/conversationKit.ts";
import {
  createTestTenant,
  recipientOf,
  startTestApp,
  textOf,
  textPayload,
  type TestApp,
} from "../../helpers/testApp.ts";
import { randomPhone } from "../../helpers/testContext.ts";

let app: TestApp;

beforeAll(async () => {
  // The default limit (INBOUND_SENDER_RATE_PER_MINUTE=20).
  app = await startTestApp();
});

afterAll(async () => {
  await stopAndClean(app);
});

const SLOW_DOWN =
  "You're sending messages faster than we can answer them. Please wait a minute, then send your message again.";
const STRANGER =
  "Hi! 👋 To join a loyalty program, scan your vendor's QR code, or send JOIN followed by their code (for example: JOIN MAMAPUT).\nRun a business? Send REGISTER to start a loyalty programme for it.";

function sentTo(phone: string): string[] {
  return app.graph.requests.filter((r) => recipientOf(r) === phone).map((r) => textOf(r.body));
}

/** One webhook delivery carrying `count` texts from `phone`, as Meta batches a burst. */
function burst(phone: string, count: number, text: string) {
  const body = textPayload({ phoneNumberId: app.phoneNumberId, from: phone, text, id: `wamid.flood.${uniqueTag()}` });
  const value = body.entry[0]?.changes[0]?.value;
  const t = Math.floor(Date.now() / 1000);
  for (let n = 1; n < count; n += 1) {
    value?.messages.push({
      from: phone,
      id: `wamid.flood.${uniqueTag()}`,
      timestamp: String(t),
      type: "text",
      text: { body: `${text} ${n}` },
    });
  }
  return body;
}

describe("flood control", () => {
  it("when one phone floods, then it gets 20 answers and one polite slow-down, the rest are stored and skipped, and another customer's BALANCE is answered as usual", async () => {
    const tenant = await createTestTenant(app.pool);
    const customer = randomPhone();
    await joinByChat(app, tenant, customer);
    const flooder = randomPhone();

    // 200 messages in ten deliveries at once; the first also carries a customer's BALANCE (Meta
    // batches messages of different people in one delivery).
    const first = burst(flooder, 20, "hi");
    const firstValue = first.entry[0]?.changes[0]?.value;
    firstValue?.contacts.push({ profile: { name: "Ada" }, wa_id: customer });
    firstValue?.messages.push({
      from: customer,
      id: `wamid.flood.${uniqueTag()}`,
      timestamp: String(Math.floor(Date.now() / 1000)),
      type: "text",
      text: { body: "BALANCE" },
    });
    const since = app.graph.requests.length;
    const logsSince = app.logs.lines.length;
    const statuses = await Promise.all(
      [app.postWebhook(first), ...Array.from({ length: 9 }, () => app.postWebhook(burst(flooder, 20, "hi")))].map(
        async (res) => (await res).status,
      ),
    );
    const stored = Date.now();
    const [balance] = await app.repliesTo(customer, 1, since);
    const waitedMs = Date.now() - stored;

    expect(statuses).toEqual(Array.from({ length: 10 }, () => 200));
    expect(textOf(balance?.body)).toBe("You have 0 points.\nSend REWARDS to see what you can get.");
    // The customer waits for at most one drain's share of the flood (4 messages a sender), not for all of it.
    const handled = app.logs.lines.slice(logsSince).filter((l) => l.msg === "message handled");
    const customerAt = handled.findIndex((l) => l.route === "customer");
    expect(customerAt).toBeGreaterThanOrEqual(0);
    expect(handled.slice(0, customerAt).filter((l) => l.route === "stranger").length).toBeLessThanOrEqual(8);
    // Loose, for a machine shared with other work: the usual answer time, not the flood's.
    expect(waitedMs).toBeLessThan(5_000);
    await eventually(async () => {
      const inbound = (await messagesOf(app.pool, flooder)).filter((m) => m.direction === "inbound");
      expect(inbound).toHaveLength(200);
      expect(inbound.every((m) => m.processed_at !== null)).toBe(true);
    }, 20_000);
    await app.repliesTo(flooder, 21);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const replies = sentTo(flooder);
    expect(replies.filter((text) => text === STRANGER)).toHaveLength(20);
    expect(replies.filter((text) => text === SLOW_DOWN)).toHaveLength(1);
    expect(replies).toHaveLength(21);
    const inbound = (await messagesOf(app.pool, flooder)).filter((m) => m.direction === "inbound");
    const skipped = inbound.filter((m) => m.error_code === "rate_limited");
    expect(skipped).toHaveLength(180);
    expect(skipped.every((m) => m.whatsapp_status === "skipped")).toBe(true);
    expect(app.logs.lines.filter((l) => l.msg === "sender over the flood limit; told to slow down")).toHaveLength(1);

    // More within the minute: stored and skipped, and no second slow-down.
    expect((await app.postWebhook(burst(flooder, 5, "again"))).status).toBe(200);
    await eventually(async () => {
      const rows = (await messagesOf(app.pool, flooder)).filter((m) => m.direction === "inbound");
      expect(rows.filter((m) => m.error_code === "rate_limited")).toHaveLength(185);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sentTo(flooder)).toHaveLength(21);
  }, 60_000);
});
