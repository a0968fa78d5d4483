import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../src/db/sql.ts";
import { withPlatform } from "../../src/db/withTenant.ts";
import { createStaffMember } from "../../src/domain/staff/createStaffMember.ts";
import { maskPhone } from "../../src/logger.ts";
import { startRuntime, type Runtime } from "../../src/runtime.ts";
import { createLocalReceiptStore } from "../../src/storage/createLocalReceiptStore.ts";
import { receiptKey } from "../../src/storage/receiptStore.ts";
import { createCapturingLogger, testConfig, testDatabaseUrl } from "../helpers/testContext.ts";
import { TEST_REDIS_URL } from "../helpers/testDatabase.ts";

/**
 * A receipt photo sent from the sandbox web chat, through the public seams only: the photo route
 * stores it and posts Meta's signed image webhook, the engine downloads it through the sandbox's
 * fake Graph API (no network) and files the claim, and the bot's reply lands in the chat log.
 */
const STEP_TIMEOUT_MS = 20_000;
const FILED = /Your receipt for ₦5,000(\.00)? has been sent for review/;
const logs = createCapturingLogger("info");
// A sandbox number of this file's own: this runtime drains only it (testConfig's INBOUND_PHONE_NUMBER_IDS).
const PHONE_NUMBER_ID = `1000${String(Date.now()).slice(-8)}${String(process.pid % 1000).padStart(3, "0")}`;
let runtime: Runtime;
let url: string;
let dataDir: string;
let demoTenantId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "sandbox-photo-"));
  runtime = await startRuntime({
    config: testConfig({
      LOG_LEVEL: "info",
      REDIS_URL: TEST_REDIS_URL,
      DATA_DIR: dataDir,
      WHATSAPP_TOKEN: undefined,
      WHATSAPP_APP_SECRET: undefined,
      WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    }),
    log: logs.log,
    databaseUrl: testDatabaseUrl(),
    role: "all",
    platformSchedules: false,
    host: "127.0.0.1",
    queuePrefix: `{sbxp${process.pid}_${Date.now()}}`,
  });
  url = runtime.url ?? "";
  demoTenantId = await withPlatform(runtime.pool, (tx) =>
    tx.oneFirst(sql.type(z.object({ id: z.uuid() }))`SELECT id FROM tenants WHERE vendor_code = 'DEMO'`),
  );
}, 90_000);

