import { z } from "zod";
import type { MessageKey } from "../../flows/i18n/catalog.ts";
import { createSpeaker, intlLocaleFor, type MessageValues, type Speaker } from "../../flows/i18n/createSpeaker.ts";
import { runOwnerFlow, type OwnerEvent, type OwnerIntent } from "../../flows/owner.ts";
import type { KeywordCommand } from "../../flows/parsers/parseKeyword.ts";
import type { Contact } from "../db/contacts.ts";
import { isOwnerSessionValid, listOwnerMembershipsByPhone } from "../db/ownerMemberships.ts";
import { endStaffSessionsOf, saveOwnerSession } from "../db/ownerSessions.ts";
import { findContactLanguage } from "../db/contactLanguage.ts";
import { sql, type Tx } from "../db/sql.ts";
import { findTenantById, isTenantServing, type RoutingTenant } from "../db/tenants.ts";
import { enterPlatform, enterTenant } from "../db/withTenant.ts";
import { createLoginLink } from "../domain/auth/createLoginLink.ts";
import { broadcastSegmentSchema, segmentCondition } from "../domain/broadcasts/broadcastSegment.ts";
import { checkBroadcastAllowance } from "../domain/broadcasts/checkBroadcastAllowance.ts";
import { createBroadcast } from "../domain/broadcasts/createBroadcast.ts";
import { sendBroadcastNow } from "../domain/broadcasts/sendBroadcastNow.ts";
import { countMonthlyUsage } from "../domain/metrics/countMonthlyUsage.ts";
import { getTodayStats } from "../domain/owner/getTodayStats.ts";
import { listPurchases } from "../domain/purchases/listPurchases.ts";
import { voidPurchase } from "../domain/purchases/voidPurchase.ts";
import { createReward } from "../domain/rewards/createReward.ts";
import { listRewards } from "../domain/rewards/listRewards.ts";
import { updateReward } from "../domain/rewards/updateReward.ts";
import { setEarningRate } from "../domain/rules/setEarningRate.ts";
import { checkStaffPin } from "../domain/staff/checkStaffPin.ts";
import { inviteStaffMember } from "../domain/staff/inviteStaffMember.ts";
import { listStaff } from "../domain/staff/listStaff.ts";
import { updateStaffMember } from "../domain/staff/updateStaffMember.ts";
import { findTenant } from "../domain/tenants/findTenant.ts";
import { storeQrPoster } from "../domain/tenants/storeQrPoster.ts";
import { getPlanLimits } from "../domain/tenants/getPlanLimits.ts";
import { getTenantSettings } from "../domain/tenants/getTenantSettings.ts";
import { tenantTemplateFor } from "../domain/tenants/templateSetting.ts";
import { maskPhone, type Logger } from "../logger.ts";
import { BROADCAST_MESSAGE_MAX } from "../domain/broadcasts/createBroadcast.ts";
import { buildJoinLink } from "./buildJoinLink.ts";
import { chooseLanguage, speakerFor } from "./chooseLanguage.ts";
import { driveFlow } from "./driveFlow.ts";
import { feedClaimReview, pendingClaimsNotice, startClaimReview } from "./feedClaimReview.ts";
import type { EngineDeps, Handled, PersonMessage } from "./engineTypes.ts";
import { STAFF_INVITE_TEMPLATE, staffInviteNotice } from "./staffInviteNotice.ts";
import { endStaffSession } from "./runStaffConversation.ts";
import { voidNoticeFor } from "./voidNoticeFor.ts";

/** An owner session lasts this long after the owner's last message (docs/chat.md). */
export const OWNER_SESSION_MS = 10 * 60 * 1000;

const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * What the contact row keeps for an owner chat: the flow snapshot, whether the PIN was proven,
 * and an open claim review's snapshot (flows/claimReview.ts), which takes the owner's messages.
 */
const ownerStateSchema = z
  .object({ flow: z.unknown(), authenticated: z.boolean().default(false), review: z.unknown().default(null) })
  .catch({ flow: null, authenticated: false, review: null });

/** Owner commands that mean nothing outside a session: after one ends, they are told so. */
const OWNER_ONLY_WORDS = ["TODAY", "ADD", "PAUSE", "RATE", "REMOVE", "BROADCAST", "VOID", "QR", "PLAN", "LOGIN"];

