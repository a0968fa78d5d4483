import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGraphClient, isNumberThrottled, type SendResult } from "../../../src/whatsapp/graphClient.ts";
import type { GraphMessage } from "../../../src/whatsapp/graphClient.ts";
import { startFakeGraphApi, type FakeGraphApi } from "../../helpers/fakeGraphApi.ts";
import { readFixture } from "./fixtures.ts";

const GRAPH = "https://graph.facebook.com";
const VERSION = "v24.0";
const PHONE_NUMBER_ID = "109876543210987";
const TO = "2348012345678";
const TOKEN = "test-token";
const SEND_PATH = `/${VERSION}/${PHONE_NUMBER_ID}/messages`;

const text: GraphMessage = { kind: "text", body: "Hello José 👋" };

function graphClient(extra: { appSecret?: string } = {}) {
  return createGraphClient({ apiUrl: GRAPH, apiVersion: VERSION, token: TOKEN, ...extra });
}

describe("createGraphClient against Meta's URL (nock)", () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
    nock.activate();
  });

  it("when Meta accepts the message, then the wamid from the response is returned", async () => {
    const scope = nock(GRAPH)
      .post(SEND_PATH)
      .matchHeader("authorization", `Bearer ${TOKEN}`)
      .reply(200, readFixture("send-success-response.json"));

    const result = await graphClient().send(PHONE_NUMBER_ID, TO, text);

    expect(result).toEqual({ ok: true, wamid: "wamid.HBgNMjM0ODAxMjM0NTY3OBUCABEYEjQ1RkZBMDEyMzQ1Njc4OTAA" });
    scope.done();
  });

  it("when Meta answers 131047 with HTTP 400, then it is a permanent outside-window failure", async () => {
    nock(GRAPH).post(SEND_PATH).reply(400, readFixture("send-error-131047.json"));

    const result = await graphClient().send(PHONE_NUMBER_ID, TO, text);

    expect(result).toEqual({
      ok: false,
      code: 131047,
      message: expect.stringContaining("Re-engagement message"),
      retryable: false,
      reason: "outside_24h_window",
      alert: false,
    });
  });

  it("when Meta answers 130429 with HTTP 429, then it is a retryable rate limit", async () => {
    nock(GRAPH).post(SEND_PATH).reply(429, readFixture("send-error-130429.json"));

    const result = await graphClient().send(PHONE_NUMBER_ID, TO, text);

    expect(result).toMatchObject({ ok: false, code: 130429, retryable: true, reason: "rate_limited", alert: false });
  });

  it("when Meta answers 500 with an HTML page, then it is a retryable server error", async () => {
    nock(GRAPH).post(SEND_PATH).reply(500, "<html>oops</html>", { "content-type": "text/html" });

    const result = await graphClient().send(PHONE_NUMBER_ID, TO, text);

    expect(result).toMatchObject({ ok: false, code: null, retryable: true, reason: "server_error" });
  });

  it("when the connection fails, then it is a retryable network error", async () => {
    nock(GRAPH).post(SEND_PATH).replyWithError("socket hang up");

    const result = await graphClient().send(PHONE_NUMBER_ID, TO, text);

    expect(result).toMatchObject({ ok: false, code: null, retryable: true, reason: "network_error" });
  });

  it("when the token expired (190), then it is permanent and raises an alert", async () => {
    nock(GRAPH)
      .post(SEND_PATH)
      .reply(401, { error: { message: "Error validating access token", type: "OAuthException", code: 190 } });

    const result = await graphClient().send(PHONE_NUMBER_ID, TO, text);

    expect(result).toMatchObject({ ok: false, code: 190, retryable: false, reason: "token_expired", alert: true });
  });

  it.each<[number, number, boolean, string]>([
    [400, 131026, false, "undeliverable"],
    [400, 131048, false, "spam_limit"],
    [400, 131051, false, "unsupported_message_type"],
    [400, 100, false, "invalid_parameter"],
    [400, 131056, true, "rate_limited"],
    [500, 131000, true, "temporarily_unavailable"],
    [503, 2, true, "temporarily_unavailable"],
    [400, 4, true, "rate_limited"],
    [400, 80007, true, "rate_limited"],
    [400, 999999, false, "rejected"],
    [502, 999999, true, "server_error"],
  ])("when Meta answers HTTP %i with code %i, then retryable is %s (%s)", async (status, code, retryable, reason) => {
    nock(GRAPH)
      .post(SEND_PATH)
      .reply(status, { error: { message: `(#${code}) x`, type: "OAuthException", code } });

    const result = await graphClient().send(PHONE_NUMBER_ID, TO, text);

    expect(result).toMatchObject({ ok: false, code, retryable, reason, alert: false });
  });

  it.each<[number, number | null, boolean]>([
    [429, 130429, true],
    [400, 4, true],
    [400, 80007, true],
    [429, null, true],
    [400, 131056, false],
    [500, 131000, false],
    [400, 131026, false],
  ])(
    "when Meta answers HTTP %i with code %s, then the sending number is throttled: %s",
    async (status, code, throttled) => {
      nock(GRAPH)
        .post(SEND_PATH)
        .reply(
          status,
          code === null
            ? { error: { message: "slow down", type: "OAuthException" } }
            : { error: { message: `(#${code}) x`, type: "OAuthException", code } },
        );

      const result = await graphClient().send(PHONE_NUMBER_ID, TO, text);

      expect(result.ok).toBe(false);
      expect(isNumberThrottled(result)).toBe(throttled);
    },
  );

  it("when HTTP 200 carries an empty body, then it is an alerting, non-retryable unexpected response", async () => {
    nock(GRAPH).post(SEND_PATH).reply(200, "");

    const result = await graphClient().send(PHONE_NUMBER_ID, TO, text);

    expect(result).toMatchObject({ ok: false, retryable: false, reason: "unexpected_response", alert: true });
  });

  it("when HTTP 200 carries no message id, then it is an alerting, non-retryable unexpected response", async () => {
    nock(GRAPH).post(SEND_PATH).reply(200, { messaging_product: "whatsapp", messages: [] });

    const result = await graphClient().send(PHONE_NUMBER_ID, TO, text);

    expect(result).toMatchObject({ ok: false, retryable: false, reason: "unexpected_response", alert: true });
  });

  it("when an app secret is configured, then appsecret_proof is sent as HMAC-SHA256(token)", async () => {
    // printf test-token | openssl dgst -sha256 -hmac app-secret
    const proof = "5957479463cc188aeb65506273f5d217f084495eda7bd8b32b8b6de4a5b33e7d";
    const scope = nock(GRAPH)
      .post(SEND_PATH)
      .query({ appsecret_proof: proof })
      .matchHeader("authorization", `Bearer ${TOKEN}`)
      .reply(200, readFixture("send-success-response.json"));

    const result = await graphClient({ appSecret: "app-secret" }).send(PHONE_NUMBER_ID, TO, text);

    expect(result.ok).toBe(true);
    scope.done();
  });
});

