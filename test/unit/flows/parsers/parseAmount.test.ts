import { describe, expect, it } from "vitest";
import { parseAmount } from "../../../../flows/parsers/parseAmount.ts";

describe("parseAmount", () => {
  it.each([
    ["5000", 500000],
    ["5,000", 500000],
    ["N5000", 500000],
    ["n5,000", 500000],
    ["₦5,000.50", 500050],
    ["NGN 5000", 500000],
    ["ngn5000", 500000],
    ["5000.5", 500050],
    ["  1,234,567.89 ", 123456789],
    ["0.01", 1],
    ["100,000,000", 10_000_000_000],
  ])("when the text is %j, then it is %i kobo", (text, kobo) => {
    expect(parseAmount(text)).toEqual({ ok: true, value: kobo });
  });

  it.each([
    "0",
    "0.00",
    "₦0",
    "-5000",
    "N-5000",
    "5000.505",
    "100,000,000.01",
    "999999999999999",
    "abc",
    "",
    "5,00",
    "50,00,000",
    "5 000",
    "1e5",
    "₦",
    ".5",
    "5000 naira plus",
  ])("when the text is %j, then it is rejected with a reason", (text) => {
    const result = parseAmount(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });
});
