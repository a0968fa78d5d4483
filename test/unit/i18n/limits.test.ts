import { describe, expect, it } from "vitest";
import { MESSAGE_KEYS, type MessageKey } from "../../../flows/i18n/catalog.ts";
import { CATALOGS } from "../../../flows/i18n/catalogs/index.ts";
import { createSpeaker } from "../../../flows/i18n/createSpeaker.ts";
import { LANGUAGE_ENDONYMS, LANGUAGES, type Language } from "../../../flows/i18n/languages.ts";
import type { OutMessage } from "../../../flows/types.ts";
import { WHATSAPP_LIMITS } from "../../../flows/validateOutMessage.ts";
import { LONGEST, customerScript, staffScript } from "./scriptedChats.ts";

const BUTTON_TITLES: MessageKey[] = [
  "common.yes",
  "common.no",
  "staff.menu.log",
  "staff.menu.verify",
  "staff.menu.exit",
  ...MESSAGE_KEYS.filter((key) => key.startsWith("signup.button.")),
];
const LIST_BUTTONS: MessageKey[] = [
  "customer.menu.button",
  "customer.rewards.button",
  "customer.vendors.button",
  "language.button",
  "common.choose",
  "owner.menu.button",
  "owner.void.button",
];
const ROW_TITLES: MessageKey[] = [
  ...MESSAGE_KEYS.filter((key) => /^(customer|owner)\.menu\.[a-z]+\.title$/.test(key)),
  "common.more",
];
const ROW_DESCRIPTIONS: MessageKey[] = [
  ...MESSAGE_KEYS.filter(
    (key) => /^(customer|owner)\.menu\.[a-z]+\.description$/.test(key) || key.startsWith("language.name."),
  ),
  "customer.vendors.current",
];

/** The longest values a message can realistically carry: WhatsApp-length names, ₦100 million, 99 million points. */
const LONGEST_VALUES = {
  vendor: LONGEST.vendorName,
  reward: LONGEST.rewards[0]?.name ?? "",
  name: LONGEST.staffName,
  customer: "234803***4567",
  code: "ABCDEFGH2345",
  link: `https://wa.me/2348000000000?text=${encodeURIComponent("JOIN MAMAPUTIKEJA ABC234")}`,
  points: 99_999_999,
  balance: 99_999_999,
  spent: 99_999_999,
  attempts: 4,
  minutes: 15,
  number: 10,
  page: 12,
  pages: 12,
  phone: "0801 234 5678",
  time: "23:59",
  cause: "Points for spending ₦100,000,000.00",
  why: "x".repeat(200),
  limit: 100,
  count: 9_999,
  age: "59 minutes ago",
  hours: 23,
  days: 365,
  tier: "Platinum Diamond VIP!",
  multiplier: 4.75,
  birthday: "29 September",
  purchases: 99_999_999,
  messages: 99_999_999,
  shops: 99,
  // The owner chat and sign-up.
  today: `99,999,999 purchases, ₦100,000,000.00, 99,999,999 points given, 99,999,999 new customers, 99,999,999 redemptions.`,
  week: `99,999,999 purchases, ₦100,000,000.00, 99,999,999 points given, 99,999,999 new customers, 99,999,999 redemptions.`,
  customers: 99_999_999,
  redemptions: 99_999_999,
  audience: 99_999_999,
  used: 99_999_999,
  previous: 99_999_999,
  cost: 1_000_000,
  when: "30 Sept, 23:59",
  plan: "Business Premium Plus",
  label: "Broadcasts this month",
  list: `${LONGEST.vendorName} (MAMAPUTIKEJA1234567), ${LONGEST.vendorName} (MAMAPUTIKEJA7654321)`,
  taken: "MAMAPUTIKEJA12345678",
  // Billing notices to the owner.
  invoice: "INV-202612-ABC234",
  percent: 0.99,
  period: "yearly",
  plans: Array.from({ length: 4 }, () => "Business Premium Plus ₦100,000,000.00/year").join(", "),
} as const;

function render(language: Language, key: MessageKey, extra: Record<string, string | number>): string {
  const speaker = createSpeaker(language);
  return speaker.say(key, {
    ...LONGEST_VALUES,
    amount: speaker.naira(10_000_000_000),
    date: speaker.date("2026-09-30T12:00:00.000Z", "Africa/Lagos"),
    ...extra,
  });
}

