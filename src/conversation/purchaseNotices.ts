import { z } from "zod";
import { createSpeaker } from "../../flows/i18n/createSpeaker.ts";
import { findContactLanguage } from "../db/contactLanguage.ts";
import { findLastInboundAt } from "../db/customerConversation.ts";
import { wasCustomerInvited } from "../db/pendingCustomerInvite.ts";
import { sql, type Tx } from "../db/sql.ts";
import { getBalance } from "../domain/ledger/getBalance.ts";
import { tierUpNoticeFor } from "../domain/lifecycle/tierUpNotice.ts";
import type { LogPurchaseResult } from "../domain/purchases/logPurchase.ts";
import { tenantTemplateFor, type TemplateRef } from "../domain/tenants/templateSetting.ts";
import type { OutMessage } from "../whatsapp/outMessage.ts";
import { chooseLanguage } from "./chooseLanguage.ts";
import { POINTS_EARNED_TEMPLATE, pointsEarnedNotice } from "./pointsEarnedNotice.ts";

/**
 * The platform's default approved template for "your friend's first purchase earned you points";
 * a tenant may name its own as `referral_earned_template`. Body: vendor, points, balance.
 */
export const REFERRAL_EARNED_TEMPLATE: TemplateRef = { name: "loyalty_referral_earned", language: "en" };

/**
 * The platform's default approved template inviting a customer whom staff recorded before they
 * ever wrote to the bot (they are not opted in); a tenant may name its own as
 * `customer_invite_template`. Body: vendor, points so far, vendor code. Their reply joins them.
 * (Named apart from `loyalty_staff_invite`, which already tells a new staff member they were added.)
 */
export const CUSTOMER_INVITE_TEMPLATE: TemplateRef = { name: "loyalty_customer_invite", language: "en" };

export type PurchaseNotice = { contactPhone: string; customerId: string; message: OutMessage; triggeredBy: string };

type Logged = Extract<LogPurchaseResult, { ok: true }>;
type NoticeTenant = {
  business_name: string;
  vendor_code: string;
  whatsapp_config: Record<string, unknown> | null;
  default_language?: string | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const referrerRow = z.object({ id: z.string(), phone_number: z.string() });

/**
 * Who a newly logged purchase tells, and what, whatever logged it (staff chat, the API, a POS):
 * the buyer, their points and balance; and the buyer's referrer when this purchase earned them
 * referral points; the buyer again when the purchase lifted them to a VIP tier. Each in their own language, as free text inside WhatsApp's 24-hour window and
 * as the tenant's (or the platform's) approved template outside it. A replayed purchase tells no one.
 */
export async function purchaseNotices(
  tx: Tx,
  input: { tenantId: string; tenant: NoticeTenant; logged: Logged; now: Date },
): Promise<PurchaseNotice[]> {
  const { tenant, logged, now } = input;
  if (!logged.created) return [];
  const notices: PurchaseNotice[] = [];
  const buyerLanguage = chooseLanguage(
    await findContactLanguage(tx, logged.customer.phoneNumber),
    tenant.default_language,
  );
  const buyerPhone = logged.customer.phoneNumber;
  const neverJoined = !logged.customer.optedIn && (await findLastInboundAt(tx, buyerPhone)) === null;
  if (neverJoined && !(await wasCustomerInvited(tx, buyerPhone))) {
    // Not opted in and never wrote to us: one invite (a template: there is no open window),
    // instead of a points notice; no broadcasts reach them until they reply and so join.
    const { template } = tenantTemplateFor(
      tenant.whatsapp_config,
      "customer_invite_template",
      buyerLanguage,
      CUSTOMER_INVITE_TEMPLATE,
    );
    notices.push({
      contactPhone: buyerPhone,
      customerId: logged.customer.id,
      message: {
        kind: "template",
        name: template.name,
        language: template.language,
        bodyParams: [tenant.business_name, String(logged.balance), tenant.vendor_code],
      },
      triggeredBy: "customer_invite",
    });
  }
  const chosen = tenantTemplateFor(
    tenant.whatsapp_config,
    "points_earned_template",
    buyerLanguage,
    POINTS_EARNED_TEMPLATE,
  );
  if (notices.length === 0)
    notices.push({
      contactPhone: logged.customer.phoneNumber,
      customerId: logged.customer.id,
      message: pointsEarnedNotice({
        vendorName: tenant.business_name,
        vendorCode: tenant.vendor_code,
        points: logged.purchase.pointsAwarded,
        balance: logged.balance,
        insideServiceWindow: await isInsideServiceWindow(tx, logged.customer.phoneNumber, now),
        template: chosen.template,
        speaker: createSpeaker(buyerLanguage),
      }),
      triggeredBy: "purchase_confirmation",
    });
  if (logged.tierUp !== null) {
    // Moving up a VIP tier is reported once by logPurchase (it records the tier on the customer).
    const notice = await tierUpNoticeFor(tx, {
      tenantId: input.tenantId,
      customerId: logged.customer.id,
      customerPhone: buyerPhone,
      tier: logged.tierUp,
      now,
    });
    notices.push({
      contactPhone: notice.contactPhone,
      customerId: notice.customerId,
      message: notice.message,
      triggeredBy: "tier_up",
    });
  }
  const referrerId = logged.customer.referredByCustomerId;
  if (logged.referrerPoints > 0 && referrerId !== null) {
    const referrer = await tx.maybeOne(sql.type(referrerRow)`
      SELECT id, phone_number FROM customers WHERE id = ${referrerId} AND deleted_at IS NULL
    `);
    if (referrer !== null) {
      const language = chooseLanguage(await findContactLanguage(tx, referrer.phone_number), tenant.default_language);
      const balance = (await getBalance(tx, referrer.id)).balance;
      const speaker = createSpeaker(language);
      const { template } = tenantTemplateFor(
        tenant.whatsapp_config,
        "referral_earned_template",
        language,
        REFERRAL_EARNED_TEMPLATE,
      );
      notices.push({
        contactPhone: referrer.phone_number,
        customerId: referrer.id,
        message: (await isInsideServiceWindow(tx, referrer.phone_number, now))
          ? {
              kind: "text",
              body: speaker.say("claims.notice.referrerEarned", {
                vendor: tenant.business_name,
                points: logged.referrerPoints,
                balance: speaker.number(balance),
              }),
            }
          : {
              kind: "template",
              name: template.name,
              language: template.language,
              bodyParams: [tenant.business_name, String(logged.referrerPoints), String(balance)],
            },
        triggeredBy: "referral_earned",
      });
    }
  }
  return notices;
}

async function isInsideServiceWindow(tx: Tx, phone: string, now: Date): Promise<boolean> {
  const last = await findLastInboundAt(tx, phone);
  return last !== null && now.getTime() - last.getTime() < DAY_MS;
}
