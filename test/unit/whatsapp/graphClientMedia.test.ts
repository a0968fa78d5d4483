import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGraphClient, IMAGE_MAX_BYTES, type MediaFile } from "../../../src/whatsapp/graphClient.ts";
import { startFakeGraphApi, type FakeGraphApi } from "../../helpers/fakeGraphApi.ts";

const VERSION = "v24.0";
const PHONE_NUMBER_ID = "109876543210987";
const TO = "2348012345678";
const TOKEN = "test-token";
/** The 8-byte PNG signature and an IHDR start: enough bytes for the endpoint, which does not decode them. */
const PNG_BYTES = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

describe("createGraphClient media upload and image messages (fake Graph API)", () => {
  let fake: FakeGraphApi;
  beforeEach(async () => {
    fake = await startFakeGraphApi();
  });
  afterEach(async () => {
    await fake.close();
  });

  function client(appSecret?: string) {
    return createGraphClient({
      apiUrl: fake.url,
      apiVersion: VERSION,
      token: TOKEN,
      ...(appSecret === undefined ? {} : { appSecret }),
    });
  }

  it("when an image is uploaded, then it goes to /{phone-number-id}/media as multipart (file, type, messaging_product) and Meta's id comes back", async () => {
    const result = await client("app-secret").uploadMedia(PHONE_NUMBER_ID, {
      bytes: PNG_BYTES,
      mimeType: "image/png",
      filename: "poster.png",
    });

    expect(result).toMatchObject({ ok: true, graphMediaId: expect.stringMatching(/^\d+$/) });
    const [request] = fake.requests;
    expect(request).toMatchObject({
      endpoint: "media",
      phoneNumberId: PHONE_NUMBER_ID,
      version: VERSION,
      authorization: `Bearer ${TOKEN}`,
    });
    expect(request?.query.get("appsecret_proof")).toMatch(/^[0-9a-f]{64}$/);
    expect(request?.upload).toMatchObject({
      messagingProduct: "whatsapp",
      type: "image/png",
      fileType: "image/png",
      filename: "poster.png",
    });
    expect(request?.upload?.bytes.equals(Buffer.from(PNG_BYTES))).toBe(true);
  });

  it("when an uploaded image is sent, then the message is Meta's image object with the media id and caption", async () => {
    const upload = await client().uploadMedia(PHONE_NUMBER_ID, {
      bytes: PNG_BYTES,
      mimeType: "image/png",
      filename: "poster.png",
    });
    if (!upload.ok) throw new Error(upload.message);

    const sent = await client().send(PHONE_NUMBER_ID, TO, {
      kind: "image",
      graphMediaId: upload.graphMediaId,
      caption: "Scan to join",
    });

    expect(sent).toMatchObject({ ok: true, wamid: expect.stringMatching(/^wamid\./) });
    expect(fake.requests[1]?.body).toEqual({
      messaging_product: "whatsapp",
      to: TO,
      type: "image",
      image: { id: upload.graphMediaId, caption: "Scan to join" },
    });
  });

  it("when the file is empty or over Meta's 5 MB, then nothing is uploaded and the failure is permanent", async () => {
    const empty = await client().uploadMedia(PHONE_NUMBER_ID, {
      bytes: new Uint8Array(0),
      mimeType: "image/png",
      filename: "a.png",
    });
    const huge = await client().uploadMedia(PHONE_NUMBER_ID, {
      bytes: new Uint8Array(IMAGE_MAX_BYTES + 1),
      mimeType: "image/png",
      filename: "a.png",
    });

    expect(empty).toMatchObject({ ok: false, reason: "invalid_message", retryable: false });
    expect(huge).toMatchObject({ ok: false, reason: "invalid_message", retryable: false });
    expect(fake.requests).toEqual([]);
  });

  it("when the media endpoint answers 500, 429 or garbage, then the upload may be retried; a 400 is permanent", async () => {
    const answers = [
      { status: 500, body: { error: { message: "unknown", type: "OAuthException", code: 1 } } },
      { status: 429, body: { error: { message: "throttled", type: "OAuthException", code: 130429 } } },
      { status: 200, body: { unexpected: true } },
      { status: 400, body: { error: { message: "Media upload error", type: "OAuthException", code: 131053 } } },
    ];
    let n = 0;
    fake.respondWith(() => answers[n++]);
    const file: MediaFile = { bytes: PNG_BYTES, mimeType: "image/png", filename: "a.png" };
    const results = [];
    for (let i = 0; i < answers.length; i += 1) results.push(await client().uploadMedia(PHONE_NUMBER_ID, file));

    expect(results.map((r) => (r.ok ? "ok" : `${r.reason}:${String(r.retryable)}`))).toEqual([
      "server_error:true",
      "rate_limited:true",
      "unexpected_response:true",
      "rejected:false",
    ]);
  });

  it("when an image message carries no media id, then nothing is sent and the failure is permanent", async () => {
    const result = await client().send(PHONE_NUMBER_ID, TO, { kind: "image", graphMediaId: "" });

    expect(result).toMatchObject({ ok: false, reason: "invalid_message", retryable: false });
    expect(fake.requests).toEqual([]);
  });

  it("when an image message names a media id the Graph API never gave, then Meta's refusal is a permanent failure", async () => {
    const result = await client().send(PHONE_NUMBER_ID, TO, { kind: "image", graphMediaId: "424242" });

    expect(result).toMatchObject({ ok: false, code: 100, retryable: false });
  });
});