describe("createGraphClient against the fake Graph API", () => {
  let fake: FakeGraphApi;

  beforeEach(async () => {
    fake = await startFakeGraphApi();
  });
  afterEach(async () => {
    await fake.close();
  });

  function fakeClient() {
    return createGraphClient({ apiUrl: `${fake.url}/`, apiVersion: VERSION, token: TOKEN });
  }

  async function sendAndCapture(message: GraphMessage): Promise<{ result: SendResult; body: unknown }> {
    const result = await fakeClient().send(PHONE_NUMBER_ID, TO, message);
    const [request] = await fake.waitForRequests(1, 2_000);
    expect(request?.phoneNumberId).toBe(PHONE_NUMBER_ID);
    expect(request?.version).toBe(VERSION);
    expect(request?.authorization).toBe(`Bearer ${TOKEN}`);
    return { result, body: request?.body };
  }

  it("when a text is sent, then the exact text body reaches the Graph API and a wamid comes back", async () => {
    const { result, body } = await sendAndCapture(text);

    expect(result).toEqual({ ok: true, wamid: expect.stringMatching(/^wamid\./) });
    expect(body).toEqual({ messaging_product: "whatsapp", type: "text", to: TO, text: { body: "Hello José 👋" } });
  });

  it("when buttons are sent, then the exact interactive button body is posted", async () => {
    const { result, body } = await sendAndCapture({
      kind: "buttons",
      body: "What would you like?",
      buttons: [
        { id: "menu.balance", title: "Balance" },
        { id: "menu.rewards", title: "Rewards" },
      ],
    });

    expect(result.ok).toBe(true);
    expect(body).toEqual({
      messaging_product: "whatsapp",
      type: "interactive",
      to: TO,
      interactive: {
        type: "button",
        body: { text: "What would you like?" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "menu.balance", title: "Balance" } },
            { type: "reply", reply: { id: "menu.rewards", title: "Rewards" } },
          ],
        },
      },
    });
  });

  it("when a list is sent, then the exact interactive list body is posted", async () => {
    const { result, body } = await sendAndCapture({
      kind: "list",
      body: "Pick a reward",
      button: "Rewards",
      sections: [
        {
          title: "Drinks",
          rows: [
            { id: "reward.1", title: "Coffee", description: "100 points" },
            { id: "reward.2", title: "Free drink" },
          ],
        },
      ],
    });

    expect(result.ok).toBe(true);
    expect(body).toEqual({
      messaging_product: "whatsapp",
      type: "interactive",
      to: TO,
      interactive: {
        type: "list",
        body: { text: "Pick a reward" },
        action: {
          button: "Rewards",
          sections: [
            {
              title: "Drinks",
              rows: [
                { id: "reward.1", title: "Coffee", description: "100 points" },
                { id: "reward.2", title: "Free drink" },
              ],
            },
          ],
        },
      },
    });
  });

  it("when a template is sent, then the exact template body with body parameters is posted", async () => {
    const { result, body } = await sendAndCapture({
      kind: "template",
      name: "points_reminder",
      language: "en",
      bodyParams: ["Ada", "150"],
    });

    expect(result.ok).toBe(true);
    expect(body).toEqual({
      messaging_product: "whatsapp",
      type: "template",
      to: TO,
      template: {
        name: "points_reminder",
        language: { code: "en", policy: "deterministic" },
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: "Ada" },
              { type: "text", text: "150" },
            ],
          },
        ],
      },
    });
  });

  it("when a template has no parameters, then no components are posted", async () => {
    const { body } = await sendAndCapture({ kind: "template", name: "hello_world", language: "en_US", bodyParams: [] });

    expect(body).toMatchObject({ template: { name: "hello_world", language: { code: "en_US" } } });
    expect(body).not.toHaveProperty("template.components");
  });

  it("when the fake answers 131047 with HTTP 400, then the failure is permanent", async () => {
    fake.respondWith(() => ({ status: 400, body: readFixture("send-error-131047.json") }));

    const result = await fakeClient().send(PHONE_NUMBER_ID, TO, text);

    expect(result).toMatchObject({ ok: false, code: 131047, retryable: false, reason: "outside_24h_window" });
  });

  it("when the fake answers 130429 with HTTP 429, then the failure is retryable", async () => {
    fake.respondWith(() => ({ status: 429, body: readFixture("send-error-130429.json") }));

    const result = await fakeClient().send(PHONE_NUMBER_ID, TO, text);

    expect(result).toMatchObject({ ok: false, code: 130429, retryable: true, reason: "rate_limited" });
  });

  it("when the fake answers 500 with an HTML page, then the failure is a retryable server error", async () => {
    fake.respondWith(() => ({ status: 500, body: "<html>Internal Server Error</html>" }));

    const result = await fakeClient().send(PHONE_NUMBER_ID, TO, text);

    expect(result).toMatchObject({ ok: false, code: null, retryable: true, reason: "server_error" });
  });

  it("when the server does not answer in time, then the failure is a retryable network error", async () => {
    const slowClient = createGraphClient({ apiUrl: fake.url, apiVersion: VERSION, token: TOKEN, timeoutMs: 50 });
    fake.respondWith(() => ({ status: 200, body: readFixture("send-success-response.json"), delayMs: 500 }));

    const result = await slowClient.send(PHONE_NUMBER_ID, TO, text);

    expect(result).toMatchObject({ ok: false, retryable: true, reason: "network_error" });
  });

  it("when nothing listens at the API URL, then the failure is a retryable network error", async () => {
    const url = fake.url;
    await fake.close();
    fake = await startFakeGraphApi();

    const result = await createGraphClient({ apiUrl: url, apiVersion: VERSION, token: TOKEN }).send(
      PHONE_NUMBER_ID,
      TO,
      text,
    );

    expect(result).toMatchObject({ ok: false, code: null, retryable: true, reason: "network_error" });
  });

  it.each<[string, GraphMessage]>([
    ["four buttons", { kind: "buttons", body: "b", buttons: ["1", "2", "3", "4"].map((id) => ({ id, title: id })) }],
    ["a 21-character button title", { kind: "buttons", body: "b", buttons: [{ id: "a", title: "x".repeat(21) }] }],
    [
      "duplicate button titles",
      {
        kind: "buttons",
        body: "b",
        buttons: [
          { id: "a", title: "Same" },
          { id: "b", title: "Same" },
        ],
      },
    ],
    ["a text over 4096 characters", { kind: "text", body: "x".repeat(4097) }],
    [
      "eleven list rows across sections",
      {
        kind: "list",
        body: "b",
        button: "Open",
        sections: [
          { title: "A", rows: Array.from({ length: 6 }, (_, i) => ({ id: `a${i}`, title: `A ${i}` })) },
          { title: "B", rows: Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, title: `B ${i}` })) },
        ],
      },
    ],
  ])("when the message has %s, then nothing is sent and the failure is permanent", async (_label, message) => {
    const result = await fakeClient().send(PHONE_NUMBER_ID, TO, message);

    expect(result).toMatchObject({ ok: false, code: null, retryable: false, reason: "invalid_message" });
    expect(fake.requests).toHaveLength(0);
  });
});
