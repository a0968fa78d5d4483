import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform } from "../../../src/db/withTenant.ts";
import { maskPhone } from "../../../src/logger.ts";
import { createLocalReceiptStore } from "../../../src/storage/createLocalReceiptStore.ts";
import { addSpendRule, customerOf, joinByChat, randomMobile, stopAndClean } from "../../helpers/conversationKit.ts";
import { addOwner, addStaff, createTestTenant, startTestApp, textOf, type TestApp } from "../../helpers/testApp.ts";
import type { TestTenant } from "../../helpers/testContext.ts";
import { randomPhone } from "../../helpers/testContext.ts";

/** Receipt claims in chat (issue 19): a customer's photo filed, staff's CLAIMS review, every refusal. */
const dataDir = mkdtempSync(path.join(tmpdir(), "chat-claims-"));
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ config: { DATA_DIR: dataDir } });
});
afterAll(async () => {
  await stopAndClean(app);
});

const FILED = (amount: string) =>
  `Your receipt for ${amount} has been sent for review. We'll message you when the shop approves it.`;
const ASK =
  "Thanks for the receipt photo! How much did you spend? Reply with the amount, for example 5000. Send CANCEL to stop.";

const claimRow = z.object({
  id: z.uuid(),
  amount_kobo: z.number(),
  status: z.string(),
  receipt_key: z.string(),
  receipt_bytes: z.number(),
  rejection_reason: z.string().nullable(),
  reviewed_by_user_id: z.uuid().nullable(),
  purchase_id: z.uuid().nullable(),
});
async function claimsOf(tenant: TestTenant) {
  return withPlatform(app.pool, (tx) =>
    tx.any(sql.type(claimRow)`
      SELECT id, amount_kobo, status, receipt_key, receipt_bytes, rejection_reason, reviewed_by_user_id, purchase_id
      FROM purchase_claims WHERE tenant_id = ${tenant.id} ORDER BY created_at`),
  );
}
const purchaseRow = z.object({
  id: z.uuid(),
  amount_kobo: z.number(),
  source: z.string(),
  logged_by_user_id: z.uuid().nullable(),
  receipt_url: z.string().nullable(),
});
async function purchasesOf(tenant: TestTenant) {
  return withPlatform(app.pool, (tx) =>
    tx.any(sql.type(purchaseRow)`
      SELECT id, amount_ngn AS amount_kobo, source, logged_by_user_id, receipt_url FROM purchases WHERE tenant_id = ${tenant.id}`),
  );
}
async function setClaimSettings(tenant: TestTenant, claims: Record<string, unknown>) {
  await withPlatform(app.pool, (tx) =>
    tx.query(sql.unsafe`
      UPDATE tenants SET settings = jsonb_set(COALESCE(settings, '{}'::jsonb), '{claims}', ${sql.jsonb(claims)})
      WHERE id = ${tenant.id}`),
  );
}

/** A photo the fake Graph API serves under a fresh media id. */
function servePhoto(options: { bytes?: Buffer; mimeType?: string; declaredSize?: number | null } = {}): string {
  const id = String(BigInt(`0x${randomBytes(6).toString("hex")}`) + 10n ** 15n);
  const bytes = options.bytes ?? Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2048)]);
  app.graph.addMedia({
    id,
    mimeType: options.mimeType ?? "image/jpeg",
    bytes,
    ...(options.declaredSize === undefined ? {} : { declaredSize: options.declaredSize }),
  });
  return id;
}

/** Meta's webhook body for one media message (image with optional caption, or audio, sticker, …). */
function mediaPayload(
  from: string,
  type: string,
  content: Record<string, unknown>,
  wamid = `wamid.test.${randomUUID()}`,
) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA_ID",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550000000", phone_number_id: app.phoneNumberId },
              contacts: [{ profile: { name: "Ada" }, wa_id: from }],
              messages: [{ from, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type, [type]: content }],
            },
          },
        ],
      },
    ],
  };
}

/** Sends a media message and returns the words of the `expect` replies that follow. */
async function sendMedia(
  from: string,
  type: string,
  content: Record<string, unknown>,
  expectReplies = 1,
  wamid?: string,
) {
  const since = app.graph.requests.length;
  const res = await app.postWebhook(mediaPayload(from, type, content, wamid));
  expect(res.status).toBe(200);
  const replies = await app.repliesTo(from, expectReplies, since);
  return replies.map((r) => textOf(r.body));
}

