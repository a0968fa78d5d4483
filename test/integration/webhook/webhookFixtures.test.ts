import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { claimReplies, recordReplyOutcomes } from "../../../src/db/replyOutbox.ts";
import { insertOutboxMessage } from "../../../src/db/whatsappMessages.ts";
import { escapeLikeMeta, signWebhookBody } from "../../../src/whatsapp/verifyWebhookSignature.ts";
import {
  FIXTURES_DIR,
  customerOf,
  eventually,
  expectNoSecretsInLogs,
  insertSentOutbound,
  joinByChat,
  loadFixture,
  languageListSend,
  menuSend,
  messageById,
  messageByWamid,
  sentBodiesTo,
  stopAndClean,
  textSend,
  uniqueTag,
} from "../../helpers/conversationKit.ts";
import {
  APP_SECRET,
  SHARED_PHONE_NUMBER_ID,
  createTestTenant,
  startTestApp,
  type TestApp,
} from "../../helpers/testApp.ts";
import { randomPhone, type TestTenant } from "../../helpers/testContext.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await stopAndClean(app);
});

/** Posts a fixture's text as Meta would: non-ASCII escaped as `\uXXXX`, signed over those bytes. */
async function postLikeMeta(raw: string): Promise<Response> {
  const escaped = escapeLikeMeta(raw);
  return app.postWebhook(null, { raw: escaped, signature: signWebhookBody(escaped, APP_SECRET) });
}

async function joinedCustomer(): Promise<{ tenant: TestTenant; phone: string }> {
  const tenant = await createTestTenant(app.pool);
  const phone = randomPhone();
  await joinByChat(app, tenant, phone);
  return { tenant, phone };
}

async function parkedFor(wamid: string): Promise<number> {
  return withPlatform(app.pool, (tx) =>
    tx.oneFirst(
      sql.type(
        z.object({ n: z.number() }),
      )`SELECT count(*)::int AS n FROM parked_status_callbacks WHERE whatsapp_message_id = ${wamid}`,
    ),
  );
}

function wamidIn(raw: string, index = 0): string {
  const ids = [...raw.matchAll(/"id": "(wamid\.[^"]+)"/g)].map((m) => m[1] ?? "");
  const id = ids[index];
  if (id === undefined) throw new Error("fixture has no wamid");
  return id;
}

const BALANCE_ZERO = "You have 0 points.\nSend REWARDS to see what you can get.";

