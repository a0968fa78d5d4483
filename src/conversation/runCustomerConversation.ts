import { runCustomerFlow, type CustomerEvent, type CustomerIntent } from "../../flows/customer.ts";
import type { Contact } from "../db/contacts.ts";
import { setActiveTenant } from "../db/contacts.ts";
import { loadConversationState } from "../db/customerConversation.ts";
import type { Tx } from "../db/sql.ts";
import { isTenantServing, listMembershipsByPhone, type RoutingTenant } from "../db/tenants.ts";
import { enterPlatform, enterTenant } from "../db/withTenant.ts";
import type { Customer } from "../domain/customers/customerRecord.ts";
import { loadCustomerForChat } from "../domain/customers/loadCustomerForChat.ts";
import { setOptIn } from "../domain/customers/setOptIn.ts";
import {
  ASK_BIRTHDAY_AFTER_PURCHASES,
  claimBirthdayQuestion,
  declineBirthday,
  setBirthday,
} from "../domain/customers/setBirthday.ts";
import { getBalance } from "../domain/ledger/getBalance.ts";
import { lifetimeEarned } from "../domain/lifecycle/lifetimeEarned.ts";
import { tierStanding } from "../domain/lifecycle/tiers.ts";
import { getHistory } from "../domain/ledger/getHistory.ts";
import { listRewardsForCustomer } from "../domain/rewards/listRewardsForCustomer.ts";
import { redeemReward } from "../domain/rewards/redeemReward.ts";
import { getTenantSettings, type TenantSettings } from "../domain/tenants/getTenantSettings.ts";
import { driveFlow } from "./driveFlow.ts";
import type { EngineDeps, Handled, PersonMessage } from "./engineTypes.ts";
import { buildJoinLink } from "./buildJoinLink.ts";
import { speakerFor } from "./chooseLanguage.ts";
import { platformReplies } from "./platformReplies.ts";
import { claimMediaFor } from "./claimMedia.ts";
import { fileClaimFromChat } from "./fileClaimFromChat.ts";

/** WhatsApp message types the bot cannot read but answers with what it does understand. */
const OTHER_MEDIA_TYPES = ["audio", "voice", "video", "sticker", "document", "location", "contacts"];

/** The flow's event for a person's message: text, a photo (its caption may be the amount), other media. */
export function customerEventOf(message: PersonMessage): FirstCustomerEvent {
  const now = message.now.toISOString();
  const media = message.row.payload.media;
  if (message.row.message_type === "image" && media !== undefined) {
    return { type: "PHOTO", mediaId: media.id, mimeType: media.mimeType, caption: message.row.message_body, now };
  }
  if (OTHER_MEDIA_TYPES.includes(message.row.message_type)) return { type: "OTHER_MEDIA", now };
  return message.text === null ? { type: "NON_TEXT", now } : { type: "TEXT", text: message.text, now };
}

type JoinedEvent = Extract<CustomerEvent, { type: "JOINED" }>;
export type FirstCustomerEvent = Exclude<CustomerEvent, JoinedEvent> | Omit<JoinedEvent, "timezone">;

/** A customer's message to their active vendor: checks, then the customer flow. */
export async function runCustomerConversation(
  deps: EngineDeps,
  tx: Tx,
  contact: Contact,
  message: PersonMessage,
  tenant: RoutingTenant,
): Promise<Handled> {
  const speaker = speakerFor(contact, tenant);
  if (!isTenantServing(tenant)) {
    return {
      route: "paused",
      tenantId: tenant.id,
      customerId: null,
      replies: [platformReplies.paused(tenant.business_name, speaker)],
    };
  }
  await enterTenant(tx, tenant.id);
  const { customer, conversationState, settings } = await loadCustomerForChat(tx, tenant.id, contact.phone_number);
  if (customer === null) {
    // Active vendor but no membership (removed by the vendor): start over with JOIN.
    return { route: "stranger", tenantId: tenant.id, customerId: null, replies: [platformReplies.stranger(speaker)] };
  }
  if (customer.loyaltyStatus === "blocked") {
    return {
      route: "blocked",
      tenantId: tenant.id,
      customerId: customer.id,
      replies: [platformReplies.blocked(tenant.business_name, speaker)],
    };
  }
  const event = customerEventOf(message);
  return continueCustomerConversation(deps, tx, contact, tenant, customer, event, { settings, conversationState });
}

/**
 * Runs the customer flow from the stored snapshot with a first event, executing its intents on
 * this transaction (as the tenant), and returns the new snapshot for the engine to save.
 */
