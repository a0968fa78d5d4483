import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { sql } from "../../src/db/sql.ts";
import { withPlatform } from "../../src/db/withTenant.ts";
import { startRuntime, type Runtime } from "../../src/runtime.ts";
import { buildWebhookPayload } from "../../src/sandbox/buildWebhookPayload.ts";
import { createSandboxGraphClient, SANDBOX_TOKEN } from "../../src/sandbox/createSandboxGraphClient.ts";
import { ensureDemoVendor } from "../../src/sandbox/ensureDemoVendor.ts";
import { createSandboxChatLog } from "../../src/sandbox/sandboxChatLog.ts";
import { createSandboxMediaStore } from "../../src/sandbox/sandboxMediaStore.ts";
import { signWebhookBody, verifyWebhookSignature } from "../../src/whatsapp/verifyWebhookSignature.ts";
import { parseWebhookPayload, type StatusUpdate } from "../../src/whatsapp/webhookPayload.ts";
import {
  createCapturingLogger,
  createTestPool,
  randomPhone,
  testConfig,
  testDatabaseUrl,
} from "../helpers/testContext.ts";
import { TEST_REDIS_URL } from "../helpers/testDatabase.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startWeb(overrides: Record<string, string | undefined>): Promise<Runtime> {
  const runtime = await startRuntime({
    config: testConfig({ REDIS_URL: TEST_REDIS_URL, ...overrides }),
    log: createCapturingLogger("silent").log,
    databaseUrl: testDatabaseUrl(),
    role: "web",
    host: "127.0.0.1",
    queuePrefix: `{sbxm${process.pid}_${Date.now()}}`,
  });
  cleanups.push(() => runtime.stop());
  return runtime;
}

const NO_CREDENTIALS = {
  WHATSAPP_TOKEN: undefined,
  WHATSAPP_PHONE_NUMBER_ID: undefined,
  WHATSAPP_APP_SECRET: undefined,
};