describe("fixture payloads", () => {
  it("when the fixture folder is read, then every payload in it is covered by a test here", () => {
    const covered = [
      "batched-two-customers.json",
      "image.json",
      "interactive-button-reply.json",
      "interactive-list-reply.json",
      "send-error-130429.json",
      "send-error-131047.json",
      "send-success-response.json",
      "status-delivered.json",
      "status-failed.json",
      "status-read.json",
      "template-quick-reply.json",
      "text-join.json",
      "text-unicode.json",
    ];
    const present = readdirSync(FIXTURES_DIR)
      .filter((name) => name.endsWith(".json"))
      .sort();
    // The send-* files are Graph API answers, used by the outbound tests.
    expect(present).toEqual(covered.sort());
  });

  it("when text-join.json arrives, then the message is stored, routed to the vendor, and the welcome and the language list are sent", async () => {
    const tenant = await createTestTenant(app.pool);
    const phone = randomPhone();
    const raw = loadFixture("text-join.json", {
      phoneNumberId: app.phoneNumberId,
      phone,
      vendorCode: tenant.vendorCode,
      wamidTag: uniqueTag(),
    });
    const wamid = wamidIn(raw);

    const res = await postLikeMeta(raw);

    expect(res.status).toBe(200);
    const replies = await app.repliesTo(phone, 2);
    expect(replies.map((r) => r.body)).toEqual([
      textSend(phone, `Welcome to ${tenant.businessName}'s loyalty programme! You earn points every time you buy.`),
      // A first-time member is offered the languages (issue #18) where the menu came before.
      languageListSend(phone),
    ]);
    expect(replies.every((r) => r.phoneNumberId === app.phoneNumberId && r.authorization === "Bearer test-token")).toBe(
      true,
    );
    const stored = await eventually(async () => {
      const row = await messageByWamid(app.pool, wamid);
      expect(row?.processed_at).toBeInstanceOf(Date);
      return row;
    });
    const customer = await customerOf(app.pool, tenant, phone);
    expect(stored).toMatchObject({
      direction: "inbound",
      message_type: "text",
      message_body: `JOIN ${tenant.vendorCode}`,
      contact_phone: phone,
      business_phone_number_id: app.phoneNumberId,
      tenant_id: tenant.id,
      customer_id: customer?.id,
    });
    expect(customer).toMatchObject({ whatsapp_name: "Ada Obi", opted_in: true, loyalty_status: "active", balance: 0 });
    expectNoSecretsInLogs(app, [phone, `JOIN ${tenant.vendorCode}`]);
  });

  it("when text-unicode.json arrives signed the way Meta signs, then it is stored as written and answered with the balance", async () => {
    const { phone } = await joinedCustomer();
    const raw = loadFixture("text-unicode.json", { phoneNumberId: app.phoneNumberId, phone, wamidTag: uniqueTag() });
    const since = app.graph.requests.length;

    const res = await postLikeMeta(raw);

    expect(res.status).toBe(200);
    await app.repliesTo(phone, 1, since);
    expect(sentBodiesTo(app, phone, since)).toEqual([textSend(phone, BALANCE_ZERO)]);
    const stored = await messageByWamid(app.pool, wamidIn(raw));
    expect(stored).toMatchObject({ message_type: "text", message_body: "Balance please José 👋" });
    expect(stored?.payload).toMatchObject({ profileName: "José Obi" });
    expectNoSecretsInLogs(app, [phone, "Balance please José 👋"]);
  });

  it("when interactive-button-reply.json arrives, then the tapped button's id and title are stored and the bot answers", async () => {
    const { phone } = await joinedCustomer();
    const raw = loadFixture("interactive-button-reply.json", {
      phoneNumberId: app.phoneNumberId,
      phone,
      wamidTag: uniqueTag(),
    });
    const since = app.graph.requests.length;

    expect((await postLikeMeta(raw)).status).toBe(200);

    await app.repliesTo(phone, 1, since);
    // `menu.balance` is not one of our ids; its first word is MENU, so the menu it is.
    expect(sentBodiesTo(app, phone, since)).toEqual([menuSend(phone, "What would you like to do?")]);
    const stored = await messageByWamid(app.pool, wamidIn(raw));
    expect(stored).toMatchObject({ message_type: "interactive", message_body: "menu.balance" });
    expect(stored?.payload).toMatchObject({ kind: "interactive", title: "Balance" });
  });

  it("when interactive-list-reply.json arrives, then the row id is read as a command (REWARD)", async () => {
    const { phone } = await joinedCustomer();
    const raw = loadFixture("interactive-list-reply.json", {
      phoneNumberId: app.phoneNumberId,
      phone,
      wamidTag: uniqueTag(),
    });
    const since = app.graph.requests.length;

    expect((await postLikeMeta(raw)).status).toBe(200);

    await app.repliesTo(phone, 1, since);
    expect(sentBodiesTo(app, phone, since)).toEqual([
      textSend(phone, "There are no rewards yet. Keep earning points!"),
    ]);
    const stored = await messageByWamid(app.pool, wamidIn(raw));
    expect(stored).toMatchObject({ message_type: "interactive", message_body: "reward.2" });
    expect(stored?.payload).toMatchObject({ kind: "interactive", title: "Free drink" });
  });

  it("when template-quick-reply.json (payload STOP) arrives, then the customer is opted out and told", async () => {
    const { tenant, phone } = await joinedCustomer();
    const raw = loadFixture("template-quick-reply.json", {
      phoneNumberId: app.phoneNumberId,
      phone,
      wamidTag: uniqueTag(),
    });
    const since = app.graph.requests.length;

    expect((await postLikeMeta(raw)).status).toBe(200);

    await app.repliesTo(phone, 1, since);
    expect(sentBodiesTo(app, phone, since)).toEqual([
      textSend(
        phone,
        "You won't get offers from us any more. You can still check your points. Send START to get offers again.",
      ),
    ]);
    expect(await customerOf(app.pool, tenant, phone)).toMatchObject({ opted_in: false });
    const stored = await messageByWamid(app.pool, wamidIn(raw));
    expect(stored).toMatchObject({ message_type: "button", message_body: "STOP" });
    expect(stored?.payload).toMatchObject({ kind: "button", title: "Stop promotions" });
  });

  it("when image.json arrives from a joined customer, then it is stored and the receipt claim asks for the amount", async () => {
    const { tenant, phone } = await joinedCustomer();
    const raw = loadFixture("image.json", { phoneNumberId: app.phoneNumberId, phone, wamidTag: uniqueTag() });
    const since = app.graph.requests.length;

    expect((await postLikeMeta(raw)).status).toBe(200);

    await app.repliesTo(phone, 1, since);
    expect(sentBodiesTo(app, phone, since)).toEqual([
      textSend(
        phone,
        "Thanks for the receipt photo! How much did you spend? Reply with the amount, for example 5000. Send CANCEL to stop.",
      ),
    ]);
    const stored = await eventually(async () => {
      const row = await messageByWamid(app.pool, wamidIn(raw));
      expect(row?.processed_at).toBeInstanceOf(Date);
      return row;
    });
    expect(stored).toMatchObject({
      direction: "inbound",
      message_type: "image",
      message_body: null,
      tenant_id: tenant.id,
    });
    expect(stored?.payload).toMatchObject({ kind: "other", media: { id: "1234567890123456", mimeType: "image/jpeg" } });
  });

  it("when image.json arrives from a stranger, then they are told to join the shop before sending a receipt", async () => {
    const phone = randomPhone();
    const raw = loadFixture("image.json", { phoneNumberId: app.phoneNumberId, phone, wamidTag: uniqueTag() });
    expect((await postLikeMeta(raw)).status).toBe(200);
    const replies = await app.repliesTo(phone, 1);
    expect(replies[0]?.body).toEqual(
      textSend(
        phone,
        "Thanks for the photo! To earn points for a receipt, first join the shop: scan its QR code, or send JOIN and the shop's code. Then send the photo again.",
      ),
    );
  });
});