function sendPhoto(from: string, mediaId: string, caption?: string) {
  return sendMedia(from, "image", {
    id: mediaId,
    mime_type: "image/jpeg",
    ...(caption === undefined ? {} : { caption }),
  });
}

async function customerAt(tenant?: TestTenant) {
  const shop = tenant ?? (await createTestTenant(app.pool));
  const phone = randomMobile();
  await joinByChat(app, shop, phone);
  return { tenant: shop, phone };
}

/** What a reviewer is told on signing in while claims wait. */
const WAITING = (count: number) =>
  `${count} receipt claim${count === 1 ? " is" : "s are"} waiting. Send CLAIMS to review them.`;

/** An owner signed in to owner mode; `waiting`: the pending claims they are told of at sign-in. */
async function signedInOwner(tenant: TestTenant, waiting = 1) {
  const phone = randomMobile();
  const id = await addOwner(app.pool, tenant, phone, "582046");
  await app.say(phone, "OWNER");
  const signedIn = await app.say(phone, "582046", waiting > 0 ? 2 : 1);
  expect(signedIn.slice(1)).toEqual(waiting > 0 ? [WAITING(waiting)] : []);
  return { id, phone };
}

/** A staff member signed in; `waiting`: the pending claims they are told of at sign-in. */
async function signedInStaff(tenant: TestTenant, name = "Tunde", waiting = 1) {
  const phone = randomPhone();
  const id = await addStaff(app.pool, tenant, phone, "739164", name);
  await app.say(phone, "STAFF");
  const signedIn = await app.say(phone, "739164", waiting > 0 ? 2 : 1);
  expect(signedIn.slice(1)).toEqual(waiting > 0 ? [WAITING(waiting)] : []);
  return { id, phone };
}