/**
 * The owner's part of routing (docs/architecture.md, "Routing and identity"), run before the staff
 * session and the customer flow: `OWNER` opens (or, signed in, shows) the owner chat and ends a
 * staff session; an open owner session takes every message except a bare `STAFF`, which ends it and
 * lets the staff chat start; an expired one is ended. Returns null when the message is not the
 * owner chat's.
 */
export async function routeOwnerMessage(
  deps: EngineDeps,
  tx: Tx,
  contact: Contact,
  message: PersonMessage,
  command: KeywordCommand | null,
  tenants: { dedicated: RoutingTenant | null; active: RoutingTenant | null },
  log: Logger,
): Promise<Handled | null> {
  const now = message.now;
  const expiresAt = contact.owner_session_expires_at;
  const open = contact.owner_tenant_id !== null && expiresAt !== null && expiresAt > now;
  const here = tenants.dedicated === null || tenants.dedicated.id === contact.owner_tenant_id;
  if (command?.keyword === "OWNER") {
    const signedIn =
      open && here && command.args.length === 0 && ownerStateSchema.parse(contact.owner_state).authenticated;
    if (signedIn) return runOwnerConversation(deps, tx, contact, message, command, log);
    return startOwnerConversation(deps, tx, contact, message, command.args[0] ?? null, tenants, log);
  }
  if (contact.owner_tenant_id === null || expiresAt === null) return null;
  if (open && here) {
    if (command?.keyword === "STAFF" && command.args.length === 0) {
      await endOwnerSession(tx, contact.phone_number);
      return null;
    }
    return runOwnerConversation(deps, tx, contact, message, command, log);
  }
  if (!open) {
    await endOwnerSession(tx, contact.phone_number);
    if (command !== null && OWNER_ONLY_WORDS.includes(command.keyword)) {
      return {
        route: "owner_expired",
        tenantId: contact.owner_tenant_id,
        customerId: null,
        replies: [text(ownerSpeaker(contact).say("owner.sessionEnded"))],
      };
    }
  }
  return null;
}

/** Whether the contact's owner session is open and belongs to the number written to. */
export function isOwnerSessionOpen(contact: Contact, now: Date, dedicated: RoutingTenant | null): boolean {
  const expiresAt = contact.owner_session_expires_at;
  return (
    contact.owner_tenant_id !== null &&
    expiresAt !== null &&
    expiresAt > now &&
    (dedicated === null || dedicated.id === contact.owner_tenant_id)
  );
}

/**
 * `OWNER [code]`: the sender's phone must be an active owner with a PIN of the business named by
 * the code, the number written to, the active vendor, or their only business. Opens a session
 * and asks for the PIN; anyone else gets a clear no.
 */
export async function startOwnerConversation(
  _deps: EngineDeps,
  tx: Tx,
  contact: Contact,
  message: PersonMessage,
  vendorCode: string | null,
  tenants: { dedicated: RoutingTenant | null; active: RoutingTenant | null },
  log: Logger,
): Promise<Handled> {
  await enterPlatform(tx);
  const speaker = ownerSpeaker(contact);
  const tenant = tenants.dedicated ?? tenants.active;
  // On a tenant's own number only that tenant's owner chat opens.
  const owned = (await listOwnerMembershipsByPhone(tx, contact.phone_number)).filter(
    (o) => tenants.dedicated === null || o.tenantId === tenants.dedicated.id,
  );
  const byCode =
    vendorCode === null ? undefined : owned.find((o) => o.vendorCode.toUpperCase() === vendorCode.toUpperCase());
  const membership =
    byCode ?? owned.find((o) => o.tenantId === tenant?.id) ?? (owned.length === 1 ? owned[0] : undefined);
  if (membership === undefined) {
    if (owned.length > 1) {
      const list = owned
        .map((o) => speaker.say("owner.chooseBusiness.item", { vendor: o.businessName, code: o.vendorCode }))
        .join(", ");
      return {
        route: "owner_choose",
        tenantId: null,
        customerId: null,
        replies: [text(speaker.say("owner.chooseBusiness", { list }))],
      };
    }
    log.info({ candidates: owned.length }, "owner start refused: not an owner here");
    return {
      route: "owner_unknown",
      tenantId: tenant?.id ?? null,
      customerId: null,
      replies: [text(speaker.say("owner.notOwner"))],
    };
  }
  if (contact.pin_locked_until !== null && contact.pin_locked_until > message.now) {
    const settings = await getTenantSettings(tx, membership.tenantId);
    return {
      route: "owner_locked",
      tenantId: membership.tenantId,
      customerId: null,
      replies: [
        text(speaker.say("owner.pin.lockedUntil", { time: speaker.time(contact.pin_locked_until, settings.timezone) })),
      ],
    };
  }
  // One mode at a time: an open staff session ends when owner mode starts.
  if (contact.staff_tenant_id !== null) await endStaffSession(tx, contact.phone_number);
  const result = await driveFlow(
    (snapshot, event: OwnerEvent) => runOwnerFlow(snapshot, event, { speaker }),
    null,
    { type: "OWNER_START", vendorName: membership.businessName },
    async () => null,
  );
  await saveOwnerSession(tx, contact.phone_number, {
    tenantId: membership.tenantId,
    ownerUserId: membership.userId,
    expiresAt: new Date(message.now.getTime() + OWNER_SESSION_MS),
    state: { flow: result.snapshot, authenticated: false, review: null },
  });
  log.info({ tenantId: membership.tenantId }, "owner session started");
  return { route: "owner", tenantId: membership.tenantId, customerId: null, replies: result.replies };
}