describe("status callbacks", () => {
  it("when status-delivered.json then status-read.json arrive, then the outbound row moves to delivered, then read", async () => {
    const phone = randomPhone();
    const tag = uniqueTag();
    const delivered = loadFixture("status-delivered.json", { phoneNumberId: app.phoneNumberId, phone, wamidTag: tag });
    const rowId = await insertSentOutbound(app.pool, phone, wamidIn(delivered));

    expect((await postLikeMeta(delivered)).status).toBe(200);
    const afterDelivered = await messageById(app.pool, rowId);
    expect(afterDelivered).toMatchObject({ whatsapp_status: "delivered", read_at: null, error_code: null });
    expect(afterDelivered.delivered_at?.getTime()).toBe(1764150020_000);

    expect(
      (await postLikeMeta(loadFixture("status-read.json", { phoneNumberId: app.phoneNumberId, phone, wamidTag: tag })))
        .status,
    ).toBe(200);
    const afterRead = await messageById(app.pool, rowId);
    expect(afterRead).toMatchObject({ whatsapp_status: "read" });
    expect(afterRead.read_at?.getTime()).toBe(1764150030_000);
    expect(afterRead.delivered_at?.getTime()).toBe(1764150020_000);
    expect(app.logs.lines.some((l) => l.msg === "webhook stored" && l.statuses === 1 && l.statusesApplied === 1)).toBe(
      true,
    );
    expectNoSecretsInLogs(app, [phone]);
  });

  it("when read arrives before delivered (out of order), then the row stays read and keeps delivered_at from the late callback", async () => {
    const phone = randomPhone();
    const tag = uniqueTag();
    const read = loadFixture("status-read.json", { phoneNumberId: app.phoneNumberId, phone, wamidTag: tag });
    const rowId = await insertSentOutbound(app.pool, phone, wamidIn(read));

    expect((await postLikeMeta(read)).status).toBe(200);
    expect(
      (
        await postLikeMeta(
          loadFixture("status-delivered.json", { phoneNumberId: app.phoneNumberId, phone, wamidTag: tag }),
        )
      ).status,
    ).toBe(200);

    const row = await messageById(app.pool, rowId);
    expect(row.whatsapp_status).toBe("read");
    expect(row.read_at?.getTime()).toBe(1764150030_000);
    // A `sent` callback arriving last does not move it back either.
    const sentLate = read.replace('"status": "read"', '"status": "sent"');
    expect((await postLikeMeta(sentLate)).status).toBe(200);
    expect((await messageById(app.pool, rowId)).whatsapp_status).toBe("read");
  });

  it("when read, sent and delivered for one message come in one POST, then the row is read, with the time of each step", async () => {
    const phone = randomPhone();
    const tag = uniqueTag();
    const read = loadFixture("status-read.json", { phoneNumberId: app.phoneNumberId, phone, wamidTag: tag });
    const rowId = await insertSentOutbound(app.pool, phone, wamidIn(read));
    await withPlatform(app.pool, (tx) =>
      tx.query(sql.type(z.object({}).loose())`UPDATE whatsapp_messages SET sent_at = NULL WHERE id = ${rowId}`),
    );
    const payload = z
      .looseObject({
        entry: z.array(
          z.looseObject({
            changes: z.array(
              z.looseObject({
                value: z.looseObject({
                  statuses: z.array(z.looseObject({ status: z.string(), timestamp: z.string() })),
                }),
              }),
            ),
          }),
        ),
      })
      .parse(JSON.parse(read));
    const change = payload.entry[0]?.changes[0];
    const readStatus = change?.value.statuses[0];
    if (change === undefined || readStatus === undefined) throw new Error("fixture without a status");
    change.value.statuses = [
      readStatus,
      { ...readStatus, status: "sent", timestamp: "1764150010" },
      { ...readStatus, status: "delivered", timestamp: "1764150020" },
    ];

    expect((await postLikeMeta(JSON.stringify(payload))).status).toBe(200);

    const row = await messageById(app.pool, rowId);
    expect(row.whatsapp_status).toBe("read");
    expect(row.sent_at?.getTime()).toBe(1764150010_000);
    expect(row.delivered_at?.getTime()).toBe(1764150020_000);
    expect(row.read_at?.getTime()).toBe(1764150030_000);
    expect(app.logs.lines.some((l) => l.msg === "webhook stored" && l.statuses === 3 && l.statusesApplied === 3)).toBe(
      true,
    );
  });

  it("when delivered arrives before the message's wamid is recorded, then it is parked and the sweeper applies it once the wamid is", async () => {
    const phone = randomPhone();
    const delivered = loadFixture("status-delivered.json", {
      phoneNumberId: app.phoneNumberId,
      phone,
      wamidTag: uniqueTag(),
    });
    const wamid = wamidIn(delivered);
    // A send in flight: Meta has answered, but the sender has not committed the wamid yet.
    const rowId = await withPlatform(app.pool, (tx) =>
      insertOutboxMessage(tx, {
        tenantId: null,
        customerId: null,
        contactPhone: phone,
        businessPhoneNumberId: SHARED_PHONE_NUMBER_ID,
        message: { kind: "text", body: "In flight" },
        triggeredBy: "test",
      }),
    );

    expect((await postLikeMeta(delivered)).status).toBe(200);
    expect(await messageById(app.pool, rowId)).toMatchObject({ whatsapp_status: "queued", delivered_at: null });
    expect(await parkedFor(wamid)).toBe(1);

    // The reply path records it: claimed, then sent with its wamid.
    await withPlatform(app.pool, async (tx) => {
      expect(await claimReplies(tx, [rowId])).toMatchObject([{ kind: "claimed", reply: { id: rowId } }]);
      // The record tells that a callback waits for this wamid (the reply sender then applies it at once).
      expect(await recordReplyOutcomes(tx, [{ id: rowId, kind: "sent", wamid }])).toEqual({
        moved: new Set([rowId]),
        statusCallbacksParked: true,
      });
    });
    await app.runtime.sweepOnce();

    const row = await messageById(app.pool, rowId);
    expect(row.whatsapp_status).toBe("delivered");
    expect(row.delivered_at?.getTime()).toBe(1764150020_000);
    expect(await parkedFor(wamid)).toBe(0);
  });

  it("when a parked callback never finds its message, then the sweeper drops it after a day", async () => {
    const phone = randomPhone();
    const delivered = loadFixture("status-delivered.json", {
      phoneNumberId: app.phoneNumberId,
      phone,
      wamidTag: uniqueTag(),
    });
    const wamid = wamidIn(delivered);
    expect((await postLikeMeta(delivered)).status).toBe(200);
    expect(await parkedFor(wamid)).toBe(1);
    await app.runtime.sweepOnce();
    expect(await parkedFor(wamid)).toBe(1);

    await withPlatform(app.pool, (tx) =>
      tx.query(sql.type(z.object({}).loose())`
        UPDATE parked_status_callbacks SET received_at = now() - interval '25 hours' WHERE whatsapp_message_id = ${wamid}
      `),
    );
    await app.runtime.sweepOnce();
    expect(await parkedFor(wamid)).toBe(0);
  });

  it("when status-failed.json arrives, then the row is failed with Meta's error code and message, and later callbacks keep it", async () => {
    const phone = randomPhone();
    const tag = uniqueTag();
    const failed = loadFixture("status-failed.json", { phoneNumberId: app.phoneNumberId, phone, wamidTag: tag });
    const rowId = await insertSentOutbound(app.pool, phone, wamidIn(failed));

    expect((await postLikeMeta(failed)).status).toBe(200);
    const row = await messageById(app.pool, rowId);
    expect(row).toMatchObject({
      whatsapp_status: "failed",
      error_code: "131047",
      error_message:
        "Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
    });
    expect(row.failed_at?.getTime()).toBe(1764150040_000);

    // Delivered and read for the same wamid afterwards: still failed, error kept.
    for (const status of ["delivered", "read"]) {
      const late = loadFixture("status-delivered.json", { phoneNumberId: app.phoneNumberId, phone, wamidTag: tag })
        .replace("wamid.outbound0001", "wamid.outbound0004")
        .replace('"status": "delivered"', `"status": "${status}"`);
      expect((await postLikeMeta(late)).status).toBe(200);
    }
    expect(await messageById(app.pool, rowId)).toMatchObject({ whatsapp_status: "failed", error_code: "131047" });
  });

  it("when a status names a wamid we never sent, then it answers 200 and changes nothing", async () => {
    const phone = randomPhone();
    const res = await postLikeMeta(
      loadFixture("status-delivered.json", { phoneNumberId: app.phoneNumberId, phone, wamidTag: uniqueTag() }),
    );
    expect(res.status).toBe(200);
    expect(app.logs.lines.some((l) => l.msg === "webhook stored" && l.statuses === 1 && l.statusesApplied === 0)).toBe(
      true,
    );
  });
});