describe("customer receipt claims in chat", { timeout: 90_000 }, () => {
  it("when a customer sends a photo captioned with the amount, then the claim is filed, the photo stored and they are told", async () => {
    const { tenant, phone } = await customerAt();
    const mediaId = servePhoto();
    expect(await sendPhoto(phone, mediaId, "₦5,000")).toEqual([FILED("₦5,000.00")]);
    const [claim] = await claimsOf(tenant);
    expect(claim).toMatchObject({ amount_kobo: 500_000, status: "pending", receipt_bytes: 2052 });
    const stored = await createLocalReceiptStore(path.join(dataDir, "receipts")).get(claim?.receipt_key ?? "missing");
    expect(stored?.bytes.byteLength).toBe(2052);
    expect(app.graph.mediaDownloads).toContain(mediaId);
    expect(await purchasesOf(tenant)).toEqual([]);
  });

  it("when the photo has no caption, then the amount is asked, a wrong answer asked again with an example, and the answer files it", async () => {
    const { tenant, phone } = await customerAt();
    expect(await sendPhoto(phone, servePhoto())).toEqual([ASK]);
    expect(await app.say(phone, "lots")).toEqual([
      "That is not an amount. Reply with what you spent, for example 5000 or ₦5,000. Send CANCEL to stop.",
    ]);
    expect(await app.say(phone, "5,000")).toEqual([FILED("₦5,000.00")]);
    expect((await claimsOf(tenant)).map((c) => c.amount_kobo)).toEqual([500_000]);
  });

  it("when the customer sends CANCEL instead of the amount, then nothing is filed and they are back at the menu", async () => {
    const { tenant, phone } = await customerAt();
    const mediaId = servePhoto();
    await sendPhoto(phone, mediaId);
    const [reply] = await app.say(phone, "CANCEL");
    expect(reply).toMatch(/^OK, cancelled\. What would you like to do\?/);
    expect(await claimsOf(tenant)).toEqual([]);
    expect(app.graph.mediaDownloads).not.toContain(mediaId);
  });

  it("when Meta delivers the same photo message twice, then one claim is filed and one reply sent", async () => {
    const { tenant, phone } = await customerAt();
    const wamid = `wamid.test.${randomUUID()}`;
    const payload = mediaPayload(phone, "image", { id: servePhoto(), mime_type: "image/jpeg", caption: "4000" }, wamid);
    const since = app.graph.requests.length;
    expect((await app.postWebhook(payload)).status).toBe(200);
    expect((await app.postWebhook(payload)).status).toBe(200);
    await app.repliesTo(phone, 1, since);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.graph.requests.slice(since).filter((r) => textOf(r.body) === FILED("₦4,000.00"))).toHaveLength(1);
    expect(await claimsOf(tenant)).toHaveLength(1);
  });

  it("when the same photo is sent twice, then the second is refused as a duplicate", async () => {
    const { tenant, phone } = await customerAt();
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8]), randomBytes(512)]);
    await sendPhoto(phone, servePhoto({ bytes }), "2000");
    expect(await sendPhoto(phone, servePhoto({ bytes }), "2000")).toEqual([
      "This receipt was sent before. Each receipt can be claimed only once.",
    ]);
    expect(await claimsOf(tenant)).toHaveLength(1);
  });

  it("when the day's limit is reached or the amount is over the vendor's maximum, then the claim is refused politely", async () => {
    const { tenant, phone } = await customerAt();
    await setClaimSettings(tenant, { enabled: true, max_per_day: 1, max_amount_kobo: 100_000 });
    const tooMuch = servePhoto();
    expect(await sendPhoto(phone, tooMuch, "1500")).toEqual([
      "Receipts over ₦1,000.00 cannot be claimed by photo. Ask the staff at the till to record this purchase.",
    ]);
    expect(app.graph.mediaDownloads).not.toContain(tooMuch);
    expect(await sendPhoto(phone, servePhoto(), "900")).toEqual([FILED("₦900.00")]);
    expect(await sendPhoto(phone, servePhoto(), "800")).toEqual([
      "You have sent 1 receipt today, the most allowed. Try again tomorrow, or ask the staff at the till.",
    ]);
    expect(await claimsOf(tenant)).toHaveLength(1);
  });

  it("when the vendor turned claims off, then the customer is told politely and nothing is downloaded", async () => {
    const { tenant, phone } = await customerAt();
    await setClaimSettings(tenant, { enabled: false });
    const mediaId = servePhoto();
    expect(await sendPhoto(phone, mediaId, "5000")).toEqual([
      "Sorry, this shop does not take receipt photos. Ask the staff at the till to record your purchase.",
    ]);
    expect(app.graph.mediaDownloads).not.toContain(mediaId);
    expect(await claimsOf(tenant)).toEqual([]);
  });

  it("when a photo is over 5 MB (by its metadata, or by what arrives), then it is refused politely", async () => {
    const { tenant, phone } = await customerAt();
    const TOO_LARGE = "That photo is too large (over 5 MB). Please send a smaller photo of the receipt.";
    const declared = servePhoto({ declaredSize: 6 * 1024 * 1024 });
    expect(await sendPhoto(phone, declared, "5000")).toEqual([TOO_LARGE]);
    expect(app.graph.mediaDownloads).not.toContain(declared);
    const undeclared = servePhoto({ bytes: randomBytes(5 * 1024 * 1024 + 10), declaredSize: null });
    expect(await sendPhoto(phone, undeclared, "5000")).toEqual([TOO_LARGE]);
    expect(await claimsOf(tenant)).toEqual([]);
  });

  it("when someone who is no vendor's customer sends a photo, then they are told how to join first", async () => {
    expect(await sendPhoto(randomMobile(), servePhoto(), "5000")).toEqual([
      "Thanks for the photo! To earn points for a receipt, first join the shop: scan its QR code, or send JOIN and the shop's code. Then send the photo again.",
    ]);
  });

  it("when a customer sends a voice note, a sticker or a location, then the bot says what it understands", async () => {
    const { phone } = await customerAt();
    const understood =
      "I cannot read voice notes, videos, stickers, files or locations. I understand text messages, and photos of your receipts (with the amount as the caption). Send MENU to see what I can do.";
    expect(await sendMedia(phone, "audio", { id: "1", mime_type: "audio/ogg; codecs=opus", voice: true })).toEqual([
      understood,
    ]);
    expect(await sendMedia(phone, "sticker", { id: "2", mime_type: "image/webp", animated: false })).toEqual([
      understood,
    ]);
    expect(await sendMedia(phone, "location", { latitude: 6.45, longitude: 3.39 })).toEqual([understood]);
  });
});

