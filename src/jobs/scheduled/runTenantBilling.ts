import type { DatabasePool } from "slonik";
import { withPlatform, withTenant } from "../../db/withTenant.ts";
import { createInvoicePaymentLink } from "../../domain/billing/createInvoicePaymentLink.ts";
import { billingNoticeText } from "../../domain/billing/billingNoticeText.ts";
import { findDueBillingNotices } from "../../domain/billing/findDueBillingNotices.ts";
import { findOwnerLanguage, queueOwnerNotice } from "../../domain/billing/queueOwnerNotice.ts";
import { renewSubscription } from "../../domain/billing/renewSubscription.ts";
import { expireSubscriptions } from "../../domain/subscriptions/expireSubscriptions.ts";
import type { Logger } from "../../logger.ts";
import type { PaystackClient } from "../../paystack/paystackClient.ts";
import { enqueueOutbound } from "../../queues/messageQueues.ts";
import type { JobQueue } from "../../queues/queueFactory.ts";

export type TenantBillingDeps = {
  pool: DatabasePool;
  log: Logger;
  outbound: JobQueue;
  paystack: PaystackClient | null;
  defaultPhoneNumberId: string;
  graceDays: number;
};

export type TenantBillingResult = {
  renewal: string;
  suspended: boolean;
  /** Keys of the notices queued to the owner this run. */
  notices: string[];
};

/**
 * One tenant's daily billing round, each step idempotent: renew the subscription if its period
 * has ended (invoice, card charge), suspend it if unpaid past the grace period, then tell the
 * owner what is due (trial reminders, payment reminders, customer-limit warnings), each with a
 * fresh pay link where one applies. `now` is injected so tests move the clock, never sleep.
 */
export async function runTenantBilling(
  deps: TenantBillingDeps,
  input: { tenantId: string; now: Date },
): Promise<TenantBillingResult> {
  const { tenantId, now } = input;
  const renewal = await renewSubscription({ pool: deps.pool, paystack: deps.paystack }, { tenantId, now });
  if (renewal.outcome === "charge_failed")
    deps.log.warn({ tenantId, invoiceId: renewal.invoice.id }, "renewal charge failed: dunning starts");
  const expired = await withPlatform(deps.pool, (tx) =>
    expireSubscriptions(tx, { now, graceDays: deps.graceDays, tenantId }),
  );
  const suspended = expired.trialsEnded.length + expired.subscriptionsLapsed.length > 0;
  if (suspended) deps.log.info({ tenantId }, "tenant suspended for non-payment");

  const due = await withTenant(deps.pool, tenantId, (tx) =>
    findDueBillingNotices(tx, { tenantId, now, graceDays: deps.graceDays }),
  );
  const outboxIds: string[] = [];
  const notices: string[] = [];
  // In the owner's language (their contact row is read on the platform path).
  const language = due.length === 0 ? "en" : await withPlatform(deps.pool, (tx) => findOwnerLanguage(tx, tenantId));
  for (const notice of due) {
    let link: string | null = null;
    if (notice.pay !== null) {
      const paymentLink = await createInvoicePaymentLink(
        { pool: deps.pool, paystack: deps.paystack },
        { tenantId, ...notice.pay, now },
      );
      if (paymentLink.ok) link = paymentLink.authorizationUrl;
      else deps.log.warn({ tenantId, reason: paymentLink.reason }, "billing notice sent without a pay link");
    }
    const queued = await withTenant(deps.pool, tenantId, (tx) =>
      queueOwnerNotice(tx, {
        tenantId,
        noticeKey: notice.key,
        language,
        text: (speaker) => billingNoticeText(speaker, notice, link),
        defaultPhoneNumberId: deps.defaultPhoneNumberId,
        now,
      }),
    );
    if (queued.queued) {
      outboxIds.push(queued.outboxId);
      notices.push(notice.key);
    } else if (queued.reason === "no_owner_phone") {
      deps.log.warn({ tenantId, kind: notice.kind }, "billing notice not sent: the owner has no phone number");
    }
  }
  await enqueueOutbound(deps.outbound, outboxIds);
  return { renewal: renewal.outcome, suspended, notices };
}
