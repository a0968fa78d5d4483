import { describe, expect, it } from "vitest";
import {
  escapeLikeMeta,
  signWebhookBody,
  verifyWebhookSignature,
} from "../../../src/whatsapp/verifyWebhookSignature.ts";
import { readFixtureBytes } from "./fixtures.ts";

const SECRET = "meta-app-secret";

// Signed independently with `openssl dgst -sha256 -hmac meta-app-secret` over these exact bytes.
const META_STYLE_BODY = String.raw`{"object":"whatsapp_business_account","entry":[{"id":"102938475610293","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"2347000000000","phone_number_id":"109876543210987"},"contacts":[{"profile":{"name":"Jos\u00e9 Obi"},"wa_id":"2348012345678"}],"messages":[{"from":"2348012345678","id":"wamid.vector","timestamp":"1764150001","type":"text","text":{"body":"Hi Jos\u00e9 \ud83d\udc4b"}}]}}]}]}`;
const META_STYLE_SIGNATURE = "sha256=a8340d0b28a7edd910c504fa51d31414ebb41a5613c6f1814a34f1ee6d2addb0";

describe("verifyWebhookSignature", () => {
  it("when the header matches an independently computed Meta-style vector, then it is ok", () => {
    const result = verifyWebhookSignature(Buffer.from(META_STYLE_BODY, "utf8"), META_STYLE_SIGNATURE, SECRET);
    expect(result).toEqual({ ok: true });
  });

  it("when checked against RFC 4231 test case 2, then the HMAC is the published one", () => {
    const header = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    expect(signWebhookBody(Buffer.from("what do ya want for nothing?"), "Jefe")).toBe(header);
    expect(verifyWebhookSignature(Buffer.from("what do ya want for nothing?"), header, "Jefe")).toEqual({ ok: true });
  });

  it("when a body with José 👋 is escaped like Meta, then it matches the Meta-style bytes", () => {
    const decoded: unknown = JSON.parse(META_STYLE_BODY);
    expect(escapeLikeMeta(JSON.stringify(decoded))).toBe(META_STYLE_BODY);
    expect(escapeLikeMeta("José 👋")).toBe(String.raw`Jos\u00e9 \ud83d\udc4b`);
  });

  it("when a José 👋 body is signed as raw UTF-8 and as escaped, then each verifies against its own bytes only", () => {
    const json = JSON.stringify({ text: { body: "Balance please José 👋" } });
    const rawUtf8 = Buffer.from(json, "utf8");
    const escaped = Buffer.from(escapeLikeMeta(json), "utf8");
    expect(rawUtf8.equals(escaped)).toBe(false);

    const rawHeader = signWebhookBody(rawUtf8, SECRET);
    const escapedHeader = signWebhookBody(escaped, SECRET);

    expect(verifyWebhookSignature(rawUtf8, rawHeader, SECRET)).toEqual({ ok: true });
    expect(verifyWebhookSignature(escaped, escapedHeader, SECRET)).toEqual({ ok: true });
    expect(verifyWebhookSignature(rawUtf8, escapedHeader, SECRET)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature(escaped, rawHeader, SECRET)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("when the unicode fixture is signed as received, then it verifies", () => {
    const body = readFixtureBytes("text-unicode.json");
    expect(verifyWebhookSignature(body, signWebhookBody(body, SECRET), SECRET)).toEqual({ ok: true });
  });

  it("when the header is missing or empty, then the reason is missing", () => {
    const body = Buffer.from("{}");
    expect(verifyWebhookSignature(body, undefined, SECRET)).toEqual({ ok: false, reason: "missing" });
    expect(verifyWebhookSignature(body, "", SECRET)).toEqual({ ok: false, reason: "missing" });
  });

  it.each([
    ["no prefix", "a8340d0b28a7edd910c504fa51d31414ebb41a5613c6f1814a34f1ee6d2addb0"],
    ["sha1 prefix", "sha1=a8340d0b28a7edd910c504fa51d31414ebb41a5613c6f1814a34f1ee6d2addb0"],
    ["uppercase hex", "sha256=A8340D0B28A7EDD910C504FA51D31414EBB41A5613C6F1814A34F1EE6D2ADDB0"],
    ["non-hex characters", "sha256=z8340d0b28a7edd910c504fa51d31414ebb41a5613c6f1814a34f1ee6d2addb0"],
    ["too short", "sha256=a8340d0b28a7edd910c504fa51d31414ebb41a5613c6f1814a34f1ee6d2add"],
    ["too long", "sha256=a8340d0b28a7edd910c504fa51d31414ebb41a5613c6f1814a34f1ee6d2addb000"],
    ["empty digest", "sha256="],
    ["trailing space", `${META_STYLE_SIGNATURE} `],
  ])("when the header has %s, then the reason is malformed", (_label, header) => {
    const result = verifyWebhookSignature(Buffer.from(META_STYLE_BODY, "utf8"), header, SECRET);
    expect(result).toEqual({ ok: false, reason: "malformed" });
  });

  it("when the signature was made with another secret, then the reason is mismatch", () => {
    const body = Buffer.from(META_STYLE_BODY, "utf8");
    expect(verifyWebhookSignature(body, signWebhookBody(body, "another-secret"), SECRET)).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("when one byte of the body changed, then the reason is mismatch", () => {
    const tampered = Buffer.from(META_STYLE_BODY.replace("wamid.vector", "wamid.vectos"), "utf8");
    expect(verifyWebhookSignature(tampered, META_STYLE_SIGNATURE, SECRET)).toEqual({ ok: false, reason: "mismatch" });
  });
});
