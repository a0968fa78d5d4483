import { describe, expect, it } from "vitest";
import { createSpeaker } from "../../../flows/i18n/createSpeaker.ts";
import { LANGUAGES, type Language } from "../../../flows/i18n/languages.ts";
import { billingNoticeText } from "../../../src/domain/billing/billingNoticeText.ts";
import type { BillingNoticeMessage } from "../../../src/domain/billing/findDueBillingNotices.ts";

const LAGOS = "Africa/Lagos";
const LINK = "https://checkout.paystack.com/0peioxfhpn2yx7k";
const ENDS = new Date("2026-12-10T08:00:00Z");
const PAUSES = new Date("2026-12-17T12:00:00Z");
const plans = [
  { name: "Starter", priceKobo: 500_000, period: "monthly" as const },
  { name: "Growth", priceKobo: 1_500_000, period: "monthly" as const },
  { name: "Pro", priceKobo: 30_000_000, period: "yearly" as const },
];

const TRIAL: BillingNoticeMessage = {
  key: "billing.trial.reminder",
  params: { days: 3, endsAt: ENDS, plans, cheapestPlan: "Starter" },
};

/** One of every notice, with ordinary values. */
const MESSAGES: BillingNoticeMessage[] = [
  TRIAL,
  { key: "billing.trial.reminderNoPlans", params: { days: 1, endsAt: ENDS } },
  {
    key: "billing.payment.reminder",
    params: { invoiceNumber: "INV-202612-ABC234", amountKobo: 500_000, daysOverdue: 0, pausesOn: PAUSES },
  },
  {
    key: "billing.payment.reminder",
    params: { invoiceNumber: "INV-202612-ABC234", amountKobo: 500_000, daysOverdue: 3, pausesOn: PAUSES },
  },
  {
    key: "billing.payment.paused",
    params: { invoiceNumber: "INV-202612-ABC234", amountKobo: 500_000, daysOverdue: 1 },
  },
  { key: "billing.customers.nearLimit", params: { customers: 4, limit: 5 } },
  { key: "billing.customers.full", params: { customers: 5, limit: 5, turnedAway: 0 } },
  { key: "billing.customers.full", params: { customers: 5, limit: 5, turnedAway: 12 } },
];

/** The longest a notice gets: many plans with long names and large prices, a ten-million-naira invoice. */
const LONGEST: BillingNoticeMessage[] = [
  {
    key: "billing.trial.reminder",
    params: {
      days: 7,
      endsAt: ENDS,
      plans: Array.from({ length: 6 }, (_, i) => ({
        name: `Business Premium Plus ${i}`,
        priceKobo: 10_000_000_000,
        period: "yearly" as const,
      })),
      cheapestPlan: "Business Premium Plus 0",
    },
  },
  {
    key: "billing.payment.reminder",
    params: { invoiceNumber: "INV-202612-ABC234", amountKobo: 1_000_000_000, daysOverdue: 6, pausesOn: PAUSES },
  },
  {
    key: "billing.customers.full",
    params: { customers: 99_999_999, limit: 99_999_999, turnedAway: 99_999_999 },
  },
];

const text = (language: Language, message: BillingNoticeMessage, link: string | null) =>
  billingNoticeText(createSpeaker(language), { message, timezone: LAGOS }, link);

describe("billing notices to the owner", () => {
  it("when notices are written in English, then they read as whole sentences, with the pay link inside the last one", () => {
    const [trial, noPlans, dueToday, overdue, paused, near, fullNone, fullSome] = MESSAGES as [
      BillingNoticeMessage,
      BillingNoticeMessage,
      BillingNoticeMessage,
      BillingNoticeMessage,
      BillingNoticeMessage,
      BillingNoticeMessage,
      BillingNoticeMessage,
      BillingNoticeMessage,
    ];
    expect(text("en", trial, LINK)).toBe(
      `Your free trial ends in 3 days (10 Dec 2026). Plans: Starter ₦5,000.00/month, Growth ₦15,000.00/month and Pro ₦300,000.00/year. Pay for Starter to keep your programme running: ${LINK}`,
    );
    expect(text("en", trial, null)).toBe(
      "Your free trial ends in 3 days (10 Dec 2026). Plans: Starter ₦5,000.00/month, Growth ₦15,000.00/month and Pro ₦300,000.00/year. Pay for Starter to keep your programme running.",
    );
    expect(text("en", noPlans, LINK)).toBe("Your free trial ends in 1 day (10 Dec 2026). Send PLAN to see your plan.");
    expect(text("en", dueToday, LINK)).toBe(
      `Invoice INV-202612-ABC234 for ₦5,000.00 is due today. Unpaid by 17 Dec 2026, your loyalty programme will be paused. Pay now: ${LINK}`,
    );
    expect(text("en", overdue, null)).toBe(
      "Invoice INV-202612-ABC234 for ₦5,000.00 is 3 days overdue. Unpaid by 17 Dec 2026, your loyalty programme will be paused. Pay now.",
    );
    expect(text("en", paused, LINK)).toBe(
      `Invoice INV-202612-ABC234 for ₦5,000.00 is 1 day overdue and your programme is paused. Pay to restart it at once: ${LINK}`,
    );
    expect(text("en", near, LINK)).toBe(
      "You have 4 of your plan's 5 customers (80%). At 5, new customers will be turned away: upgrade your plan (send PLAN) before then.",
    );
    expect(text("en", fullNone, null)).toBe(
      "Your programme is full: 5 of your plan's 5 customers. New customers are being turned away. Upgrade your plan (send PLAN) to welcome them.",
    );
    expect(text("en", fullSome, null)).toContain("turned away (12 so far).");
  });

  it("when the plans are listed, then each is the language's plan item and the list is joined the language's way", () => {
    const yo = createSpeaker("yo");
    const items = plans.map((plan) =>
      yo.say("billing.planItem", { plan: plan.name, amount: yo.naira(plan.priceKobo), period: plan.period }),
    );
    expect(text("yo", TRIAL, LINK)).toBe(
      yo.say("billing.trial.reminderWithLink", {
        days: 3,
        date: yo.date(ENDS.toISOString(), LAGOS),
        plans: yo.list(items),
        plan: "Starter",
        link: LINK,
      }),
    );
    expect(yo.list(["A", "B", "C"])).toBe(
      new Intl.ListFormat("yo-NG", { type: "conjunction" }).format(["A", "B", "C"]),
    );
  });

  it.each(LANGUAGES)(
    "when every notice is written in %s, then it is one line the template takes whole, ending with the pay link where there is one",
    (language) => {
      for (const message of [...MESSAGES, ...LONGEST]) {
        for (const link of [LINK, null]) {
          const notice = text(language, message, link);
          expect(notice, `${language} ${message.key}`).not.toMatch(/[\n\r\t]| {4,}/);
          // queueOwnerNotice cuts `{{2}}` at 1000 characters: a link must never be cut.
          expect(notice.length, `${language} ${message.key}: ${notice}`).toBeLessThanOrEqual(1000);
          const linked =
            link !== null && /^billing\.(trial\.reminder|payment\.reminder|payment\.paused)$/.test(message.key);
          if (linked) expect(notice.endsWith(LINK), `${language} ${message.key}`).toBe(true);
          else expect(notice, `${language} ${message.key}`).not.toContain(LINK);
        }
      }
    },
  );
});
