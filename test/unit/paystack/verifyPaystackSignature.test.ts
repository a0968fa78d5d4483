import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signPaystackBody, verifyPaystackSignature } from "../../../src/paystack/verifyPaystackSignature.ts";

const KEY = "sk_test_0123456789abcdef";
const body = Buffer.from(
  JSON.stringify({ event: "charge.success", data: { reference: "inv_x", customer: { first_name: "José 👋" } } }),
);
// Paystack's documented check: hex HMAC-SHA512 of the raw body with the secret key.
const documented = createHmac("sha512", KEY).update(body).digest("hex");

describe("verifyPaystackSignature", () => {
  it("when the header is the HMAC-SHA512 of the raw bytes, then it is accepted, in either hex case", () => {
    expect(signPaystackBody(body, KEY)).toBe(documented);
    expect(verifyPaystackSignature(body, documented, KEY)).toEqual({ ok: true });
    expect(verifyPaystackSignature(body, documented.toUpperCase(), KEY)).toEqual({ ok: true });
  });

  it("when the header is missing, empty, not hex or the wrong length, then it is refused as missing or malformed", () => {
    expect(verifyPaystackSignature(body, undefined, KEY)).toEqual({ ok: false, reason: "missing" });
    expect(verifyPaystackSignature(body, "", KEY)).toEqual({ ok: false, reason: "missing" });
    expect(verifyPaystackSignature(body, `sha512=${documented}`, KEY)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyPaystackSignature(body, documented.slice(0, 64), KEY)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyPaystackSignature(body, "z".repeat(128), KEY)).toEqual({ ok: false, reason: "malformed" });
  });

  it("when the body, the key or the signature differ by anything, then it is a mismatch", () => {
    expect(verifyPaystackSignature(Buffer.concat([body, Buffer.from(" ")]), documented, KEY)).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifyPaystackSignature(body, documented, `${KEY}x`)).toEqual({ ok: false, reason: "mismatch" });
    const flipped = `${documented.slice(0, -1)}${documented.endsWith("0") ? "1" : "0"}`;
    expect(verifyPaystackSignature(body, flipped, KEY)).toEqual({ ok: false, reason: "mismatch" });
    // A body re-serialised with escaped non-ASCII is other bytes: the raw body is what counts.
    const escaped = Buffer.from(
      body.toString("utf8").replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
    );
    expect(verifyPaystackSignature(escaped, documented, KEY)).toEqual({ ok: false, reason: "mismatch" });
  });
});
