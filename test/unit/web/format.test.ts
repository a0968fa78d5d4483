import { describe, expect, it } from "vitest";
import {
  formatAge,
  formatDate,
  formatDateTime,
  formatNaira,
  parseNairaToKobo,
  todayIn,
  zonedLocalToIso,
} from "../../../web/src/lib/format.ts";
import { matchPath } from "../../../web/src/lib/router.ts";

describe("money and dates on the web pages", () => {
  it("when kobo are shown, then they read as naira with thousands separators and kobo only when there are some", () => {
    expect(formatNaira(0)).toBe("₦0");
    expect(formatNaira(500_000)).toBe("₦5,000");
    expect(formatNaira(1_250_050)).toBe("₦12,500.50");
    expect(formatNaira(123_456_789_01)).toBe("₦123,456,789.01");
    expect(formatNaira(-2_500)).toBe("−₦25");
  });

  it("when a person types an amount, then it becomes kobo or null", () => {
    expect(parseNairaToKobo("5,000")).toBe(500_000);
    expect(parseNairaToKobo("₦5,000.5")).toBe(500_050);
    expect(parseNairaToKobo("N 12500.50")).toBe(1_250_050);
    for (const bad of ["", "abc", "5.123", "-5", "1e5"]) expect(parseNairaToKobo(bad)).toBeNull();
  });

  it("when an instant is shown, then it is in the business's time zone, not the browser's", () => {
    expect(formatDateTime("2026-12-03T23:30:00Z", "Africa/Lagos")).toBe("4 Dec 2026, 00:30");
    expect(formatDateTime("2026-12-03T23:30:00Z", "UTC")).toBe("3 Dec 2026, 23:30");
    expect(formatDate("2026-12-03T23:30:00Z", "Africa/Lagos")).toBe("4 Dec 2026");
    expect(formatDate("2026-12-03", "Pacific/Kiritimati")).toBe("3 Dec 2026");
    expect(formatDateTime(null, "UTC")).toBe("—");
    expect(todayIn("Africa/Lagos", new Date("2026-12-03T23:30:00Z"))).toBe("2026-12-04");
  });

  it("when a wall-clock time is picked, then it is read in the business's zone (across a DST change too)", () => {
    expect(zonedLocalToIso("2030-01-04T09:00", "Africa/Lagos")).toBe("2030-01-04T08:00:00.000Z");
    expect(zonedLocalToIso("2030-07-04T09:00", "Europe/London")).toBe("2030-07-04T08:00:00.000Z");
    expect(zonedLocalToIso("2030-01-04T09:00", "Europe/London")).toBe("2030-01-04T09:00:00.000Z");
    expect(zonedLocalToIso("not a time", "UTC")).toBeNull();
  });

  it("when a path is matched against a route, then its parameters come out, and other paths do not match", () => {
    expect(matchPath("/dashboard/customers/:id", "/dashboard/customers/abc")).toEqual({ id: "abc" });
    expect(matchPath("/dashboard/customers/:id", "/dashboard/customers/abc/")).toEqual({ id: "abc" });
    expect(matchPath("/dashboard/customers/:id", "/dashboard/customers")).toBeNull();
    expect(matchPath("/dashboard", "/dashboards")).toBeNull();
  });

  it("when a claim's age is shown, then it reads in the largest whole unit", () => {
    const now = new Date("2026-12-04T12:00:00Z");
    expect(formatAge("2026-12-04T11:59:30Z", now)).toBe("just now");
    expect(formatAge("2026-12-04T11:55:00Z", now)).toBe("5 minutes ago");
    expect(formatAge("2026-12-04T10:00:00Z", now)).toBe("2 hours ago");
    expect(formatAge("2026-12-03T11:00:00Z", now)).toBe("yesterday");
    expect(formatAge("2026-12-01T12:00:00Z", now)).toBe("3 days ago");
    expect(formatAge("not a date", now)).toBe("—");
  });
});
