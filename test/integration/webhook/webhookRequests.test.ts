import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeLikeMeta, signWebhookBody } from "../../../src/whatsapp/verifyWebhookSignature.ts";
import {
  eventually,
  expectNoSecretsInLogs,
  jobData,
  joinByChat,
  messageByWamid,
  messagesOf,
  sentBodiesTo,
  stopAndClean,
  textSend,
  uniqueTag,
} from "../../helpers/conversationKit.ts";
import {
  APP_SECRET,
  createTestTenant,
  recipientOf,
  startTestApp,
  textPayload,
  type TestApp,
} from "../../helpers/testApp.ts";
import { randomPhone } from "../../helpers/testContext.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await stopAndClean(app);
});

function verifyUrl(token: string, challenge: string): string {
  const params = new URLSearchParams({
    "hub.mode": "subscribe",
    "hub.verify_token": token,
    "hub.challenge": challenge,
  });
  return `${app.url}/webhook?${params.toString()}`;
}

async function settle(ms = 400): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

describe("GET /webhook (Meta's verification handshake)", () => {
  it("when the verify token matches, then it answers 200 with the challenge as plain text", async () => {
    const res = await fetch(verifyUrl("test-verify-token", "1158201444"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toBe("1158201444");
  });

  it("when the verify token is wrong, then it answers 403 with a JSON error and logs the refusal", async () => {
    const res = await fetch(verifyUrl("not-the-token", "1158201444"));
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: { code: "forbidden", message: "Verification token mismatch" } });
    expect(app.logs.lines.some((l) => l.msg === "webhook verification refused")).toBe(true);
    expect(app.logs.raw.some((l) => l.includes("not-the-token"))).toBe(false);
  });
});

describe("POST /webhook signature", () => {
  it.each([
    ["bad", (raw: string) => signWebhookBody(raw, "some-other-secret"), "mismatch"],
    ["missing", () => null, "missing"],
    ["malformed (not hex)", () => "sha256=not-a-signature", "malformed"],
    ["malformed (sha1)", (raw: string) => signWebhookBody(raw, APP_SECRET).replace("sha256=", "sha1="), "malformed"],
    ["malformed (truncated)", (raw: string) => signWebhookBody(raw, APP_SECRET).slice(0, 40), "malformed"],
  ])("when the signature is %s, then it answers 401 JSON and stores nothing", async (_label, sign, reason) => {
    const phone = randomPhone();
    const wamid = `wamid.sig.${uniqueTag()}`;
    const raw = JSON.stringify(
      textPayload({ phoneNumberId: app.phoneNumberId, from: phone, text: "BALANCE", id: wamid }),
    );
    const graphBefore = app.graph.requests.length;

    const res = await app.postWebhook(null, { raw, signature: sign(raw) });

    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "invalid_signature", message: `Signature ${reason}` } });
    await settle(200);
    expect(await messageByWamid(app.pool, wamid)).toBeNull();
    expect(await messagesOf(app.pool, phone)).toEqual([]);
    // Nothing was sent to this sender (another test's late reply may still reach the shared fake).
    expect(app.graph.requests.slice(graphBefore).filter((r) => recipientOf(r) === phone)).toEqual([]);
    expect(app.logs.lines.some((l) => l.msg === "webhook signature refused" && l.reason === reason)).toBe(true);
    expectNoSecretsInLogs(app, [phone]);
  });

  it("when a body with `José 👋` is escaped and signed as Meta does, then it is accepted and stored as the person wrote it", async () => {
    const phone = randomPhone();
    const wamid = `wamid.uni.${uniqueTag()}`;
    const raw = escapeLikeMeta(
      JSON.stringify(
        textPayload({
          phoneNumberId: app.phoneNumberId,
          from: phone,
          text: "Hola José 👋",
          id: wamid,
          name: "José 👋",
        }),
      ),
    );
    expect(raw).toContain("Jos\\u00e9 \\ud83d\\udc4b");

    const res = await app.postWebhook(null, { raw, signature: signWebhookBody(raw, APP_SECRET) });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    const stored = await messageByWamid(app.pool, wamid);
    expect(stored).toMatchObject({
      direction: "inbound",
      message_type: "text",
      message_body: "Hola José 👋",
      contact_phone: phone,
    });
    expect(stored?.payload).toMatchObject({ kind: "text", profileName: "José 👋" });
    // A stranger: the platform greeting, once.
    const replies = await app.repliesTo(phone, 1);
    expect(replies.map((r) => r.body)).toEqual([
      textSend(
        phone,
        "Hi! 👋 To join a loyalty program, scan your vendor's QR code, or send JOIN followed by their code (for example: JOIN MAMAPUT).\nRun a business? Send REGISTER to start a loyalty programme for it.",
      ),
    ]);
    expectNoSecretsInLogs(app, [phone, "Hola José 👋", "Hola Jos"]);
  });

  it("when the `José 👋` body arrives as UTF-8 and is signed over those bytes, then it is accepted too", async () => {
    const phone = randomPhone();
    const wamid = `wamid.utf8.${uniqueTag()}`;
    const raw = JSON.stringify(
      textPayload({ phoneNumberId: app.phoneNumberId, from: phone, text: "Hola José 👋", id: wamid }),
    );

    const res = await app.postWebhook(null, { raw, signature: signWebhookBody(raw, APP_SECRET) });

    expect(res.status).toBe(200);
    expect((await messageByWamid(app.pool, wamid))?.message_body).toBe("Hola José 👋");
  });

  it("when the `José 👋` body arrives as UTF-8 but the signature is over the escaped form, then it answers 401 (the raw bytes decide)", async () => {
    const phone = randomPhone();
    const wamid = `wamid.utf8bad.${uniqueTag()}`;
    const raw = JSON.stringify(
      textPayload({ phoneNumberId: app.phoneNumberId, from: phone, text: "Hola José 👋", id: wamid }),
    );

    const res = await app.postWebhook(null, { raw, signature: signWebhookBody(escapeLikeMeta(raw), APP_SECRET) });

    expect(res.status).toBe(401);
    expect(await messageByWamid(app.pool, wamid)).toBeNull();
  });
});

