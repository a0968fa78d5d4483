import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { sql } from "../../src/db/sql.ts";
import { withPlatform } from "../../src/db/withTenant.ts";
import { startRuntime, type Runtime } from "../../src/runtime.ts";
import { createSandboxGraphClient } from "../../src/sandbox/createSandboxGraphClient.ts";
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