describe("staff review of receipt claims in chat", { timeout: 120_000 }, () => {
  it("when staff approve a claim, then the purchase is logged by them as customer_self and the customer told", async () => {
    const { tenant, phone } = await customerAt();
    await addSpendRule(app.pool, tenant, 0.1);
    await sendPhoto(phone, servePhoto(), "5000");
    const staff = await signedInStaff(tenant);
    const [list] = await app.say(staff.phone, "CLAIMS");
    expect(list).toMatch(
      new RegExp(
        `^Receipt claims waiting: 1\\. Reply with a number to open one, or CANCEL to close claims\\.\\n1\\. ${maskPhone(phone).replaceAll("*", "\\*")}, ₦5,000\\.00, \\d+ minutes? ago$`,
      ),
    );
    const opened = await app.say(staff.phone, "1", 2);
    expect(opened[0]).toBe("image:Receipt for claim 1: ₦5,000.00");
    expect(opened[1]).toMatch(/^Claim 1: ₦5,000\.00 from .*Reply APPROVE to log the purchase/);
    const since = app.graph.requests.length;
    expect(await app.say(staff.phone, "APPROVE", 2)).toEqual([
      `Approved: ₦5,000.00 logged for ${maskPhone(phone)}, +500 points. The customer has been told.`,
      "No receipt claims are waiting. Send MENU for your menu.",
    ]);
    const told = await app.repliesTo(phone, 1, since);
    expect(told.map((r) => textOf(r.body))).toEqual([
      `✅ ${tenant.businessName} approved your receipt: you earned 500 points. Your balance is now 500.`,
    ]);
    const [claim] = await claimsOf(tenant);
    const purchases = await purchasesOf(tenant);
    expect(purchases).toEqual([
      {
        id: claim?.purchase_id,
        amount_kobo: 500_000,
        source: "customer_self",
        logged_by_user_id: staff.id,
        receipt_url: `/api/v1/claims/${claim?.id}/receipt`,
      },
    ]);
    expect(claim).toMatchObject({ status: "approved", reviewed_by_user_id: staff.id });
    expect(await customerOf(app.pool, tenant, phone)).toMatchObject({ balance: 500, ledger_sum: 500 });
    // Back in the staff menu: an ordinary staff command works again.
    expect((await app.say(staff.phone, "MENU"))[0]).toMatch(/\[LOG\|VERIFY\|EXIT\]$/);
  });

  it("when staff reject a claim with a reason, then the customer is told the reason in their own language", async () => {
    const { tenant, phone } = await customerAt();
    await app.say(phone, "LANGUAGE pcm");
    await sendPhoto(phone, servePhoto(), "3000");
    const staff = await signedInStaff(tenant);
    await app.say(staff.phone, "CLAIMS");
    await app.say(staff.phone, "1", 2);
    expect(await app.say(staff.phone, "REJECT")).toEqual([
      "Why are you rejecting it? Type the reason the customer will see, for example: blurry photo.",
    ]);
    const since = app.graph.requests.length;
    expect(await app.say(staff.phone, "blurry photo", 2)).toEqual([
      "Rejected. The customer has been told why: blurry photo.",
      "No receipt claims are waiting. Send MENU for your menu.",
    ]);
    const told = await app.repliesTo(phone, 1, since);
    expect(told.map((r) => textOf(r.body))).toEqual([
      `❌ ${tenant.businessName} no fit approve your receipt: blurry photo. Ask for the counter if you think say dem make mistake.`,
    ]);
    expect(await claimsOf(tenant)).toMatchObject([{ status: "rejected", rejection_reason: "blurry photo" }]);
    expect(await purchasesOf(tenant)).toEqual([]);
  });

  it("when two staff approve the same claim, or the APPROVE webhook is replayed, then it has one effect", async () => {
    const { tenant, phone } = await customerAt();
    await sendPhoto(phone, servePhoto(), "5000");
    const first = await signedInStaff(tenant, "Ada");
    const second = await signedInStaff(tenant, "Bola");
    await app.say(first.phone, "CLAIMS");
    await app.say(first.phone, "1", 2);
    await app.say(second.phone, "CLAIMS");
    await app.say(second.phone, "1", 2);
    const wamid = `wamid.test.${randomUUID()}`;
    const since = app.graph.requests.length;
    await app.sendText(second.phone, "APPROVE", { id: wamid });
    await app.repliesTo(second.phone, 2, since);
    await app.sendText(second.phone, "APPROVE", { id: wamid });
    expect(await app.say(first.phone, "APPROVE", 2)).toEqual([
      "That claim was already reviewed by someone else.",
      "No receipt claims are waiting. Send MENU for your menu.",
    ]);
    expect(await purchasesOf(tenant)).toHaveLength(1);
    expect(await claimsOf(tenant)).toMatchObject([{ status: "approved", reviewed_by_user_id: second.id }]);
  });

  it("when staff of another vendor send CLAIMS, then they see none of this vendor's claims", async () => {
    const { tenant, phone } = await customerAt();
    await sendPhoto(phone, servePhoto(), "5000");
    const other = await createTestTenant(app.pool);
    const staff = await signedInStaff(other, "Tunde", 0);
    expect(await app.say(staff.phone, "CLAIMS")).toEqual(["No receipt claims are waiting. Send MENU for your menu."]);
    expect(await app.say(staff.phone, "1")).not.toContain("image:");
    expect(await claimsOf(tenant)).toMatchObject([{ status: "pending" }]);
  });

  it("when staff may not log purchases, then CLAIMS is refused", async () => {
    const { tenant, phone } = await customerAt();
    await sendPhoto(phone, servePhoto(), "5000");
    const staff = await signedInStaff(tenant);
    await withPlatform(app.pool, (tx) =>
      tx.query(
        sql.unsafe`UPDATE vendor_users SET permissions = '{"can_log_purchases": false}'::jsonb WHERE id = ${staff.id}`,
      ),
    );
    expect(await app.say(staff.phone, "CLAIMS")).toEqual([
      "Your account may not review receipt claims. Ask the owner.",
    ]);
    expect(await claimsOf(tenant)).toMatchObject([{ status: "pending" }]);
  });

  it("when the owner sends CLAIMS in owner mode, then the review opens, APPROVE logs the purchase as theirs, and owner commands work again after", async () => {
    const { tenant, phone } = await customerAt();
    await addSpendRule(app.pool, tenant, 0.1);
    await sendPhoto(phone, servePhoto(), "4000");
    const owner = await signedInOwner(tenant);
    const [list] = await app.say(owner.phone, "CLAIMS");
    expect(list).toMatch(/^Receipt claims waiting: 1\. Reply with a number to open one/);
    const opened = await app.say(owner.phone, "1", 2);
    expect(opened[0]).toBe("image:Receipt for claim 1: ₦4,000.00");
    const since = app.graph.requests.length;
    expect(await app.say(owner.phone, "APPROVE", 2)).toEqual([
      `Approved: ₦4,000.00 logged for ${maskPhone(phone)}, +400 points. The customer has been told.`,
      "No receipt claims are waiting. Send MENU for your menu.",
    ]);
    expect((await app.repliesTo(phone, 1, since)).map((r) => textOf(r.body))).toEqual([
      `✅ ${tenant.businessName} approved your receipt: you earned 400 points. Your balance is now 400.`,
    ]);
    expect(await purchasesOf(tenant)).toMatchObject([
      { amount_kobo: 400_000, source: "customer_self", logged_by_user_id: owner.id },
    ]);
    expect(await claimsOf(tenant)).toMatchObject([{ status: "approved", reviewed_by_user_id: owner.id }]);
    // The review is over: the owner flow answers the owner's commands again.
    expect((await app.say(owner.phone, "TODAY"))[0]).toContain("Today");
  });

  it("when the owner has a claim open and types an owner command, then the review closes and the command is carried out", async () => {
    const { tenant, phone } = await customerAt();
    await sendPhoto(phone, servePhoto(), "2500");
    const owner = await signedInOwner(tenant);
    await app.say(owner.phone, "CLAIMS");
    await app.say(owner.phone, "1", 2);
    const [qr] = await app.say(owner.phone, "QR", 2);
    expect(qr).toContain(tenant.vendorCode);
    expect(await claimsOf(tenant)).toMatchObject([{ status: "pending" }]);
    // Numbers mean the owner's lists again, not claims.
    expect(await app.say(owner.phone, "APPROVE")).not.toContain("Approved");
    expect(await claimsOf(tenant)).toMatchObject([{ status: "pending" }]);
  });

  it("when the programme is paused, then CLAIMS in owner mode is refused and nothing is approved", async () => {
    const { tenant, phone } = await customerAt();
    await sendPhoto(phone, servePhoto(), "5000");
    const owner = await signedInOwner(tenant);
    await withPlatform(app.pool, (tx) =>
      tx.query(sql.unsafe`UPDATE tenants SET subscription_status = 'suspended' WHERE id = ${tenant.id}`),
    );
    expect(await app.say(owner.phone, "CLAIMS")).toEqual([
      "Your programme is paused, so nothing can be changed now. TODAY, REWARDS, STAFF LIST, QR, PLAN and LOGIN still work.",
    ]);
    expect(await app.say(owner.phone, "1")).not.toContain("image:Receipt for claim 1: ₦5,000.00");
    expect(await claimsOf(tenant)).toMatchObject([{ status: "pending" }]);
  });
});
