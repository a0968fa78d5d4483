import { z } from "zod";
import { runStaffFlow, type FulfilFailureReason, type StaffEvent, type StaffIntent } from "../../flows/staff.ts";
import { saveStaffSession, type Contact } from "../db/contacts.ts";
import { sql, type Tx } from "../db/sql.ts";
import { listStaffMembershipsByPhone } from "../db/staffMemberships.ts";
import { findTenantById, isTenantServing, type RoutingTenant } from "../db/tenants.ts";
import { enterPlatform, enterTenant } from "../db/withTenant.ts";
import { hashSecret, verifySecret } from "../domain/auth/passwords.ts";
import { findUndoablePurchase } from "../domain/purchases/findUndoablePurchase.ts";
import { logPurchase } from "../domain/purchases/logPurchase.ts";
import { voidPurchase } from "../domain/purchases/voidPurchase.ts";
import { previewPurchase } from "../domain/purchases/previewPurchase.ts";
import { findRedemptionByCode } from "../domain/rewards/findRedemptionByCode.ts";
import { fulfilRedemption } from "../domain/rewards/fulfilRedemption.ts";
import { checkStaffPin } from "../domain/staff/checkStaffPin.ts";
import { setStaffPin } from "../domain/staff/setStaffPin.ts";
import { findStaffByPhone } from "../domain/staff/findStaffByPhone.ts";
import { getTenantSettings } from "../domain/tenants/getTenantSettings.ts";
import { maskPhone, type Logger } from "../logger.ts";
import { driveFlow } from "./driveFlow.ts";
import type { EngineDeps, Handled, PersonMessage } from "./engineTypes.ts";
import { platformReplies } from "./platformReplies.ts";
import { voidNoticeFor } from "./voidNoticeFor.ts";
import { speakerFor } from "./chooseLanguage.ts";
import { feedClaimReview, pendingClaimsNotice, startClaimReview } from "./feedClaimReview.ts";
import { purchaseNotices } from "./purchaseNotices.ts";

/** A staff session lasts this long after the staff member's last message (docs/chat.md, Staff). */
export const STAFF_SESSION_MS = 10 * 60 * 1000;

/**
 * What the contact row keeps for a staff chat: the flow snapshot, whether the PIN was proven,
 * and, while a new staff member chooses their PIN, a slow hash of their first entry (never the
 * PIN itself) to compare the second with.
 */
const staffStateSchema = z
  .object({
    flow: z.unknown(),
    authenticated: z.boolean().default(false),
    heldPinHash: z.string().nullable().default(null),
    /** An open claim review's snapshot (flows/claimReview.ts); it takes the staff member's messages. */
    review: z.unknown().default(null),
  })
  .catch({ flow: null, authenticated: false, heldPinHash: null, review: null });

/**
 * `STAFF`: the sender's phone must belong to a staff member with a PIN at the vendor (the
 * active or dedicated one, or the only vendor where they are staff). Opens a session and
 * asks for the PIN.
 */
export async function startStaffConversation(
  _deps: EngineDeps,
  tx: Tx,
  contact: Contact,
  message: PersonMessage,
  tenant: RoutingTenant | null,
  log: Logger,
): Promise<Handled> {
  await enterPlatform(tx);
  const staffAt = await listStaffMembershipsByPhone(tx, contact.phone_number, message.now);
  const membership = staffAt.find((s) => s.tenantId === tenant?.id) ?? (staffAt.length === 1 ? staffAt[0] : undefined);
  if (membership === undefined) {
    log.info({ candidates: staffAt.length }, "staff start refused: not staff here");
    return {
      route: "staff_unknown",
      tenantId: tenant?.id ?? null,
      customerId: null,
      replies: [platformReplies.staffUnknown(speakerFor(contact, tenant))],
    };
  }
  const staffTenant = await findTenantById(tx, membership.tenantId);
  const speaker = speakerFor(contact, staffTenant);
  if (staffTenant === null || !isTenantServing(staffTenant)) {
    return {
      route: "paused",
      tenantId: membership.tenantId,
      customerId: null,
      replies: [platformReplies.paused(staffTenant?.business_name ?? null, speaker)],
    };
  }
  if (contact.pin_locked_until !== null && contact.pin_locked_until > message.now) {
    const settings = await getTenantSettings(tx, staffTenant.id);
    return {
      route: "staff_locked",
      tenantId: staffTenant.id,
      customerId: null,
      replies: [platformReplies.pinLocked(speaker.time(contact.pin_locked_until, settings.timezone), speaker)],
    };
  }
  await enterTenant(tx, staffTenant.id);
  const result = await driveFlow(
    (snapshot, event: StaffEvent) => runStaffFlow(snapshot, event, { speaker }),
    null,
    { type: "STAFF_START", vendorName: staffTenant.business_name, needsPin: membership.needsPin },
    async () => null,
  );
  await enterPlatform(tx);
  await saveStaffSession(tx, contact.phone_number, {
    tenantId: staffTenant.id,
    staffUserId: membership.userId,
    expiresAt: new Date(message.now.getTime() + STAFF_SESSION_MS),
    state: { flow: result.snapshot, authenticated: false, heldPinHash: null, review: null },
  });
  log.info({ tenantId: staffTenant.id }, "staff session started");
  return { route: "staff", tenantId: staffTenant.id, customerId: null, replies: result.replies };
}

