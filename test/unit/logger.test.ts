import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskPhone } from "../../src/logger.ts";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger("info", stream), lines };
}

describe("logger", () => {
  it("when secrets and personal data are logged under known keys, then they are redacted at any depth", () => {
    const { log, lines } = capture();
    log.info(
      {
        phone: "2348012345678",
        body: "my secret message",
        pin: "1234",
        token: "EAAG-token",
        password_hash: "scrypt$...",
        nested: { to: "2348012345678", text: "hello", staff_pin_hash: "x" },
        deeper: { inner: { from: "2348012345678", authorization: "Bearer abc" } },
        tenantId: "t-1",
      },
      "something happened",
    );
    const line = lines.join("");
    for (const secret of [
      "2348012345678",
      "my secret message",
      "1234",
      "EAAG-token",
      "scrypt$",
      "hello",
      "Bearer abc",
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain("t-1");
    expect(line).toContain("[redacted]");
  });

  it("when an error carrying query values is logged, then only its type, message and code are kept", () => {
    const { log, lines } = capture();
    const err = Object.assign(new Error("duplicate key"), {
      code: "23505",
      values: ["2348012345678"],
      row: { phone_number: "2348012345678" },
    });
    log.error({ err }, "failed");
    const parsed: unknown = JSON.parse(lines.join(""));
    expect(parsed).toMatchObject({ err: { type: "Error", message: "duplicate key", code: "23505" } });
    expect(lines.join("")).not.toContain("2348012345678");
  });

  it("when a phone number is masked, then only its start and end remain", () => {
    expect(maskPhone("2348012345678")).toBe("234801***678");
    expect(maskPhone("123")).toBe("***");
  });
});
