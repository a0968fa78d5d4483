import { describe, expect, it } from "vitest";
import { FALLBACK_INTL_LOCALE, createSpeaker, intlLocaleFor } from "../../../flows/i18n/createSpeaker.ts";
import { LANGUAGES } from "../../../flows/i18n/languages.ts";

describe("speaker", () => {
  it("when Intl has data for the language, then Nigeria's variant of it formats numbers, naira and dates", () => {
    const yoruba = createSpeaker("yo");
    expect(intlLocaleFor("yo")).toBe("yo-NG");
    expect(yoruba.naira(500_050)).toBe(
      new Intl.NumberFormat("yo-NG", { style: "currency", currency: "NGN", currencyDisplay: "narrowSymbol" }).format(
        5000.5,
      ),
    );
    expect(yoruba.date("2026-03-01T10:00:00.000Z", "Africa/Lagos")).toBe(
      new Intl.DateTimeFormat("yo-NG", {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "Africa/Lagos",
      }).format(new Date("2026-03-01T10:00:00.000Z")),
    );
  });

  it("when Intl lacks the language's locale data, then formatting falls back to Nigerian English", () => {
    for (const language of LANGUAGES) {
      expect(
        intlLocaleFor(language, () => []),
        language,
      ).toBe(FALLBACK_INTL_LOCALE);
    }
    expect(intlLocaleFor("ha", (locales) => (locales[0] === "ha" ? ["ha"] : []))).toBe("ha");
    const hausaWithoutData = createSpeaker(
      "ha",
      intlLocaleFor("ha", () => []),
    );
    expect(hausaWithoutData.naira(500_050)).toBe("₦5,000.50");
    expect(hausaWithoutData.number(1_250_000)).toBe("1,250,000");
    expect(hausaWithoutData.date("2026-03-01T10:00:00.000Z", "Africa/Lagos")).toBe("1 Mar 2026");
    // The words stay Hausa; only the numbers and dates borrow the fallback's format.
    expect(hausaWithoutData.say("customer.balance.total", { points: 1250 })).toBe("Kana da maki 1,250.");
  });

  it("when items are listed, then they are joined the language's way", () => {
    expect(createSpeaker("en").list(["Starter", "Growth", "Pro"])).toBe("Starter, Growth and Pro");
    expect(createSpeaker("en").list(["Starter"])).toBe("Starter");
    expect(createSpeaker("ha").list(["A", "B", "C"])).toBe(
      new Intl.ListFormat("ha-NG", { style: "long", type: "conjunction" }).format(["A", "B", "C"]),
    );
  });

  it("when English counts one or many, then the plural follows the count", () => {
    const english = createSpeaker("en");
    expect(english.say("customer.balance.total", { points: 1 })).toBe("You have 1 point.");
    expect(english.say("customer.balance.total", { points: 1250 })).toBe("You have 1,250 points.");
    expect(english.say("staff.pin.wrong", { attempts: 1 })).toBe("That PIN is not right. 1 try left. Enter your PIN:");
  });

  it("when a date's time zone is unknown, then it is shown in UTC rather than failing", () => {
    expect(createSpeaker("ig").date("2026-03-01T23:30:00.000Z", "Mars/Olympus")).toBe(
      new Intl.DateTimeFormat("ig-NG", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
        new Date("2026-03-01T23:30:00.000Z"),
      ),
    );
  });

  it("when a message lacks a value for a placeholder, then it throws instead of sending a broken sentence", () => {
    expect(() => createSpeaker("pcm").say("customer.welcome.back")).toThrow();
  });
});