/**
 * A message inside an open owner session. The owner is checked again first (still an active owner
 * with a PIN and this phone, docs/architecture.md, "Routing and identity"); then the owner flow
 * runs, its intents carried out with the same domain functions the vendor API uses. A paused
 * programme answers reads only. `CLAIMS` opens the claim review the staff chat has
 * (src/conversation/feedClaimReview.ts): while it is open it reads the owner's messages, and hands
 * the owner's own commands back.
 */
export async function runOwnerConversation(
  deps: EngineDeps,
  tx: Tx,
  contact: Contact,
  message: PersonMessage,
  command: KeywordCommand | null,
  log: Logger,
): Promise<Handled> {
  const tenantId = contact.owner_tenant_id;
  const ownerUserId = contact.owner_user_id;
  if (tenantId === null || ownerUserId === null) throw new Error("runOwnerConversation needs an open owner session");
  const speaker = ownerSpeaker(contact);
  const tenant = await findTenantById(tx, tenantId);
  await enterTenant(tx, tenantId);
  if (tenant === null || !(await isOwnerSessionValid(tx, { ownerUserId, phone: contact.phone_number }))) {
    await enterPlatform(tx);
    await endOwnerSession(tx, contact.phone_number);
    log.info({ tenantId }, "owner session ended: the owner changed");
    return {
      route: "owner_ended",
      tenantId,
      customerId: null,
      replies: [text(speaker.say("owner.sessionEnded"))],
    };
  }
  const serving = isTenantServing(tenant);
  const stored = ownerStateSchema.parse(contact.owner_state);
  let authenticated = stored.authenticated;
  let ended = false;
  const notifications: NonNullable<Handled["notifications"]> = [];
  const afterCommit: NonNullable<Handled["afterCommit"]> = [];
  // Sent after the flow's replies: the QR poster, the receipt claims waiting at sign-in.
  const trailing: Handled["replies"] = [];
  const now = message.now;
  const settings = await getTenantSettings(tx, tenantId);

  const execute = async (intent: OwnerIntent): Promise<OwnerEvent | null> => {
    if (intent.type === "reply") return null;
    if (intent.type === "endOwnerSession") {
      ended = true;
      return null;
    }
    if (intent.type === "checkPin") {
      const check = await checkStaffPin(tx, {
        contactPhone: contact.phone_number,
        staffUserId: ownerUserId,
        pin: intent.pin,
        now,
        lockAction: "owner.pin_locked",
      });
      if (check.ok) {
        authenticated = true;
        const [owner] = await listStaff(tx, { id: ownerUserId, after: null, limit: 1 });
        const waiting = await pendingClaimsNotice(tx, ownerUserId, speaker);
        if (waiting !== null) trailing.push(waiting);
        log.info({ tenantId }, "owner pin accepted");
        return { type: "PIN_OK", ownerName: owner?.fullName ?? "" };
      }
      if (check.reason === "no_pin") {
        ended = true;
        return null;
      }
      if (check.reason === "locked") {
        log.warn({ tenantId }, "owner chat locked after wrong pins");
        ended = true;
        return { type: "PIN_LOCKED", until: check.until.toISOString() };
      }
      return { type: "PIN_BAD", attemptsLeft: check.attemptsLeft };
    }
    if (!authenticated) return failed("owner.failed.notSignedIn");
    if (!serving && WRITES.has(intent.type)) return failed("owner.paused");
    return executeCommand(intent);
  };

  /** A refusal the owner caused, worded in their language. */
  const failed = (key: MessageKey, values?: MessageValues): OwnerEvent => ({
    type: "FAILED",
    reason: speaker.say(key, values),
  });

  const executeCommand = async (
    intent: Exclude<OwnerIntent, { type: "reply" | "endOwnerSession" | "checkPin" }>,
  ): Promise<OwnerEvent> => {
    switch (intent.type) {
      case "getToday": {
        const stats = await getTodayStats(tx, { now, timezone: settings.timezone });
        return { type: "TODAY_STATS", today: stats.today, week: stats.week };
      }
      case "listRewards": {
        const rewards = await listRewards(tx, { after: null, limit: 20 });
        return {
          type: "REWARDS_LISTED",
          rewards: rewards
            .slice(0, 20)
            .map((r) => ({ id: r.id, name: r.name, points: r.pointsRequired, active: r.isActive })),
        };
      }
      case "addReward": {
        const reward = await createReward(tx, {
          tenantId,
          userId: ownerUserId,
          fields: {
            name: intent.name,
            description: null,
            pointsRequired: intent.points,
            stockQuantity: null,
            maxRedemptionsPerCustomer: null,
            validFrom: null,
            validUntil: null,
            isActive: true,
          },
        });
        log.info({ tenantId, rewardId: reward.id }, "reward added in owner chat");
        return { type: "REWARD_ADDED", name: reward.name, points: reward.pointsRequired };
      }
      case "pauseReward": {
        const ids = intent.listedIds ?? (await listRewards(tx, { after: null, limit: 20 })).map((r) => r.id);
        const rewardId = ids[intent.number - 1];
        if (rewardId === undefined) return failed("owner.failed.noSuchReward", { number: intent.number });
        const reward = await updateReward(tx, {
          tenantId,
          rewardId,
          userId: ownerUserId,
          changes: { isActive: false },
        });
        if (reward === null) return failed("owner.failed.noSuchReward", { number: intent.number });
        return { type: "REWARD_PAUSED", name: reward.name };
      }
      case "setRate": {
        const set = await setEarningRate(tx, { tenantId, userId: ownerUserId, pointsPer100: intent.pointsPer100 });
        if (!set.ok) return failed("owner.failed.rateNotSaved");
        log.info({ tenantId, ruleId: set.ruleId }, "earning rate changed in owner chat");
        return { type: "RATE_SET", points: set.pointsPer100, previous: set.previousPer100 };
      }
      case "addStaff": {
        const invited = await inviteStaffMember(tx, {
          tenantId,
          phone: intent.phone,
          fullName: intent.name,
          createdByUserId: ownerUserId,
          now,
        });
        if (!invited.ok)
          return failed(invited.reason === "plan_limit" ? "owner.failed.staffLimit" : "owner.failed.staffTaken");
        // The new staff member's own language, else the business's default; the template in it where named.
        const inviteLanguage = chooseLanguage(await findContactLanguage(tx, intent.phone), tenant.default_language);
        notifications.push({
          contactPhone: intent.phone,
          customerId: null,
          message: staffInviteNotice({
            vendorName: tenant.business_name,
            speaker: createSpeaker(inviteLanguage),
            insideServiceWindow: await wroteRecently(tx, intent.phone, now),
            template: tenantTemplateFor(
              tenant.whatsapp_config,
              "staff_invite_template",
              inviteLanguage,
              STAFF_INVITE_TEMPLATE,
            ).template,
          }),
          triggeredBy: "staff_invite",
        });
        log.info({ tenantId, staffUserId: invited.staff.id }, "staff added in owner chat");
        return { type: "STAFF_ADDED", name: invited.staff.fullName, phoneMasked: maskPhone(intent.phone) };
      }
      case "listStaff": {
        const staff = await currentStaff(tx);
        return {
          type: "STAFF_LISTED",
          staff: staff.map((s) => ({
            id: s.id,
            name: s.fullName,
            phoneMasked: s.phoneNumber === null ? speaker.say("owner.staff.noPhone") : maskPhone(s.phoneNumber),
            role: s.role,
            pinSet: s.pinEnabled,
          })),
        };
      }
      case "removeStaff": {
        const ids = intent.listedIds ?? (await currentStaff(tx)).map((s) => s.id);
        const staffUserId = ids[intent.number - 1];
        if (staffUserId === undefined) return failed("owner.failed.noSuchStaff", { number: intent.number });
        const [member] = await listStaff(tx, { id: staffUserId, after: null, limit: 1 });
        if (member === undefined || member.role === "owner" || !member.isActive)
          return failed("owner.failed.noSuchStaff", { number: intent.number });
        const removed = await updateStaffMember(tx, {
          tenantId,
          staffUserId,
          userId: ownerUserId,
          changes: { isActive: false },
        });
        if (!removed.ok) return failed("owner.failed.noSuchStaff", { number: intent.number });
        // Their chat ends now, not when its 10 minutes run out. On the platform path: the ended
        // session's contact row is no longer this tenant's to see or write (contacts' RLS).
        await enterPlatform(tx);
        await endStaffSessionsOf(tx, staffUserId);
        await enterTenant(tx, tenantId);
        log.info({ tenantId, staffUserId }, "staff removed in owner chat");
        return { type: "STAFF_REMOVED", name: member.fullName };
      }
      case "previewBroadcast": {
        const allowance = await checkBroadcastAllowance(tx, { tenantId, now });
        if (!allowance.ok)
          return failed("owner.failed.broadcastLimit", { limit: allowance.limit, used: allowance.used });
        return {
          type: "BROADCAST_PREVIEW",
          audience: await audienceOfEveryone(tx),
          used: allowance.used,
          limit: allowance.limit,
        };
      }
      case "sendBroadcast": {
        const created = await createBroadcast(tx, {
          tenantId,
          name: `WhatsApp broadcast ${now.toISOString().slice(0, 16).replace("T", " ")}`,
          messageContent: intent.text,
          targetSegment: {},
          userId: ownerUserId,
        });
        if (!created.ok)
          return created.reason === "invalid_message"
            ? failed("owner.failed.broadcastInvalid", { count: BROADCAST_MESSAGE_MAX })
            : failed("owner.failed.broadcastNotSent");
        const due = await sendBroadcastNow(tx, { tenantId, broadcastId: created.broadcast.id, now });
        if (!due.ok) return failed("owner.failed.broadcastNotSent");
        const startBroadcast = deps.startBroadcast;
        const broadcastId = created.broadcast.id;
        // After commit, so the worker sees it due; were this lost, the minute scan starts it.
        if (startBroadcast !== undefined) afterCommit.push(() => startBroadcast({ tenantId, broadcastId }));
        log.info({ tenantId, broadcastId }, "broadcast sent from owner chat");
        return { type: "BROADCAST_SENT", audience: await audienceOfEveryone(tx) };
      }
      case "listRecentPurchases": {
        const purchases = (await listPurchases(tx, { voided: false, after: null, limit: 10 })).slice(0, 10);
        const names = await staffNames(
          tx,
          purchases.flatMap((p) => (p.loggedByUserId === null ? [] : [p.loggedByUserId])),
        );
        return {
          type: "RECENT_PURCHASES",
          purchases: purchases.map((p) => ({
            id: p.id,
            amountKobo: p.amountKobo,
            phoneMasked: maskPhone(p.customerPhone),
            points: p.pointsAwarded,
            at: formatDayTime(speaker, p.createdAt, settings.timezone),
            by: p.loggedByUserId === null ? null : (names.get(p.loggedByUserId) ?? null),
          })),
        };
      }
      case "voidPurchase": {
        const voided = await voidPurchase(tx, {
          tenantId,
          purchaseId: intent.purchaseId,
          reason: "Voided by the owner in chat",
          userId: ownerUserId,
          now,
        });
        if (!voided.ok)
          return failed(
            voided.reason === "already_voided" ? "owner.failed.alreadyVoided" : "owner.failed.purchaseGone",
          );
        const notice = await voidNoticeFor(tx, {
          purchase: voided.purchase,
          pointsReversed: voided.buyer.reversed,
          balance: voided.buyer.balance,
          now,
        });
        notifications.push({
          contactPhone: notice.contactPhone,
          customerId: notice.customerId,
          message: notice.message,
          triggeredBy: "purchase_voided",
        });
        log.info(
          { tenantId, purchaseId: voided.purchase.id, pointsReversed: voided.buyer.reversed },
          "purchase voided in owner chat",
        );
        return {
          type: "PURCHASE_VOIDED",
          amountKobo: voided.purchase.amountKobo,
          phoneMasked: maskPhone(voided.purchase.customerPhone),
          reversed: voided.buyer.reversed,
          shortfall: voided.buyer.shortfall,
          balance: voided.buyer.balance,
        };
      }
      case "showQr": {
        const link = buildJoinLink(deps.config, tenant);
        // The poster (the same PNG REGISTER sent; stored once) follows the flow's reply with the link.
        const mediaId = await storeQrPoster(tx, tenantId, {
          businessName: tenant.business_name,
          vendorCode: tenant.vendor_code,
          joinLink: link,
        });
        trailing.push({
          kind: "image",
          mediaId,
          caption: speaker.say("owner.posterCaption", { code: tenant.vendor_code }),
        });
        return { type: "QR_SHOWN", link };
      }
      case "showPlan":
        return {
          ...(await showPlan(tx, speaker, tenantId, now, settings.timezone)),
          ...(await payLinkFor(deps, tenantId, now)),
        };
      case "createLoginLink": {
        const link = await createLoginLink(tx, { tenantId, userId: ownerUserId, now });
        log.info({ tenantId }, "dashboard sign-in link sent in owner chat");
        return { type: "LOGIN_LINK", url: `${deps.config.publicUrl}/dashboard/login#${link.token}` };
      }
    }
  };

  const replies: Handled["replies"] = [];
  const outboxIds: string[] = [];
  // A paused programme closes an open review: approving a claim writes to the ledger.
  const fed = await feedClaimReview(deps, tx, {
    tenantId,
    reviewerUserId: ownerUserId,
    speaker,
    review: authenticated && serving ? stored.review : null,
    message,
    log,
  });
  replies.push(...fed.replies);
  outboxIds.push(...fed.outboxIds);
  let review = fed.review;
  let event: OwnerEvent = fed.hostEvent;
  if (review === null && event.type === "TEXT" && authenticated && isBareCommand(command, "CLAIMS")) {
    if (serving) {
      const started = await startClaimReview(deps, tx, { tenantId, reviewerUserId: ownerUserId, speaker, now, log });
      replies.push(...started.replies);
      outboxIds.push(...started.outboxIds);
      review = started.review;
    } else {
      replies.push(text(speaker.say("owner.paused")));
    }
    event = { type: "ACTIVE", now: now.toISOString() };
  }
  const result = await driveFlow(
    (snapshot, next: OwnerEvent) => runOwnerFlow(snapshot, next, { speaker }),
    stored.flow,
    event,
    execute,
  );
  replies.push(...result.replies);
  await enterPlatform(tx);
  if (ended) {
    await endOwnerSession(tx, contact.phone_number);
  } else {
    await saveOwnerSession(tx, contact.phone_number, {
      tenantId,
      ownerUserId,
      expiresAt: new Date(now.getTime() + OWNER_SESSION_MS),
      state: { flow: result.snapshot, authenticated, review },
    });
  }
  return {
    route: "owner",
    tenantId,
    customerId: null,
    replies: [...replies, ...trailing],
    notifications,
    afterCommit,
    outboxIds,
  };
}