/** Every select choice a key has, so the longest branch is measured too. */
const SELECT_VALUES: Record<string, readonly string[]> = {
  reason: [
    "pin_required",
    "invalid_amount",
    "plan_limit",
    "customer_blocked",
    "not_found",
    "already_fulfilled",
    "cancelled",
    "other",
  ],
  status: ["fulfilled", "cancelled", "expired", "pending", "trial", "active", "suspended"],
};

function longestRendering(language: Language, key: MessageKey): number {
  if (!/, select,/.test(CATALOGS.en[key])) return render(language, key, { reason: "other", status: "pending" }).length;
  let longest = 0;
  for (const reason of SELECT_VALUES.reason ?? []) {
    for (const status of SELECT_VALUES.status ?? [])
      longest = Math.max(longest, render(language, key, { reason, status }).length);
  }
  return longest;
}

function interactiveParts(message: OutMessage): { body: string; titles: string[] } | null {
  if (message.kind === "text") return null;
  if (message.kind === "buttons") return { body: message.body, titles: message.buttons.map((b) => b.title) };
  return { body: message.body, titles: message.sections.flatMap((s) => s.rows.map((r) => r.title)) };
}

describe.each(LANGUAGES)("WhatsApp limits in %s", (language: Language) => {
  const speaker = createSpeaker(language);

  it("when the catalog's button titles and list labels are measured, then each fits (buttons and list buttons ≤ 20)", () => {
    for (const key of [...BUTTON_TITLES, ...LIST_BUTTONS]) {
      expect(speaker.say(key).length, `${language} ${key}: "${speaker.say(key)}"`).toBeLessThanOrEqual(
        WHATSAPP_LIMITS.buttonTitle,
      );
    }
  });

  it("when the catalog's list rows are measured, then titles fit in 24 and descriptions in 72", () => {
    for (const key of ROW_TITLES) {
      expect(speaker.say(key).length, `${language} ${key}: "${speaker.say(key)}"`).toBeLessThanOrEqual(
        WHATSAPP_LIMITS.rowTitle,
      );
    }
    for (const title of Object.values(LANGUAGE_ENDONYMS))
      expect(title.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.rowTitle);
    for (const key of ROW_DESCRIPTIONS) {
      expect(speaker.say(key).length, `${language} ${key}`).toBeLessThanOrEqual(WHATSAPP_LIMITS.rowDescription);
    }
    expect(render(language, "common.page", {}).length).toBeLessThanOrEqual(WHATSAPP_LIMITS.rowDescription);
    expect(render(language, "customer.rewards.rowPoints", {}).length).toBeLessThanOrEqual(
      WHATSAPP_LIMITS.rowDescription,
    );
    // A void row: "10. ₦10,000,000.00 4567" (a till purchase of ten million naira; the API takes
    // larger ones, whose row title choiceMessage shortens) and when, by whom, how many points.
    const tenMillion = createSpeaker(language).naira(1_000_000_000);
    expect(render(language, "owner.void.rowTitle", { phone: "4567", amount: tenMillion }).length).toBeLessThanOrEqual(
      WHATSAPP_LIMITS.rowTitle,
    );
    for (const key of ["owner.void.rowDescription", "owner.void.rowDescriptionBy"] as const) {
      expect(render(language, key, { name: "Oluwaseun Adebayo" }).length, `${language} ${key}`).toBeLessThanOrEqual(
        WHATSAPP_LIMITS.rowDescription,
      );
    }
  });

  it("when every message is filled with the longest realistic values, then it fits an interactive body (≤ 1024)", () => {
    for (const key of MESSAGE_KEYS) {
      expect(longestRendering(language, key), `${language} ${key}`).toBeLessThanOrEqual(
        WHATSAPP_LIMITS.interactiveBody,
      );
    }
  });

  it("when a customer and a staff member chat with the longest names and amounts, then every reply is valid and no interactive body had to be cut", () => {
    // The conversation driver checks each reply against WhatsApp's limits as it goes.
    const replies = [...customerScript(language, LONGEST), ...staffScript(language, LONGEST)];
    expect(replies.length).toBeGreaterThan(20);
    for (const message of replies) {
      const parts = interactiveParts(message);
      if (parts === null) continue;
      expect(parts.body.endsWith("…"), `cut body: ${parts.body}`).toBe(false);
      expect(parts.body.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.interactiveBody);
    }
  });
});
