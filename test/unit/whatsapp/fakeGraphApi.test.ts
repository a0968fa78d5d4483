import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeGraphApi, type FakeGraphApi } from "../../helpers/fakeGraphApi.ts";

describe("startFakeGraphApi", () => {
  let fake: FakeGraphApi;

  beforeEach(async () => {
    fake = await startFakeGraphApi();
  });
  afterEach(async () => {
    await fake.close();
  });

  function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${fake.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  }

  it("when started, then it listens on 127.0.0.1 on a random port", () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("when a message is posted, then it answers like Meta with a unique wamid and records the request", async () => {
    const before = Date.now();
    const first = await post(
      "/v24.0/109876543210987/messages",
      { to: "2348012345678", type: "text" },
      { authorization: "Bearer t" },
    );
    const second = await post("/v24.0/109876543210987/messages", { to: "2348012345678", type: "text" });

    expect(first.status).toBe(200);
    const firstBody: unknown = await first.json();
    const secondBody: unknown = await second.json();
    expect(firstBody).toEqual({
      messaging_product: "whatsapp",
      contacts: [{ input: "2348012345678", wa_id: "2348012345678" }],
      messages: [{ id: expect.stringMatching(/^wamid\.\w+$/) }],
    });
    expect(secondBody).not.toEqual(firstBody);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0]).toMatchObject({
      phoneNumberId: "109876543210987",
      version: "v24.0",
      body: { to: "2348012345678", type: "text" },
      authorization: "Bearer t",
    });
    expect(fake.requests[0]?.at).toBeGreaterThanOrEqual(before);
  });

  it("when respondWith returns an answer, then it is sent, and undefined falls back to the default", async () => {
    fake.respondWith((req) =>
      req.phoneNumberId === "bad" ? { status: 400, body: { error: { code: 131047, message: "x" } } } : undefined,
    );

    const rejected = await post("/v24.0/bad/messages", { to: "1" });
    const accepted = await post("/v24.0/good/messages", { to: "1" });

    expect(rejected.status).toBe(400);
    expect(await rejected.json()).toEqual({ error: { code: 131047, message: "x" } });
    expect(accepted.status).toBe(200);
  });

  it("when respondWith returns a string body, then it is sent as is", async () => {
    fake.respondWith(() => ({ status: 502, body: "<html>Bad Gateway</html>" }));

    const res = await post("/v24.0/1/messages", {});

    expect(res.status).toBe(502);
    expect(await res.text()).toBe("<html>Bad Gateway</html>");
  });

  it("when waiting for requests that arrive later, then it resolves with them", async () => {
    const waiting = fake.waitForRequests(2, 2_000);
    await post("/v24.0/1/messages", { n: 1 });
    await post("/v24.0/1/messages", { n: 2 });

    const requests = await waiting;

    expect(requests.map((r) => r.body)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("when too few requests arrive in time, then waiting rejects", async () => {
    await post("/v24.0/1/messages", {});

    await expect(fake.waitForRequests(2, 50)).rejects.toThrow(/expected 2 requests within 50 ms, got 1/);
  });

  it("when an unknown path is called, then it answers 404 and records nothing", async () => {
    const res = await post("/v24.0/1/settings", {});

    expect(res.status).toBe(404);
    expect(fake.requests).toHaveLength(0);
  });
});