/** Whether the message was `word` alone (the keyword parser's reading, any language's alias). */
function isBareCommand(command: KeywordCommand | null, word: string): boolean {
  return command?.keyword === word && command.args.length === 0;
}

/** Ends an owner session (EXIT, expiry, lockout, a changed owner). */
export async function endOwnerSession(tx: Tx, phone: string): Promise<void> {
  await saveOwnerSession(tx, phone, null);
}

/** Intents that change something: refused while the programme is paused. */
const WRITES = new Set<OwnerIntent["type"]>([
  "addReward",
  "pauseReward",
  "setRate",
  "addStaff",
  "removeStaff",
  "previewBroadcast",
  "sendBroadcast",
  "listRecentPurchases",
  "voidPurchase",
]);

/** Active staff and admins (not owners), oldest first: the numbering of STAFF LIST and REMOVE STAFF. */
async function currentStaff(tx: Tx) {
  const all = await listStaff(tx, { after: null, limit: 50 });
  return all.filter((s) => s.role !== "owner" && s.isActive).reverse();
}

const countRow = z.object({ count: z.number() });

/** Opted-in, unblocked customers: a broadcast's audience with no segment. */
async function audienceOfEveryone(tx: Tx): Promise<number> {
  const everyone = broadcastSegmentSchema.parse({});
  return tx.oneFirst(sql.type(countRow)`
    SELECT count(*) AS count FROM customers c
    LEFT JOIN customer_points_balance b ON b.tenant_id = c.tenant_id AND b.customer_id = c.id
    WHERE ${segmentCondition(everyone)}
  `);
}

