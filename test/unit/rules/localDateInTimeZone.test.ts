import { describe, expect, it } from "vitest";
import { localDateInTimeZone } from "../../../src/domain/rules/localDateInTimeZone.ts";

describe("localDateInTimeZone", () => {
  it("when it is 23:30 UTC on a Friday, then Lagos is already Saturday the next day", () => {
    const instant = new Date("2025-03-14T23:30:00Z");
    expect(localDateInTimeZone(instant, "Africa/Lagos")).toEqual({ year: 2025, month: 3, day: 15, weekday: 6 });
    expect(localDateInTimeZone(instant, "UTC")).toEqual({ year: 2025, month: 3, day: 14, weekday: 5 });
  });

  it("when the timezone is not an IANA name, then it throws a RangeError", () => {
    expect(() => localDateInTimeZone(new Date(), "Lagos/Nowhere")).toThrow(RangeError);
  });
});
