import type { DatabasePool } from "slonik";
import { withPlatform, withTenant } from "../../db/withTenant.ts";
import { createInvoicePaymentLink } from "../../domain/billing/createInvoicePaymentLink.ts";
import { findDueBillingNotices } from "../../domain/billing/findDueBillingNotices.ts";
import { queueOwnerNotice } from "../../domain/billing/queueOwnerNotice.ts";
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
  for (const notice of due) {
    let text = `${notice.text}.`;
    if (notice.pay !== null) {
      const link = await createInvoicePaymentLink(
        { pool: deps.pool, paystack: deps.paystack },
        { tenantId, ...notice.pay, now },
      );
      if (link.ok) text = `${notice.text}: ${link.authorizationUrl}`;
      else deps.log.warn({ tenantId, reason: link.reason }, "billing notice sent without a pay link");
    }
    const queued = await withTenant(deps.pool, tenantId, (tx) =>
      queueOwnerNotice(tx, {
        tenantId,
        noticeKey: notice.key,
        text,
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