const nameRow = z.object({ id: z.string(), full_name: z.string() });

async function staffNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.any(sql.type(nameRow)`
    SELECT id, full_name FROM vendor_users WHERE id = ANY(${sql.array([...new Set(ids)], "uuid")}::uuid[])
  `);
  return new Map(rows.map((row) => [row.id, row.full_name]));
}

const lastInboundRow = z.object({ last_inbound_at: z.date().nullable() });

/** Whether this phone wrote to the bot in the last 24 hours (its contact row is platform-level). */
async function wroteRecently(tx: Tx, phone: string, now: Date): Promise<boolean> {
  const row = await tx.maybeOne(
    sql.type(lastInboundRow)`SELECT last_inbound_at FROM contacts WHERE phone_number = ${phone}`,
  );
  const last = row?.last_inbound_at ?? null;
  return last !== null && now.getTime() - last.getTime() < SERVICE_WINDOW_MS;
}

const planRow = z.object({ name: z.string().nullable(), customers: z.number(), staff: z.number() });

/**
 * The checkout link of the business's oldest unpaid invoice, when there is one and payments are
 * set up (billing supplies `deps.paymentLink`); a plan with nothing to pay shows no link.
 */
async function payLinkFor(deps: EngineDeps, tenantId: string, now: Date): Promise<{ payLink?: string }> {
  if (deps.paymentLink === undefined) return {};
  const link = await deps.paymentLink({ tenantId, now });
  return link === null ? {} : { payLink: link };
}