describe("batched-two-customers.json", () => {
  it("when two customers' messages and a status come in one POST, then both are stored and answered and the status applied", async () => {
    const tenant = await createTestTenant(app.pool);
    const first = randomPhone();
    const second = randomPhone();
    await joinByChat(app, tenant, first);
    const raw = loadFixture("batched-two-customers.json", {
      phoneNumberId: app.phoneNumberId,
      phone: first,
      secondPhone: second,
      vendorCode: tenant.vendorCode,
      wamidTag: uniqueTag(),
    });
    const outboundId = await insertSentOutbound(app.pool, first, wamidIn(raw, 2), tenant);
    const since = app.graph.requests.length;

    const res = await postLikeMeta(raw);

    expect(res.status).toBe(200);
    await app.repliesTo(first, 1, since);
    await app.repliesTo(second, 2, since);
    await new Promise((r) => setTimeout(r, 200));
    expect(sentBodiesTo(app, first, since)).toEqual([textSend(first, BALANCE_ZERO)]);
    expect(sentBodiesTo(app, second, since)).toEqual([
      textSend(second, `Welcome to ${tenant.businessName}'s loyalty programme! You earn points every time you buy.`),
      languageListSend(second),
    ]);
    const firstRow = await messageByWamid(app.pool, wamidIn(raw, 0));
    const secondRow = await messageByWamid(app.pool, wamidIn(raw, 1));
    expect(firstRow).toMatchObject({ contact_phone: first, message_body: "BALANCE", tenant_id: tenant.id });
    expect(secondRow).toMatchObject({
      contact_phone: second,
      message_body: `JOIN ${tenant.vendorCode}`,
      tenant_id: tenant.id,
    });
    expect(firstRow?.processed_at).toBeInstanceOf(Date);
    expect(secondRow?.processed_at).toBeInstanceOf(Date);
    expect(await customerOf(app.pool, tenant, second)).toMatchObject({ whatsapp_name: "Bola Ade", opted_in: true });
    expect((await messageById(app.pool, outboundId)).whatsapp_status).toBe("delivered");
    expect(
      app.logs.lines.some(
        (l) =>
          l.msg === "webhook stored" &&
          l.messages === 2 &&
          l.statuses === 1 &&
          l.statusesApplied === 1 &&
          l.queued === 2,
      ),
    ).toBe(true);
    expectNoSecretsInLogs(app, [first, second]);
  });
});