afterAll(async () => {
  await runtime?.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

describe("a photo sent from the sandbox web chat", () => {
  it("when a DEMO customer sends a receipt photo captioned 5000, then a pending claim holds exactly the uploaded bytes and the chat shows the photo and the bot's 'sent for review'", async () => {
    const phone = randomMobile();
    await joinDemo(phone);
    const photo = jpeg(6_000);

    const res = await postPhoto({ phone, caption: "5000", photo, type: "image/jpeg", filename: "receipt.jpg" });
    expect(res.status).toBe(201);
    const sent = z
      .object({ id: z.string().startsWith("wamid."), mediaId: z.string().regex(/^\d{15,17}$/), bytes: z.number() })
      .parse(await res.json());
    expect(sent.bytes).toBe(photo.byteLength);

    const filed = await botSays(phone, FILED);
    const entries = await chatOf(phone);
    const mineAt = entries.findIndex((entry) => entry.id === sent.id);
    expect(entries[mineAt]).toEqual(
      expect.objectContaining({ direction: "in", text: "5000", image: `/sandbox/media/${sent.mediaId}` }),
    );
    // The reply comes after the photo in the chat.
    expect(entries.findIndex((entry) => entry.id === filed.id)).toBeGreaterThan(mineAt);
    // The page loads the photo from the sandbox, byte for byte.
    const served = await fetch(`${url}/sandbox/media/${sent.mediaId}`);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await served.arrayBuffer()).equals(photo)).toBe(true);

    const claims = await claimsOf(phone);
    const sha256 = createHash("sha256").update(photo).digest("hex");
    expect(claims).toEqual([
      {
        status: "pending",
        amount_kobo: 500_000,
        receipt_bytes: photo.byteLength,
        receipt_mime_type: "image/jpeg",
        receipt_key: receiptKey(demoTenantId, sha256),
      },
    ]);
    // The engine stored what it downloaded: the receipt file is the upload.
    const stored = await fetchStoredReceipt(receiptKey(demoTenantId, sha256));
    expect(stored.equals(photo)).toBe(true);

    // No log line names the customer's full phone number.
    expect(logs.lines.filter((line) => JSON.stringify(line).includes(phone))).toEqual([]);
  });

  it("when staff send CLAIMS, open the photo's claim and APPROVE it, then the receipt photo comes back to them, the purchase is logged and the customer is told", async () => {
    const customer = randomMobile();
    await joinDemo(customer);
    const photo = jpeg(4_000);
    const res = await postPhoto({ phone: customer, caption: "5000", photo, type: "image/jpeg", filename: "r.jpg" });
    expect(res.status).toBe(201);
    await botSays(customer, FILED);

    // A staff member of the demo vendor of this test's own (the demo staff's chat is shared by the sandbox tests).
    const staffPhone = randomMobile();
    await withPlatform(runtime.pool, async (tx) => {
      const created = await createStaffMember(tx, {
        tenantId: demoTenantId,
        email: `staff-${staffPhone}@demo-cafe.example`,
        fullName: "Photo test staff",
        phoneNumber: staffPhone,
        role: "staff",
        pin: "2468",
      });
      if (!created.ok) throw new Error(`staff not created: ${created.reason}`);
    });
    await botSays(staffPhone, /enter your PIN/, await say(staffPhone, "STAFF"));
    await botSays(staffPhone, /you're signed in/, await say(staffPhone, "2468"));
    const list = await botSays(staffPhone, /Receipt claims waiting/, await say(staffPhone, "CLAIMS"));
    const line = list.text
      .split("\n")
      .map((text) => /^(\d+)\. (.+), ₦5,000/.exec(text))
      .find((match) => match?.[2] === maskPhone(customer));
    expect(line, list.text).toBeDefined();

    const opened = await say(staffPhone, line?.[1] ?? "");
    await botSays(staffPhone, /Reply APPROVE to log the purchase/, opened);
    const receipt = await botSays(staffPhone, /Receipt for claim \d+: ₦5,000/, opened);
    expect(receipt.image).toMatch(/^\/sandbox\/media\/\d+$/);
    const shown = await fetch(`${url}${receipt.image ?? ""}`);
    expect(Buffer.from(await shown.arrayBuffer()).equals(photo)).toBe(true);

    await botSays(staffPhone, /Approved: ₦5,000(\.00)? logged for .*\+50 points/, await say(staffPhone, "APPROVE"));
    await botSays(customer, /Demo Café approved your receipt: you earned 50 points/);
    expect(await claimsOf(customer)).toEqual([expect.objectContaining({ status: "approved", amount_kobo: 500_000 })]);
  });

  it("when a PNG without a caption is sent, then the bot asks for the amount and the chat shows the photo with no text", async () => {
    const phone = randomMobile();
    await joinDemo(phone);
    const photo = png(2_000);
    const res = await postPhoto({ phone, photo, type: "image/png", filename: "receipt.png" });
    expect(res.status).toBe(201);
    await botSays(phone, /How much did you spend\?/);
    const entries = await chatOf(phone);
    expect(entries.filter((entry) => entry.direction === "in" && entry.image !== undefined)).toEqual([
      expect.objectContaining({ text: "", image: expect.stringMatching(/^\/sandbox\/media\/\d+$/) }),
    ]);
    expect(await claimsOf(phone)).toEqual([]);
  });

  it("when the photo is over 5 MB, then the route answers 413 with a JSON error, nothing reaches the chat and no claim is filed", async () => {
    const phone = randomMobile();
    await joinDemo(phone);
    const before = await chatOf(phone);
    const res = await postPhoto({
      phone,
      caption: "5000",
      photo: jpeg(5 * 1024 * 1024 + 1),
      type: "image/jpeg",
      filename: "big.jpg",
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: "photo_too_large", message: expect.stringContaining("5 MB") },
    });
    // Far over the limit (the form itself too large) is the same answer.
    const huge = await postPhoto({ phone, photo: jpeg(7 * 1024 * 1024), type: "image/jpeg", filename: "huge.jpg" });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: "photo_too_large" } });

    await expectQuiet(phone, before.length);
    expect(await claimsOf(phone)).toEqual([]);
  });

  it("when the file is not a JPEG or PNG, or the form is wrong, then the route answers 4xx JSON and nothing is sent", async () => {
    const phone = randomMobile();
    await joinDemo(phone);
    const before = await chatOf(phone);

    // Declared as an image, but the bytes are text.
    const text = Buffer.from("this is not a photo of a receipt\n".repeat(20));
    const disguised = await postPhoto({ phone, caption: "5000", photo: text, type: "image/png", filename: "r.png" });
    expect(disguised.status).toBe(415);
    expect(await disguised.json()).toMatchObject({ error: { code: "unsupported_media_type" } });
    const plain = await postPhoto({ phone, caption: "5000", photo: text, type: "text/plain", filename: "r.txt" });
    expect(plain.status).toBe(415);
    // A GIF is an image, but not one WhatsApp takes for a receipt here.
    const gif = Buffer.concat([Buffer.from("GIF89a"), randomBytes(200)]);
    const gifAnswer = await postPhoto({ phone, photo: gif, type: "image/gif", filename: "r.gif" });
    expect(gifAnswer.status).toBe(415);

    const noFile = new FormData();
    noFile.append("phone", phone);
    const missing = await fetch(`${url}/sandbox/api/photo`, { method: "POST", body: noFile });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: "validation_error" } });
    const badPhone = await postPhoto({ phone: "not a phone", photo: jpeg(500), type: "image/jpeg", filename: "r.jpg" });
    expect(badPhone.status).toBe(400);
    const json = await fetch(`${url}/sandbox/api/photo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone, photo: "aGVsbG8=" }),
    });
    expect(json.status).toBe(415);

    await expectQuiet(phone, before.length);
    expect(await claimsOf(phone)).toEqual([]);
  });
});

type ChatEntry = z.infer<typeof chatEntry>;
const chatEntry = z.object({
  id: z.string(),
  direction: z.enum(["in", "out"]),
  text: z.string(),
  image: z.string().optional(),
});

async function chatOf(phone: string): Promise<ChatEntry[]> {
  const res = await fetch(`${url}/sandbox/api/messages?phone=${phone}`);
  expect(res.status).toBe(200);
  return z.object({ entries: z.array(chatEntry) }).parse(await res.json()).entries;
}

/** Waits for a bot message matching `pattern` in the chat with `phone`, at or after position `since`. */
async function botSays(phone: string, pattern: RegExp, since = 0): Promise<ChatEntry> {
  let found: ChatEntry | undefined;
  await expect
    .poll(
      async () => {
        found = (await chatOf(phone))
          .slice(since)
          .find((entry) => entry.direction === "out" && pattern.test(entry.text));
        return found !== undefined;
      },
      { timeout: STEP_TIMEOUT_MS, interval: 100, message: `the bot never said ${String(pattern)}` },
    )
    .toBe(true);
  return found as ChatEntry;
}

/** Sends `text` as `phone` from the web chat; answers where the bot's replies to it start. */
async function say(phone: string, text: string): Promise<number> {
  const since = (await chatOf(phone)).length;
  const res = await fetch(`${url}/sandbox/api/send`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ phone, text }),
  });
  expect(res.status).toBe(201);
  return since;
}

/** Nothing new reaches the chat with `phone` (no photo, no reply) for a second. */
async function expectQuiet(phone: string, entriesBefore: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(await chatOf(phone)).toHaveLength(entriesBefore);
}

async function joinDemo(phone: string): Promise<void> {
  const since = await say(phone, "JOIN DEMO");
  await botSays(phone, /Welcome to Demo Café/, since);
  await botSays(phone, /Which language should I use\?/, since);
}

function postPhoto(input: { phone: string; caption?: string; photo: Buffer; type: string; filename: string }) {
  const form = new FormData();
  form.append("phone", input.phone);
  form.append("name", "Ada (test)");
  if (input.caption !== undefined) form.append("caption", input.caption);
  form.append("photo", new Blob([new Uint8Array(input.photo)], { type: input.type }), input.filename);
  return fetch(`${url}/sandbox/api/photo`, { method: "POST", body: form });
}

const claimRow = z.object({
  status: z.string(),
  amount_kobo: z.number(),
  receipt_bytes: z.number(),
  receipt_mime_type: z.string(),
  receipt_key: z.string(),
});
async function claimsOf(phone: string) {
  return withPlatform(runtime.pool, (tx) =>
    tx.any(sql.type(claimRow)`
      SELECT pc.status, pc.amount_kobo, pc.receipt_bytes, pc.receipt_mime_type, pc.receipt_key
      FROM purchase_claims pc JOIN customers c ON c.id = pc.customer_id
      WHERE pc.tenant_id = ${demoTenantId} AND c.phone_number = ${phone}
      ORDER BY pc.created_at`),
  );
}

async function fetchStoredReceipt(key: string): Promise<Buffer> {
  const stored = await createLocalReceiptStore(path.join(dataDir, "receipts")).get(key);
  if (stored === null) throw new Error("the receipt is not in the store");
  return Buffer.from(stored.bytes);
}

/** `size` bytes that start like a JPEG (and differ every call, so no photo is a duplicate). */
function jpeg(size: number): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);
}

function png(size: number): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);
}

/** A random Nigerian mobile number (0803…). */
function randomMobile(): string {
  return `234803${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
}