export async function continueCustomerConversation(
  deps: EngineDeps,
  tx: Tx,
  contact: Contact,
  tenant: RoutingTenant,
  customer: Customer,
  first: FirstCustomerEvent,
  /** What the caller already read with the customer (saves two round trips per message). */
  loaded?: { settings: TenantSettings; conversationState: unknown },
): Promise<Handled> {
  const settings = loaded?.settings ?? (await getTenantSettings(tx, tenant.id));
  const timezone = settings.timezone;
  const firstEvent: CustomerEvent = first.type === "JOINED" ? { ...first, timezone } : first;
  const state = loaded === undefined ? await loadConversationState(tx, customer.id) : loaded.conversationState;
  const now = new Date();
  // The flow restarts a chat idle longer than CONVERSATION_IDLE_MINUTES at the menu.
  const flowOptions = {
    idleTimeoutMs: deps.config.conversationIdleMinutes * 60_000,
    speaker: speakerFor(contact, tenant),
  };

  // A customer who just sent STOP or START is not asked anything else in the same breath.
  let optInChanged = false;
  const execute = async (intent: CustomerIntent): Promise<CustomerEvent | null> => {
    switch (intent.type) {
      case "reply":
        return null;
      case "getBalance": {
        const balance = await getBalance(tx, customer.id);
        // Only a vendor with tiers pays the extra read.
        const standing =
          settings.tiers.length === 0
            ? null
            : tierStanding(settings.tiers, await lifetimeEarned(tx, customer.id), customer.tierName);
        return {
          type: "BALANCE",
          balance: balance.balance,
          expiring:
            balance.expiringSoonest === null
              ? null
              : { points: balance.expiringSoonest.points, expiresAt: balance.expiringSoonest.expiresAt.toISOString() },
          timezone,
          tier:
            standing === null
              ? null
              : {
                  name: standing.current?.name ?? null,
                  next:
                    standing.next === null
                      ? null
                      : { name: standing.next.tier.name, pointsToGo: standing.next.pointsToGo },
                },
        };
      }
      case "listRewards": {
        const rewards = await listRewardsForCustomer(tx, { customerId: customer.id, now });
        return {
          type: "REWARDS",
          balance: rewards.balance,
          rewards: [...rewards.affordable, ...rewards.next].map((r) => ({
            id: r.id,
            name: r.name,
            pointsRequired: r.pointsRequired,
          })),
        };
      }
      case "redeem": {
        const result = await redeemReward(tx, {
          tenantId: tenant.id,
          customerId: customer.id,
          rewardId: intent.rewardId,
          now,
        });
        if (!result.ok) return { type: "REDEEM_FAILED", reason: result.reason };
        deps.metrics.ledgerRows.inc({ type: "redeemed" });
        return {
          type: "REDEEMED",
          code: result.code,
          rewardName: result.rewardName,
          pointsDeducted: result.pointsDeducted,
          balance: result.balance,
        };
      }
      case "getHistory": {
        const entries = await getHistory(tx, customer.id, 10);
        return {
          type: "HISTORY",
          entries: entries.map((e) => ({
            points: e.points,
            transactionType: e.type,
            description: e.description ?? e.type,
            createdAt: e.createdAt.toISOString(),
          })),
          timezone,
        };
      }
      case "getReferral": {
        const code = customer.referralCode ?? "";
        return { type: "REFERRAL", code, link: buildJoinLink(deps.config, tenant, code) };
      }
      case "listVendors": {
        await enterPlatform(tx);
        const memberships = await listMembershipsByPhone(tx, contact.phone_number);
        await enterTenant(tx, tenant.id);
        return {
          type: "VENDORS",
          vendors: memberships.map((m) => ({
            tenantId: m.tenant_id,
            name: m.business_name,
            active: m.tenant_id === tenant.id,
          })),
        };
      }
      case "switchVendor": {
        await enterPlatform(tx);
        const memberships = await listMembershipsByPhone(tx, contact.phone_number);
        const target = memberships.find((m) => m.tenant_id === intent.tenantId);
        if (target !== undefined) await setActiveTenant(tx, contact.phone_number, target.tenant_id);
        await enterTenant(tx, tenant.id);
        return { type: "VENDOR_SWITCHED", vendorName: target?.business_name ?? tenant.business_name };
      }
      case "fileClaim":
        return fileClaimFromChat(tx, claimMediaFor(deps), {
          tenantId: tenant.id,
          customerId: customer.id,
          settings,
          mediaId: intent.mediaId,
          amountKobo: intent.amountKobo,
          now,
          log: deps.log,
        });
      case "setOptIn": {
        optInChanged = true;
        await setOptIn(tx, { customerId: customer.id, optedIn: intent.optedIn, now });
        return { type: "OPT_CHANGED", optedIn: intent.optedIn };
      }
      case "setBirthday": {
        await setBirthday(tx, {
          customerId: customer.id,
          day: intent.day,
          month: intent.month,
          currentBirthDate: customer.birthDate,
        });
        return { type: "BIRTHDAY_SAVED", day: intent.day, month: intent.month };
      }
      case "declineBirthday": {
        await declineBirthday(tx, { customerId: customer.id, now });
        return { type: "BIRTHDAY_DECLINED" };
      }
    }
  };

  const run = (snapshot: unknown, event: CustomerEvent) => runCustomerFlow(snapshot, event, flowOptions);
  let result = await driveFlow(run, state, firstEvent, execute);
  // After the third purchase, the first message that leaves the chat at the menu gets the
  // birthday question, once (the question is marked asked in the same statement).
  if (
    customer.birthDate === null &&
    !optInChanged &&
    customer.totalPurchases >= ASK_BIRTHDAY_AFTER_PURCHASES &&
    isAtMenu(result.snapshot) &&
    (await claimBirthdayQuestion(tx, { customerId: customer.id, now }))
  ) {
    const asked = await driveFlow(run, result.snapshot, { type: "ASK_BIRTHDAY" }, execute);
    result = { ...asked, replies: [...result.replies, ...asked.replies] };
  }
  // Saved with the handled mark (finishInboundMessage): one statement for both.
  return {
    route: "customer",
    tenantId: tenant.id,
    customerId: customer.id,
    replies: result.replies,
    conversationState: result.snapshot,
  };
}

/** Whether a customer flow snapshot rests at the menu (no question is waiting for an answer). */
function isAtMenu(snapshot: unknown): boolean {
  if (typeof snapshot !== "object" || snapshot === null || !("state" in snapshot)) return false;
  const state = (snapshot as { state: unknown }).state;
  return (
    typeof state === "object" && state !== null && "value" in state && (state as { value: unknown }).value === "menu"
  );
}
