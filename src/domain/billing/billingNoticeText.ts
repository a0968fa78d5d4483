import type { MessageKey } from "../../../flows/i18n/catalog.ts";
import type { MessageValues, Speaker } from "../../../flows/i18n/createSpeaker.ts";
import type { BillingNoticeMessage, DueBillingNotice } from "./findDueBillingNotices.ts";

/** The variant of each message that ends with the pay link. */
const WITH_LINK: Record<BillingNoticeMessage["key"], MessageKey | null> = {
  "billing.trial.reminder": "billing.trial.reminderWithLink",
  "billing.trial.reminderNoPlans": null,
  "billing.payment.reminder": "billing.payment.reminderWithLink",
  "billing.payment.paused": "billing.payment.pausedWithLink",
  "billing.customers.nearLimit": null,
  "billing.customers.full": null,
};

/**
 * A billing notice in the speaker's language: its catalog sentence with amounts, dates (in the
 * tenant's time zone) and the plan list formatted for the language, ending with `link` where the
 * notice has a pay link and one could be made.
 */
export function billingNoticeText(
  speaker: Speaker,
  notice: Pick<DueBillingNotice, "message" | "timezone">,
  link: string | null,
): string {
  const { message, timezone } = notice;
  const linked = link === null ? null : WITH_LINK[message.key];
  const key = linked ?? message.key;
  const linkValue: MessageValues = linked !== null && link !== null ? { link } : {};
  switch (message.key) {
    case "billing.trial.reminder": {
      const plans = message.params.plans.map((plan) =>
        speaker.say("billing.planItem", {
          plan: plan.name,
          amount: speaker.naira(plan.priceKobo),
          period: plan.period,
        }),
      );
      return speaker.say(key, {
        days: message.params.days,
        date: speaker.date(message.params.endsAt.toISOString(), timezone),
        plans: speaker.list(plans),
        plan: message.params.cheapestPlan,
        ...linkValue,
      });
    }
    case "billing.trial.reminderNoPlans":
      return speaker.say(key, {
        days: message.params.days,
        date: speaker.date(message.params.endsAt.toISOString(), timezone),
      });
    case "billing.payment.reminder":
      return speaker.say(key, {
        invoice: message.params.invoiceNumber,
        amount: speaker.naira(message.params.amountKobo),
        days: message.params.daysOverdue,
        date: speaker.date(message.params.pausesOn.toISOString(), timezone),
        ...linkValue,
      });
    case "billing.payment.paused":
      return speaker.say(key, {
        invoice: message.params.invoiceNumber,
        amount: speaker.naira(message.params.amountKobo),
        days: message.params.daysOverdue,
        ...linkValue,
      });
    case "billing.customers.nearLimit":
      return speaker.say(key, {
        customers: message.params.customers,
        limit: message.params.limit,
        // Whole percents, rounded down: 79.9 % of the limit is not yet 80 %.
        percent: Math.floor((message.params.customers * 100) / message.params.limit) / 100,
      });
    case "billing.customers.full":
      return speaker.say(key, {
        customers: message.params.customers,
        limit: message.params.limit,
        count: message.params.turnedAway,
      });
  }
}
