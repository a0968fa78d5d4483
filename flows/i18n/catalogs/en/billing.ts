/**
 * English, group `billing.`: see ../en.ts for the catalog's rules. Billing notices to a business
 * owner, sent as one template parameter: one line each (no line breaks), whole sentences. The
 * `WithLink` variants end with the pay link; the others are sent when no link could be made.
 * `{plans}` is `billing.planItem` per plan, joined as the language lists things (Intl.ListFormat).
 */
export const billingEn = {
  "billing.planItem": "{plan} {amount}/{period, select, yearly {year} other {month}}",

  "billing.trial.reminder":
    "Your free trial ends in {days, plural, one {# day} other {# days}} ({date}). Plans: {plans}. Pay for {plan} to keep your programme running.",
  "billing.trial.reminderWithLink":
    "Your free trial ends in {days, plural, one {# day} other {# days}} ({date}). Plans: {plans}. Pay for {plan} to keep your programme running: {link}",
  "billing.trial.reminderNoPlans":
    "Your free trial ends in {days, plural, one {# day} other {# days}} ({date}). Send PLAN to see your plan.",

  "billing.payment.reminder":
    "Invoice {invoice} for {amount} {days, plural, =0 {is due today} one {is # day overdue} other {is # days overdue}}. Unpaid by {date}, your loyalty programme will be paused. Pay now.",
  "billing.payment.reminderWithLink":
    "Invoice {invoice} for {amount} {days, plural, =0 {is due today} one {is # day overdue} other {is # days overdue}}. Unpaid by {date}, your loyalty programme will be paused. Pay now: {link}",
  "billing.payment.paused":
    "Invoice {invoice} for {amount} {days, plural, =0 {is due today} one {is # day overdue} other {is # days overdue}} and your programme is paused. Pay to restart it at once.",
  "billing.payment.pausedWithLink":
    "Invoice {invoice} for {amount} {days, plural, =0 {is due today} one {is # day overdue} other {is # days overdue}} and your programme is paused. Pay to restart it at once: {link}",

  "billing.customers.nearLimit":
    "You have {customers, number} of your plan's {limit, plural, one {# customer} other {# customers}} ({percent, number, percent}). At {limit, number}, new customers will be turned away: upgrade your plan (send PLAN) before then.",
  "billing.customers.full":
    "Your programme is full: {customers, number} of your plan's {limit, plural, one {# customer} other {# customers}}. {count, plural, =0 {New customers are being turned away.} other {New customers are being turned away (# so far).}} Upgrade your plan (send PLAN) to welcome them.",
};