/** A message inside an open staff session: the staff flow, with purchases and verifications. */
export async function runStaffConversation(
  deps: EngineDeps,
  tx: Tx,
  contact: Contact,
  message: PersonMessage,
  log: Logger,
): Promise<Handled> {
  const tenantId = contact.staff_tenant_id;
  const staffUserId = contact.staff_user_id;
  if (tenantId === null || staffUserId === null) throw new Error("runStaffConversation needs an open staff session");
  const tenant = await findTenantById(tx, tenantId);
  // Staff follow their own choice of language, else their vendor's default.
  const speaker = speakerFor(contact, tenant);
  if (tenant === null || !isTenantServing(tenant)) {
    await endStaffSession(tx, contact.phone_number);
    return {
      route: "paused",
      tenantId,
      customerId: null,
      replies: [platformReplies.paused(tenant?.business_name ?? null, speaker)],
    };
  }
  await enterTenant(tx, tenantId);
  // Sessions are checked again on every message (docs/architecture.md, "Routing and identity"): a
  // disabled user, a removed PIN or a changed phone ends the chat at once, not when its 10 minutes
  // run out.
  const stored = staffStateSchema.parse(contact.staff_state);
  if (!(await isStaffSessionValid(tx, { staffUserId, phone: contact.phone_number, now: message.now }))) {
    await enterPlatform(tx);
    await endStaffSession(tx, contact.phone_number);
    log.info({ tenantId, staffUserId }, "staff session ended: the staff member may no longer hold it");
    // Someone already signed in is told the session ended; someone still at the PIN prompt, that
    // the number is not a staff member's any more.
    const reply = stored.authenticated ? platformReplies.staffSessionEnded() : platformReplies.staffUnknown();
    return { route: "staff_ended", tenantId, customerId: null, replies: [reply] };
  }
  let authenticated = stored.authenticated;
  let heldPinHash = stored.heldPinHash;
  let ended = false;
  let startReview = false;
  const notifications: NonNullable<Handled["notifications"]> = [];
  const extraReplies: Handled["replies"] = [];
  const now = message.now;

  const execute = async (intent: StaffIntent): Promise<StaffEvent | null> => {
    switch (intent.type) {
      case "reply":
        return null;
      case "checkPin": {
        const check = await checkStaffPin(tx, {
          contactPhone: contact.phone_number,
          staffUserId,
          pin: intent.pin,
          now,
        });
        if (check.ok) {
          authenticated = true;
          const staff = await findStaffByPhone(tx, contact.phone_number);
          const waiting = await pendingClaimsNotice(tx, staffUserId, speaker);
          if (waiting !== null) extraReplies.push(waiting);
          log.info({ tenantId, staffUserId }, "staff pin accepted");
          return { type: "PIN_OK", staffName: staff?.fullName ?? "" };
        }
        if (check.reason === "no_pin") {
          // The owner removed this staff member's PIN during the session.
          ended = true;
          extraReplies.push(platformReplies.staffUnknown(speaker));
          return null;
        }
        if (check.reason === "locked") {
          log.warn({ tenantId, staffUserId }, "staff chat locked after wrong pins");
          ended = true;
          return { type: "PIN_LOCKED", until: check.until.toISOString() };
        }
        return { type: "PIN_BAD", attemptsLeft: check.attemptsLeft };
      }
      case "previewPurchase": {
        if (!authenticated) return { type: "PURCHASE_FAILED", reason: "pin_required" };
        const preview = await previewPurchase(tx, {
          tenantId,
          customerPhone: intent.customerPhone,
          amountKobo: intent.amountKobo,
          now,
        });
        if (!preview.ok) return { type: "PURCHASE_FAILED", reason: "invalid_amount" };
        return {
          type: "PURCHASE_PREVIEW",
          customerPhoneMasked: maskPhone(intent.customerPhone),
          amountKobo: intent.amountKobo,
          points: preview.points,
          isNewCustomer: !preview.customerExists,
        };
      }
      case "logPurchase": {
        if (!authenticated) return { type: "PURCHASE_FAILED", reason: "pin_required" };
        const logged = await logPurchase(tx, {
          tenantId,
          customerPhone: intent.customerPhone,
          amountKobo: intent.amountKobo,
          source: "whatsapp",
          loggedVia: "staff_pin",
          loggedByUserId: staffUserId,
          // The staff member's message id: the same message delivered twice logs one purchase.
          idempotencyKey: `wa:${message.row.whatsapp_message_id}`,
          now,
        });
        if (!logged.ok) return { type: "PURCHASE_FAILED", reason: logged.reason };
        const points = logged.purchase.pointsAwarded;
        log.info({ tenantId, purchaseId: logged.purchase.id, points, created: logged.created }, "purchase logged");
        deps.metrics.ledgerRows.inc({ type: "earned" }, logged.awards.length);
        // The customer (and a referrer the purchase earned points) told in their own language.
        notifications.push(...(await purchaseNotices(tx, { tenantId, tenant, logged, now })));
        return {
          type: "PURCHASE_LOGGED",
          points,
          balance: logged.balance,
          customerPhoneMasked: maskPhone(intent.customerPhone),
        };
      }
      case "lookupRedemption": {
        if (!authenticated) return { type: "REDEMPTION_NOT_FOUND" };
        const found = await findRedemptionByCode(tx, intent.code);
        if (found === null) return { type: "REDEMPTION_NOT_FOUND" };
        return {
          type: "REDEMPTION_FOUND",
          code: found.code,
          rewardName: found.rewardName,
          status: found.status,
          customerName: maskPhone(found.customerPhone),
        };
      }
      case "fulfilRedemption": {
        if (!authenticated) return { type: "REDEMPTION_FAILED", reason: "pin_required" };
        const done = await fulfilRedemption(tx, { code: intent.code, userId: staffUserId, now });
        if (!done.ok) return { type: "REDEMPTION_FAILED", reason: fulfilFailureOf(done.reason) };
        log.info({ tenantId, redemptionCode: "[code]" }, "redemption fulfilled");
        return { type: "REDEMPTION_FULFILLED", code: intent.code };
      }
      case "holdNewPin": {
        heldPinHash = await hashSecret(intent.pin);
        return { type: "NEW_PIN_HELD" };
      }
      case "setNewPin": {
        const held = heldPinHash;
        heldPinHash = null;
        const staff = await findStaffByPhone(tx, contact.phone_number);
        // Only someone still waiting to choose a PIN may set one here; a PIN a manager set or
        // removed meanwhile ends the chat.
        if (staff === null || staff.id !== staffUserId || !(await mayChoosePin(tx, staffUserId, now))) {
          ended = true;
          extraReplies.push(platformReplies.staffUnknown(speaker));
          return null;
        }
        if (held === null || !(await verifySecret(intent.pin, held))) return { type: "PIN_MISMATCH" };
        const set = await setStaffPin(tx, { tenantId, staffUserId, pin: intent.pin, userId: staffUserId });
        if (!set.ok) return { type: "PIN_MISMATCH" };
        authenticated = true;
        log.info({ tenantId, staffUserId }, "staff pin chosen");
        return { type: "PIN_SET", staffName: staff.fullName };
      }
      case "findUndoablePurchase": {
        if (!authenticated) return { type: "UNDO_NONE" };
        const found = await findUndoablePurchase(tx, { staffUserId, now });
        if (found === null) return { type: "UNDO_NONE" };
        return {
          type: "UNDO_FOUND",
          purchaseId: found.id,
          amountKobo: found.amountKobo,
          customerPhoneMasked: maskPhone(found.customerPhone),
          points: found.pointsAwarded,
        };
      }
      case "undoPurchase": {
        if (!authenticated) return { type: "UNDO_FAILED", reason: "signed_out" };
        // Checked again at YES: still theirs, still standing, still within 15 minutes.
        const found = await findUndoablePurchase(tx, { staffUserId, now });
        if (found === null || found.id !== intent.purchaseId) {
          return { type: "UNDO_FAILED", reason: "too_late" };
        }
        const voided = await voidPurchase(tx, {
          tenantId,
          purchaseId: found.id,
          reason: "Undone by staff in chat",
          userId: staffUserId,
          now,
        });
        if (!voided.ok) return { type: "UNDO_FAILED", reason: "already_voided" };
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
        log.info({ tenantId, purchaseId: found.id, pointsReversed: voided.buyer.reversed }, "purchase undone by staff");
        return {
          type: "UNDO_DONE",
          amountKobo: found.amountKobo,
          customerPhoneMasked: maskPhone(found.customerPhone),
          pointsReversed: voided.buyer.reversed,
          pointsShortfall: voided.buyer.shortfall,
        };
      }
      case "reviewClaims":
        startReview = authenticated;
        return null;
      case "endStaffSession":
        ended = true;
        return null;
    }
  };

  const replies: Handled["replies"] = [];
  const outboxIds: string[] = [];
  // An open claim review reads the message first; the staff flow hears it only if handed back.
  const fed = await feedClaimReview(deps, tx, {
    tenantId,
    reviewerUserId: staffUserId,
    speaker,
    review: authenticated ? stored.review : null,
    message,
    log,
  });
  replies.push(...fed.replies);
  outboxIds.push(...fed.outboxIds);
  let review = fed.review;
  const result = await driveFlow(
    (snapshot, next: StaffEvent) => runStaffFlow(snapshot, next, { speaker }),
    stored.flow,
    fed.hostEvent,
    execute,
  );
  replies.push(...result.replies);
  if (startReview && !ended) {
    const started = await startClaimReview(deps, tx, { tenantId, reviewerUserId: staffUserId, speaker, now, log });
    replies.push(...started.replies);
    outboxIds.push(...started.outboxIds);
    review = started.review;
  }
  await enterPlatform(tx);
  if (ended) {
    await endStaffSession(tx, contact.phone_number);
  } else {
    await saveStaffSession(tx, contact.phone_number, {
      tenantId,
      staffUserId,
      expiresAt: new Date(now.getTime() + STAFF_SESSION_MS),
      state: { flow: result.snapshot, authenticated, heldPinHash, review },
    });
  }
  return {
    route: "staff",
    tenantId,
    customerId: null,
    replies: [...replies, ...extraReplies],
    notifications,
    outboxIds,
  };
}

