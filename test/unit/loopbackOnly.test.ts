import { describe, expect, it } from "vitest";
import { isLoopback } from "../../src/http/loopbackOnly.ts";

describe("isLoopback", () => {
  it("when the address is 127.x, ::1 or IPv4-mapped loopback, then it is loopback", () => {
    for (const a of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"])
      expect({ a, loopback: isLoopback(a) }).toEqual({ a, loopback: true });
  });
  it("when the address is anything else or missing, then it is not", () => {
    for (const a of [
      "10.0.0.1",
      "203.0.113.7",
      "::ffff:10.0.0.1",
      "fe80::1",
      "::",
      "0.0.0.0",
      "127.0.0.1.evil",
      "",
      undefined,
    ]) {
      expect({ a, loopback: isLoopback(a) }).toEqual({ a, loopback: false });
    }
  });
});
