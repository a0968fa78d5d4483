import { describe, expect, it } from "vitest";
import { parseKeyword, parseLogCommand } from "../../../../flows/parsers/parseKeyword.ts";

describe("parseKeyword", () => {
  it.each([
    [" balance! ", "BALANCE"],
    ["Points", "POINTS"],
    ["  *MENU*  ", "MENU"],
    ["yes.", "YES"],
    ["1", "1"],
    ["#2", "2"],
    ["ｂａｌａｎｃｅ", "BALANCE"],
  ])("when the text is %j, then the keyword is %s", (text, keyword) => {
    expect(parseKeyword(text).keyword).toBe(keyword);
  });

  it("when a command has arguments, then they are split and the rest is kept raw", () => {
    expect(parseKeyword("JOIN ABC123 REF42")).toEqual({
      keyword: "JOIN",
      args: ["ABC123", "REF42"],
      rest: "ABC123 REF42",
    });
    expect(parseKeyword("log 0801 234 5678 5,000")).toEqual({
      keyword: "LOG",
      args: ["0801", "234", "5678", "5,000"],
      rest: "0801 234 5678 5,000",
    });
  });

  it("when the text has punctuation after the keyword, then the rest starts after it", () => {
    expect(parseKeyword("verify: abcd2345").rest).toBe("abcd2345");
    expect(parseKeyword("LOG +234 801 234 5678 5000").rest).toBe("+234 801 234 5678 5000");
  });

  it("when the text has no letter or digit, then the keyword is empty", () => {
    expect(parseKeyword("  ?! 👍 ")).toEqual({ keyword: "", args: [], rest: "" });
  });
});

describe("parseLogCommand", () => {
  it.each([
    ["0801 234 5678 5,000", 500000],
    ["08012345678 5000", 500000],
    ["+234 801 234 5678 ₦5,000.50", 500050],
    ["2348012345678 N 5000", 500000],
    ["0801 234 5678 NGN 2500", 250000],
  ])("when the rest is %j, then phone and amount are split", (rest, kobo) => {
    expect(parseLogCommand(rest)).toEqual({ ok: true, value: { phone: "2348012345678", amountKobo: kobo } });
  });

  it("when only a phone is given, then the phone is kept and the amount is asked for", () => {
    const result = parseLogCommand("0801 234 5678");
    expect(result).toMatchObject({ ok: false, phone: "2348012345678" });
  });

  it("when the phone is wrong, then it fails without a phone", () => {
    expect(parseLogCommand("12345 5000")).toMatchObject({ ok: false, phone: null });
  });

  it("when the amount is wrong, then it fails with the amount's reason", () => {
    expect(parseLogCommand("0801 234 5678 5000.123")).toMatchObject({
      ok: false,
      phone: null,
      reason: expect.stringMatching(/decimals/),
    });
  });

  it("when the rest is empty, then it fails with an example", () => {
    expect(parseLogCommand("  ")).toMatchObject({ ok: false, phone: null, reason: expect.stringMatching(/LOG 0801/) });
  });
});