describe("POST /webhook body", () => {
  it("when the body is not JSON, then it answers 400 JSON and stores nothing", async () => {
    const raw = '{"object":"whatsapp_business_account","entry":[';
    const res = await app.postWebhook(null, { raw });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "invalid_body", message: "The body is not valid JSON" } });
    expect(app.logs.lines.some((l) => l.msg === "webhook body is not JSON")).toBe(true);
  });

  it.each([
    ["another object type", { object: "page", entry: [] }],
    ["no entry array", { object: "whatsapp_business_account", entry: "nope" }],
    [
      "a change without metadata",
      { object: "whatsapp_business_account", entry: [{ changes: [{ field: "messages", value: { messages: [] } }] }] },
    ],
    ["a JSON array", [1, 2, 3]],
  ])("when the body has the wrong shape (%s), then it answers 400 JSON with the reason", async (_label, body) => {
    const res = await app.postWebhook(body);
    expect(res.status).toBe(400);
    const answer: unknown = await res.json();
    expect(answer).toEqual({ error: { code: "invalid_payload", message: expect.stringMatching(/^malformed /) } });
  });

  it("when the same message is delivered five times at once, then one inbound row is stored, one job queued and one reply sent", async () => {
    const tenant = await createTestTenant(app.pool);
    const phone = randomPhone();
    await joinByChat(app, tenant, phone);
    const wamid = `wamid.dup.${uniqueTag()}`;
    const body = textPayload({ phoneNumberId: app.phoneNumberId, from: phone, text: "BALANCE", id: wamid });
    const since = app.graph.requests.length;

    const answers = await Promise.all(Array.from({ length: 5 }, () => app.postWebhook(body)));

    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const replies = await app.repliesTo(phone, 1, since);
    await settle(800);
    expect(sentBodiesTo(app, phone, since)).toEqual([
      textSend(phone, "You have 0 points.\nSend REWARDS to see what you can get."),
    ]);
    expect(replies).toHaveLength(1);

    const inbound = (await messagesOf(app.pool, phone)).filter((m) => m.whatsapp_message_id === wamid);
    expect(inbound).toHaveLength(1);
    const row = inbound[0];
    expect(row).toMatchObject({ direction: "inbound", tenant_id: tenant.id, message_body: "BALANCE" });
    expect(row?.processed_at).toBeInstanceOf(Date);
    // The job carries the row id only: no phone number, no text.
    const outbound = (await messagesOf(app.pool, phone)).filter((m) => m.direction === "outbound");
    const last = outbound.at(-1);
    expect(last).toMatchObject({
      whatsapp_status: "sent",
      message_body: "You have 0 points.\nSend REWARDS to see what you can get.",
      triggered_by: "chat:customer",
    });
    // Sent by the worker that wrote it: no outbound job, no queue round trips.
    expect(await jobData(app, "outbound", `out-${last?.id ?? ""}`)).toBeNull();
    expectNoSecretsInLogs(app, [phone]);
  });

  it("when a webhook is stored, then the log line counts messages and names no phone or text", async () => {
    const phone = randomPhone();
    const linesBefore = app.logs.lines.length;
    await app.sendText(phone, "Secret shopping list 12345");
    await app.repliesTo(phone, 1);
    await eventually(async () => {
      const mine = app.logs.lines.slice(linesBefore);
      expect(mine.some((l) => l.msg === "webhook stored" && l.messages === 1 && l.queued === 1)).toBe(true);
      expect(
        mine.some((l) => l.msg === "message handled" && l.route === "stranger" && typeof l.phoneMasked === "string"),
      ).toBe(true);
    });
    expectNoSecretsInLogs(app, [phone, "Secret shopping list 12345"]);
  });
});