/** Ends a staff session (EXIT, expiry, lockout). */
export async function endStaffSession(tx: Tx, phone: string): Promise<void> {
  await saveStaffSession(tx, phone, null);
}

const pendingPinRow = z.object({ pending: z.boolean() });
const validRow = z.object({ ok: z.boolean() });

/** Whether a staff session may go on: the user is active, has this phone, and has a PIN (or may still choose one). */
async function isStaffSessionValid(tx: Tx, input: { staffUserId: string; phone: string; now: Date }): Promise<boolean> {
  const row = await tx.maybeOne(sql.type(validRow)`
    SELECT COALESCE(is_active = true AND deleted_at IS NULL AND phone_number = ${input.phone}
            AND ((pin_enabled = true AND staff_pin_hash IS NOT NULL)
                 OR (staff_pin_hash IS NULL AND pin_setup_until > ${sql.timestamp(input.now)})), false) AS ok
    FROM vendor_users WHERE id = ${input.staffUserId}
  `);
  return row?.ok ?? false;
}

/** Whether this vendor user was added without a PIN and may still choose one (tenant path). */
async function mayChoosePin(tx: Tx, staffUserId: string, now: Date): Promise<boolean> {
  const row = await tx.maybeOne(sql.type(pendingPinRow)`
    SELECT COALESCE(staff_pin_hash IS NULL AND pin_setup_until > ${sql.timestamp(now)}, false) AS pending
    FROM vendor_users WHERE id = ${staffUserId} AND deleted_at IS NULL AND is_active = true
  `);
  return row?.pending ?? false;
}

function fulfilFailureOf(reason: string): FulfilFailureReason {
  return reason === "not_found" || reason === "already_fulfilled" || reason === "cancelled" ? reason : "other";
}
