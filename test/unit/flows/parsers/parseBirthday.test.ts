import { describe, expect, it } from "vitest";
import { parseBirthday } from "../../../../flows/parsers/parseBirthday.ts";

describe("parseBirthday", () => {
  it("when a day and month are written the usual ways, then they are read (day first for numbers)", () => {
    const cases: [string, { day: number; month: number }][] = [
      ["14 March", { day: 14, month: 3 }],
      ["14 march", { day: 14, month: 3 }],
      ["  14th   of  Mar. ", { day: 14, month: 3 }],
      ["March 14", { day: 14, month: 3 }],
      ["Sept 2nd", { day: 2, month: 9 }],
      ["14/03", { day: 14, month: 3 }],
      ["4-3", { day: 4, month: 3 }],
      ["14.03.1990", { day: 14, month: 3 }],
      ["1 January 1990", { day: 1, month: 1 }],
      ["31 Dec", { day: 31, month: 12 }],
    ];
    for (const [text, expected] of cases) expect(parseBirthday(text), text).toEqual(expected);
  });

  it("when the date is 29 February, then it is accepted (a birthday exists even in other years)", () => {
    expect(parseBirthday("29 Feb")).toEqual({ day: 29, month: 2 });
    expect(parseBirthday("29/02")).toEqual({ day: 29, month: 2 });
  });

  it("when the day does not exist, the month is unknown, or the text is not a date, then null", () => {
    for (const text of [
      "30 Feb",
      "31 April",
      "31/04",
      "0/5",
      "14/13",
      "32 May",
      "14 Marchh",
      "next week",
      "",
      "14",
      "BALANCE",
      "14/03/2026/1",
      "1".repeat(500),
    ]) {
      expect(parseBirthday(text), text).toBeNull();
    }
  });
});