describe("sandbox mode", () => {
  it("when NODE_ENV=production has no WhatsApp token, then loadConfig throws naming WHATSAPP_TOKEN (no sandbox in production)", () => {
    const production = {
      NODE_ENV: "production",
      DATABASE_URL: "postgres://app@127.0.0.1:5432/app",
      JWT_SECRET: "a-production-secret-of-at-least-32-chars",
      WHATSAPP_APP_SECRET: "app-secret",
      WHATSAPP_VERIFY_TOKEN: "verify",
      WHATSAPP_PHONE_NUMBER_ID: "109876543210987",
    };
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow("config: WHATSAPP_TOKEN is required when NODE_ENV=production");
    expect(loadConfig({ ...production, WHATSAPP_TOKEN: "token" }).whatsapp.sandbox).toBe(false);
  });

  it("when the app has WhatsApp credentials, then every sandbox route answers 404", async () => {
    const runtime = await startWeb({});
    const url = runtime.url ?? "";
    for (const path of [
      "/sandbox",
      "/sandbox/assets/sandbox.js",
      "/sandbox/qr.svg",
      "/sandbox/api/info",
      "/sandbox/api/messages?phone=2348012345678",
    ]) {
      const res = await fetch(`${url}${path}`);
      expect(res.status, path).toBe(404);
    }
    const send = await fetch(`${url}/sandbox/api/send`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: "2348012345678", text: "JOIN DEMO" }),
    });
    expect(send.status).toBe(404);
    const photo = new FormData();
    photo.append("phone", "2348012345678");
    photo.append("photo", new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: "image/jpeg" }), "r.jpg");
    const sendPhoto = await fetch(`${url}/sandbox/api/photo`, { method: "POST", body: photo });
    expect(sendPhoto.status).toBe(404);
  });

  it("when in sandbox mode with no WHATSAPP_APP_SECRET, then the webhook still refuses unsigned and wrongly signed POSTs and accepts the sandbox's own", async () => {
    const runtime = await startWeb(NO_CREDENTIALS);
    const url = runtime.url ?? "";
    const body = JSON.stringify({ object: "whatsapp_business_account", entry: [] });
    const unsigned = await fetch(`${url}/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(unsigned.status).toBe(401);
    const wrong = await fetch(`${url}/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(body, "guessed") },
      body,
    });
    expect(wrong.status).toBe(401);

    const phone = randomPhone();
    const sent = await fetch(`${url}/sandbox/api/send`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: `+${phone}`, text: "JOIN DEMO" }),
    });
    expect(sent.status).toBe(201);
    const { id } = z.object({ id: z.string().startsWith("wamid.") }).parse(await sent.json());

    const pool = await createTestPool();
    cleanups.push(() => pool.end());
    const stored = await withPlatform(pool, (tx) =>
      tx.maybeOne(sql.type(
        z.object({
          contact_phone: z.string(),
          message_body: z.string().nullable(),
          business_phone_number_id: z.string(),
        }),
      )`
        SELECT contact_phone, message_body, business_phone_number_id FROM whatsapp_messages
        WHERE whatsapp_message_id = ${id} AND direction = 'inbound'
      `),
    );
    expect(stored).toEqual({
      contact_phone: phone,
      message_body: "JOIN DEMO",
      business_phone_number_id: "100000000000001",
    });

    const messages = await fetch(`${url}/sandbox/api/messages?phone=${phone}`).then((r) => r.json());
    expect(messages).toEqual({ entries: [expect.objectContaining({ id, direction: "in", text: "JOIN DEMO" })] });

    const bad = await fetch(`${url}/sandbox/api/send`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: "not a phone", text: "hi" }),
    });
    expect(bad.status).toBe(400);
  });

  it("when the bot sends through the sandbox Graph API, then it gets a wamid, the chat records it, and signed sent, delivered and read callbacks follow in order", async () => {
    const appSecret = "sandbox-test-secret";
    const statuses: StatusUpdate[] = [];
    const signatures: string[] = [];
    const server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const check = verifyWebhookSignature(raw, req.headers["x-hub-signature-256"]?.toString(), appSecret);
        signatures.push(check.ok ? "ok" : check.reason);
        const parsed = parseWebhookPayload(JSON.parse(raw.toString("utf8")));
        if (parsed.ok) statuses.push(...parsed.value.statuses);
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { port }: AddressInfo = z
      .object({ port: z.number(), address: z.string(), family: z.string() })
      .parse(server.address());

    const chatLog = createSandboxChatLog();
    const graph = createSandboxGraphClient({
      log: createCapturingLogger("silent").log,
      chatLog,
      business: { phoneNumberId: "100000000000001", displayPhoneNumber: "15550000000" },
      apiVersion: "v23.0",
      appSecret,
      appUrl: Promise.resolve(`http://127.0.0.1:${port}`),
      statusDelaysMs: [5, 5, 5],
      mediaStore: createSandboxMediaStore(),
    });
    cleanups.push(async () => graph.stop());

    const to = randomPhone();
    const result = await graph.send("100000000000001", to, {
      kind: "buttons",
      body: "Redeem Free coffee? YES / NO",
      buttons: [
        { id: "YES", title: "Yes" },
        { id: "NO", title: "No" },
      ],
    });
    expect(result).toEqual({ ok: true, wamid: expect.stringMatching(/^wamid\.[\w-]+$/) });
    const wamid = result.ok ? result.wamid : "";
    expect(chatLog.list(to)).toEqual([
      expect.objectContaining({
        id: wamid,
        direction: "out",
        text: "Redeem Free coffee? YES / NO",
        buttons: [
          { id: "YES", title: "Yes" },
          { id: "NO", title: "No" },
        ],
      }),
    ]);

    await expect.poll(() => statuses.length, { timeout: 5_000 }).toBe(3);
    expect(signatures).toEqual(["ok", "ok", "ok"]);
    expect(statuses.map((s) => [s.waMessageId, s.status, s.recipientId])).toEqual([
      [wamid, "sent", to],
      [wamid, "delivered", to],
      [wamid, "read", to],
    ]);

    // WhatsApp's limits hold as at Meta: four buttons are refused and nothing is recorded.
    const tooMany = await graph.send("100000000000001", to, {
      kind: "buttons",
      body: "Pick one",
      buttons: ["A", "B", "C", "D"].map((id) => ({ id, title: id })),
    });
    expect(tooMany).toMatchObject({ ok: false, reason: "invalid_message", retryable: false });
    // An unknown sending number is a Graph API error (code 100), not a success.
    const wrongNumber = await graph.send("999", to, { kind: "text", body: "hello" });
    expect(wrongNumber).toMatchObject({ ok: false, code: 100, retryable: false });
    expect(chatLog.list(to)).toHaveLength(1);
  });

  it("when the engine retrieves and downloads a photo from the sandbox Graph API, then it answers Meta's documented shapes, refuses a wrong token and an unknown id, and reaches no network", async () => {
    const mediaStore = createSandboxMediaStore();
    const graph = createSandboxGraphClient({
      log: createCapturingLogger("silent").log,
      chatLog: createSandboxChatLog(),
      business: { phoneNumberId: "100000000000001", displayPhoneNumber: "15550000000" },
      apiVersion: "v23.0",
      appSecret: "sandbox-test-secret",
      appUrl: new Promise<string>(() => undefined),
      mediaStore,
    });
    cleanups.push(async () => graph.stop());
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(1_500)]);
    const id = mediaStore.newId();
    mediaStore.add(id, { mimeType: "image/png", bytes });
    const auth = { authorization: `Bearer ${SANDBOX_TOKEN}` };

    // GET /{version}/{media-id}, as whatsapp-api-js's retrieveMedia sends it (a trailing "?").
    const info = await graph.fetch(`https://graph.facebook.com/v23.0/${id}?`, { headers: auth });
    expect(info.status).toBe(200);
    const described = z
      .object({
        messaging_product: z.literal("whatsapp"),
        url: z.url(),
        mime_type: z.string(),
        sha256: z.string(),
        file_size: z.number(),
        id: z.string(),
      })
      .strict()
      .parse(await info.json());
    expect(described).toEqual({
      messaging_product: "whatsapp",
      url: expect.stringMatching(/^https:\/\/lookaside\.fbsbx\.com\/whatsapp_business\/attachments\/\?mid=/),
      mime_type: "image/png",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      file_size: bytes.byteLength,
      id,
    });
    const withNumber = await graph.fetch(`https://graph.facebook.com/v23.0/${id}?phone_number_id=100000000000001`, {
      headers: auth,
    });
    expect(withNumber.status).toBe(200);

    // The download URL with the bearer token: the bytes and their type.
    const file = await graph.fetch(described.url, { headers: auth });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);

    // A wrong token is refused on both, as the send path refuses it.
    const wrong = { authorization: "Bearer guessed" };
    for (const target of [`https://graph.facebook.com/v23.0/${id}?`, described.url]) {
      const refused = await graph.fetch(target, { headers: wrong });
      expect(refused.status, target).toBe(401);
      expect(await refused.json()).toMatchObject({ error: { code: 190 } });
      expect((await graph.fetch(target)).status, target).toBe(401);
    }
    // An unknown id is Graph's "object does not exist" error; a URL it did not hand out is refused.
    const unknown = await graph.fetch("https://graph.facebook.com/v23.0/999999999999999?", { headers: auth });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: expect.objectContaining({
        code: 100,
        error_subcode: 33,
        message: expect.stringContaining("999999999999999"),
      }),
    });
    const forged = new URL(described.url);
    forged.searchParams.set("hash", "forged");
    expect((await graph.fetch(forged.href, { headers: auth })).status).toBe(404);
    // Anything else is refused in-process: the sandbox never reaches the network.
    expect((await graph.fetch("https://example.com/receipt.png", { headers: auth })).status).toBe(400);

    // The engine's downloader (whatsapp-api-js retrieveMedia + fetchMedia) over the fake.
    const downloaded = await graph.downloadMedia(id, { maxBytes: 5 * 1024 * 1024, mimeTypes: ["image/png"] });
    expect(downloaded).toEqual({
      ok: true,
      media: {
        bytes: new Uint8Array(bytes),
        mimeType: "image/png",
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
    });
    expect(
      await graph.downloadMedia("999999999999999", { maxBytes: 1_000_000, mimeTypes: ["image/png"] }),
    ).toMatchObject({
      ok: false,
      reason: "not_found",
    });
    expect(await graph.downloadMedia(id, { maxBytes: 100, mimeTypes: ["image/png"] })).toMatchObject({
      ok: false,
      reason: "too_large",
    });
  });

  it("when the web chat sends a photo, then the webhook body is Meta's image message and the app's parser reads its media id, type and caption", () => {
    const payload = buildWebhookPayload(
      { phoneNumberId: "100000000000001", displayPhoneNumber: "15550000000" },
      {
        message: {
          id: "wamid.sandbox-photo",
          from: "2348031234567",
          profileName: "Ada",
          timestamp: 1_764_150_005,
          type: "image",
          mediaId: "1234567890123456",
          mimeType: "image/jpeg",
          sha256: "cNaJ/Tr2Slk6ftE3dN8tYdJcnXNXiFMuIEBmuuFDCSk=",
          caption: "5000",
        },
      },
    );
    expect(payload.entry[0]?.changes[0]?.value).toMatchObject({
      messages: [
        {
          from: "2348031234567",
          id: "wamid.sandbox-photo",
          timestamp: "1764150005",
          type: "image",
          image: {
            caption: "5000",
            mime_type: "image/jpeg",
            sha256: "cNaJ/Tr2Slk6ftE3dN8tYdJcnXNXiFMuIEBmuuFDCSk=",
            id: "1234567890123456",
          },
        },
      ],
    });
    const parsed = parseWebhookPayload(JSON.parse(JSON.stringify(payload)));
    expect(parsed.ok && parsed.value.messages).toEqual([
      expect.objectContaining({
        type: "image",
        from: "2348031234567",
        text: "5000",
        media: { id: "1234567890123456", mimeType: "image/jpeg" },
      }),
    ]);
  });

  it("when the demo vendor already exists, then preparing the sandbox again creates nothing new", async () => {
    const pool = await createTestPool();
    cleanups.push(() => pool.end());
    const log = createCapturingLogger("silent").log;
    const first = await ensureDemoVendor(pool, log);
    const second = await ensureDemoVendor(pool, log);
    expect(second).toEqual({ tenantId: first.tenantId, created: false });
    const counts = await withPlatform(pool, (tx) =>
      tx.one(sql.type(z.object({ tenants: z.number(), rewards: z.number(), rules: z.number(), staff: z.number() }))`
        SELECT
          (SELECT count(*)::int FROM tenants WHERE vendor_code = 'DEMO') AS tenants,
          (SELECT count(*)::int FROM rewards WHERE tenant_id = ${first.tenantId}) AS rewards,
          (SELECT count(*)::int FROM points_rules WHERE tenant_id = ${first.tenantId} AND rule_type = 'per_amount_spent') AS rules,
          (SELECT count(*)::int FROM vendor_users WHERE tenant_id = ${first.tenantId} AND phone_number = '2348030000001' AND pin_enabled) AS staff
      `),
    );
    expect(counts).toEqual({ tenants: 1, rewards: 3, rules: 1, staff: 1 });
  });
});

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}
