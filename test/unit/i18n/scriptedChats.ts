import {
  runCustomerFlow,
  type CustomerEvent,
  type CustomerIntent,
  type CustomerReward,
} from "../../../flows/customer.ts";
import { createSpeaker } from "../../../flows/i18n/createSpeaker.ts";
import type { Language } from "../../../flows/i18n/languages.ts";
import { runStaffFlow, type StaffEvent, type StaffIntent } from "../../../flows/staff.ts";
import type { OutMessage } from "../../../flows/types.ts";
import { createConversation } from "../flows/conversationDriver.ts";

/** What the scripted chats talk about: ordinary values, or the longest a vendor could realistically set. */
export type ChatData = {
  vendorName: string;
  greeting: string | null;
  staffName: string;
  rewards: CustomerReward[];
  balance: number;
  amountKobo: number;
  points: number;
};

export const ORDINARY: ChatData = {
  vendorName: "Mama Put",
  greeting: null,
  staffName: "Kemi",
  rewards: [
    { id: "r1", name: "Jollof plate", pointsRequired: 400 },
    { id: "r2", name: "Chilled Zobo", pointsRequired: 100 },
  ],
  balance: 500,
  amountKobo: 500_000,
  points: 50,
};

/** Names as long as the API allows where it matters (business and reward names of 100+ characters are typing accidents, not names). */
export const LONGEST: ChatData = {
  vendorName: "Iya Basira's Amala, Ewedu & Gbegiri Joint, Opposite First Bank, Ikeja",
  greeting: "Show this chat at the counter for 10% off your first plate of amala and gbegiri every Friday this month!",
  staffName: "Oluwaseyifunmi Adebayo-Okonkwo",
  rewards: [
    { id: "r1", name: "Two plates of amala with ewedu, gbegiri and assorted meat", pointsRequired: 99_999_999 },
    { id: "r2", name: "One large bottle of chilled zobo with pineapple and ginger", pointsRequired: 88_888_888 },
    { id: "r3", name: "Family pack of fried plantain (dodo) and peppered gizzard", pointsRequired: 77_777_777 },
  ],
  balance: 99_999_999,
  amountKobo: 10_000_000_000,
  points: 99_999_999,
};

const NOW = "2026-03-01T10:00:00.000Z";

/**
 * A customer's chat in one language, as the engine would run it: join (offered the languages),
 * balance, rewards, redeem a reward and confirm, history. Returns every reply in order.
 */
export function customerScript(language: Language, data: ChatData): OutMessage[] {
  const speaker = createSpeaker(language);
  const engine = (intent: CustomerIntent): CustomerEvent | null => {
    switch (intent.type) {
      case "getBalance":
        return {
          type: "BALANCE",
          balance: data.balance,
          expiring: { points: data.points, expiresAt: "2026-03-31T23:30:00.000Z" },
          timezone: "Africa/Lagos",
        };
      case "listRewards":
        return { type: "REWARDS", balance: data.balance, rewards: data.rewards };
      case "redeem":
        return {
          type: "REDEEMED",
          code: "ABCD2345",
          rewardName: data.rewards[0]?.name ?? "",
          pointsDeducted: data.rewards[0]?.pointsRequired ?? 0,
          balance: 0,
        };
      case "getHistory":
        return {
          type: "HISTORY",
          entries: [
            { points: data.points, transactionType: "earned", description: "earned", createdAt: NOW },
            { points: -data.points, transactionType: "redeemed", description: "redeemed", createdAt: NOW },
          ],
          timezone: "Africa/Lagos",
        };
      default:
        return null;
    }
  };
  const chat = createConversation(
    (persisted: unknown, event: CustomerEvent) =>
      runCustomerFlow(persisted, event, { idleTimeoutMs: 30 * 60_000, speaker }),
    engine,
    (text, now): CustomerEvent => ({ type: "TEXT", text, now }),
  );
  chat.send({
    type: "JOINED",
    vendorName: data.vendorName,
    greeting: data.greeting,
    isNew: true,
    timezone: "Africa/Lagos",
    offerLanguages: true,
  });
  for (const text of ["MENU", "BALANCE", "REWARDS", "REDEEM", "1", "maybe", "YES", "HISTORY", "balnce", "👍", "xyzzy"])
    chat.say(text);
  return chat.everyReply;
}

/** A staff member's chat in one language: STAFF, the PIN, LOG and YES, then VERIFY and YES, then EXIT. */
export function staffScript(language: Language, data: ChatData): OutMessage[] {
  const speaker = createSpeaker(language);
  const engine = (intent: StaffIntent): StaffEvent | null => {
    switch (intent.type) {
      case "checkPin":
        return { type: "PIN_OK", staffName: data.staffName };
      case "previewPurchase":
        return {
          type: "PURCHASE_PREVIEW",
          customerPhoneMasked: "234801***678",
          amountKobo: intent.amountKobo,
          points: data.points,
          isNewCustomer: true,
        };
      case "logPurchase":
        return {
          type: "PURCHASE_LOGGED",
          points: data.points,
          balance: data.balance,
          customerPhoneMasked: "234801***678",
        };
      case "lookupRedemption":
        return {
          type: "REDEMPTION_FOUND",
          code: intent.code,
          rewardName: data.rewards[0]?.name ?? "",
          status: "pending",
          customerName: "234801***678",
        };
      case "fulfilRedemption":
        return { type: "REDEMPTION_FULFILLED", code: intent.code };
      default:
        return null;
    }
  };
  const chat = createConversation(
    (persisted: unknown, event: StaffEvent) => runStaffFlow(persisted, event, { speaker }),
    engine,
    (text, now): StaffEvent => ({ type: "TEXT", text, now }),
  );
  chat.send({ type: "STAFF_START", vendorName: data.vendorName });
  const naira = String(data.amountKobo / 100);
  for (const text of ["1234", `LOG 0803 123 4567 ${naira}`, "hmm", "YES", "VERIFY ABCD2345", "YES", "LOG", "x", "EXIT"])
    chat.say(text);
  return chat.everyReply;
}
