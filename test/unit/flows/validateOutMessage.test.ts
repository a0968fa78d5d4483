import { describe, expect, it } from "vitest";
import { choiceMessage } from "../../../flows/choiceMessage.ts";
import { formatDate, formatNaira, formatPoints, truncate } from "../../../flows/format.ts";
import { validateOutMessage } from "../../../flows/validateOutMessage.ts";

const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ id: String(i + 1), title: `Row ${i + 1}` }));

describe("validateOutMessage", () => {
  it("when a message is within WhatsApp's limits, then it is valid", () => {
    expect(validateOutMessage({ kind: "text", body: "Hello" })).toEqual({ ok: true });
    expect(
      validateOutMessage({
        kind: "buttons",
        body: "Pick",
        buttons: [
          { id: "YES", title: "Yes" },
          { id: "NO", title: "No" },
        ],
      }),
    ).toEqual({ ok: true });
  });

  it.each([
    ["four buttons", { kind: "buttons" as const, body: "b", buttons: rows(4) }],
    ["a button title over 20", { kind: "buttons" as const, body: "b", buttons: [{ id: "1", title: "x".repeat(21) }] }],
    [
      "duplicate button ids",
      {
        kind: "buttons" as const,
        body: "b",
        buttons: [
          { id: "1", title: "A" },
          { id: "1", title: "B" },
        ],
      },
    ],
    ["eleven rows", { kind: "list" as const, body: "b", button: "Menu", sections: [{ title: "S", rows: rows(11) }] }],
    [
      "a list button over 20",
      { kind: "list" as const, body: "b", button: "x".repeat(21), sections: [{ title: "S", rows: rows(2) }] },
    ],
    [
      "a row title over 24",
      {
        kind: "list" as const,
        body: "b",
        button: "Menu",
        sections: [{ title: "S", rows: [{ id: "1", title: "x".repeat(25) }] }],
      },
    ],
    [
      "a row description over 72",
      {
        kind: "list" as const,
        body: "b",
        button: "Menu",
        sections: [{ title: "S", rows: [{ id: "1", title: "A", description: "x".repeat(73) }] }],
      },
    ],
    ["an interactive body over 1024", { kind: "buttons" as const, body: "x".repeat(1025), buttons: rows(1) }],
    ["a text body over 4096", { kind: "text" as const, body: "x".repeat(4097) }],
    ["an empty text", { kind: "text" as const, body: "  " }],
  ])("when a message has %s, then it is invalid", (_, message) => {
    expect(validateOutMessage(message).ok).toBe(false);
  });
});

describe("choiceMessage", () => {
  it("when there are up to 3 choices, then they are buttons with truncated titles", () => {
    const message = choiceMessage("Pick", [{ id: "1", title: "A very long reward name indeed" }]);
    expect(message).toEqual({ kind: "buttons", body: "Pick", buttons: [{ id: "1", title: "A very long reward…" }] });
    expect(validateOutMessage(message)).toEqual({ ok: true });
  });

  it("when there are 4 to 10 choices, then they are one list", () => {
    const message = choiceMessage("Pick", rows(10));
    expect(message.kind).toBe("list");
    expect(validateOutMessage(message)).toEqual({ ok: true });
  });

  it("when there are more than 10 choices, then pages of 9 end with MORE and wrap around", () => {
    const ids = (page: number) => {
      const message = choiceMessage("Pick", rows(25), page);
      expect(validateOutMessage(message)).toEqual({ ok: true });
      return message.kind === "list" ? message.sections.flatMap((s) => s.rows.map((r) => r.id)) : [];
    };
    expect(ids(0)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "MORE"]);
    expect(ids(2)).toEqual(["19", "20", "21", "22", "23", "24", "25", "MORE"]);
    expect(ids(3)).toEqual(ids(0));
  });
});

describe("format", () => {
  it("when kobo is formatted, then it reads as naira with two decimals", () => {
    expect(formatNaira(500000)).toBe("₦5,000.00");
    expect(formatNaira(500050)).toBe("₦5,000.50");
    expect(formatNaira(7)).toBe("₦0.07");
    expect(formatNaira(10_000_000_000)).toBe("₦100,000,000.00");
  });

  it("when points are formatted, then thousands are grouped", () => {
    expect(formatPoints(1250)).toBe("1,250");
    expect(formatPoints(-50)).toBe("-50");
  });

  it("when a date is formatted, then the timezone decides the day, and a bad zone falls back to UTC", () => {
    expect(formatDate("2026-03-31T23:30:00.000Z", "Africa/Lagos")).toBe("1 Apr 2026");
    expect(formatDate("2026-03-31T23:30:00.000Z", "Not/AZone")).toBe("31 Mar 2026");
  });

  it("when text is truncated, then it fits and never splits an emoji", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("ab😀cd", 4).length).toBeLessThanOrEqual(4);
  });
});