async function showPlan(tx: Tx, speaker: Speaker, tenantId: string, now: Date, timezone: string): Promise<OwnerEvent> {
  const tenant = await findTenant(tx, tenantId);
  if (tenant === null) return { type: "FAILED", reason: speaker.say("owner.failed.purchaseGone") };
  const limits = await getPlanLimits(tx, tenantId);
  const usage = await countMonthlyUsage(tx, { tenantId, now, timezone });
  const allowance = await checkBroadcastAllowance(tx, { tenantId, now });
  const counts = await tx.one(sql.type(planRow)`
    SELECT (SELECT p.name FROM tenants t JOIN subscription_plans p ON p.id = t.subscription_plan_id WHERE t.id = ${tenantId}) AS name,
           (SELECT count(*) FROM customers WHERE deleted_at IS NULL) AS customers,
           (SELECT count(*) FROM vendor_users WHERE deleted_at IS NULL AND role <> 'owner') AS staff
  `);
  const endsAt = tenant.subscriptionStatus === "trial" ? tenant.trialEndsAt : tenant.subscriptionEndsAt;
  return {
    type: "PLAN_SHOWN",
    plan: counts.name ?? tenant.planSlug ?? "none",
    status: tenant.subscriptionStatus,
    endsAt: endsAt === null ? null : speaker.date(endsAt.toISOString(), timezone),
    lines: [
      { kind: "customers", used: counts.customers, limit: limits.maxCustomers },
      { kind: "staff", used: counts.staff, limit: limits.maxStaff },
      { kind: "broadcasts", used: allowance.used, limit: limits.broadcastsPerMonth },
      { kind: "purchases", used: usage.purchases_logged, limit: null },
    ],
    payLink: null,
  };
}

function text(body: string) {
  return { kind: "text" as const, body };
}

/** The owner and the person signing up are spoken to in their own language (LANGUAGE), else English. */
function ownerSpeaker(contact: Contact): Speaker {
  return speakerFor(contact, null);
}

/** A purchase's day and time for the void list, in the owner's language where Intl knows it. */
function formatDayTime(speaker: Speaker, at: Date, timezone: string): string {
  const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
  const locale = intlLocaleFor(speaker.language);
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: timezone }).format(at);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(at);
  }
}
