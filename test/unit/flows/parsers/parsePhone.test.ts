import { describe, expect, it } from "vitest";
import { parsePhone } from "../../../../flows/parsers/parsePhone.ts";

describe("parsePhone", () => {
  it.each([
    "0801 234 5678",
    "+234 801 234 5678",
    "2348012345678",
    "08012345678",
    "+234-801-234-5678",
    "(0801) 234 5678",
  ])("when the number is %j, then it becomes the WhatsApp id 2348012345678", (text) => {
    expect(parsePhone(text)).toEqual({ ok: true, value: "2348012345678" });
  });

  it("when a foreign number is written internationally, then its own country code is kept", () => {
    expect(parsePhone("+44 7911 123456")).toEqual({ ok: true, value: "447911123456" });
  });

  it("when another default country is given, then national numbers are read in it", () => {
    expect(parsePhone("07911 123456", "GB")).toEqual({ ok: true, value: "447911123456" });
  });

  it.each(["12345", "0801 234", "hello", "", "+234 000 000 0000", "0801234567890123", "08012345678x"])(
    "when the text is %j, then it is rejected with a reason",
    (text) => {
      const result = parsePhone(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/phone|number/i);
    },
  );
});
