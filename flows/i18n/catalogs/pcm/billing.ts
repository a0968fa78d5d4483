import type { billingEn } from "../en/billing.ts";
import type { Translation } from "../translation.ts";

/**
 * Group `billing.` in Nigerian Pidgin: same keys and placeholders as ../en/billing.ts.
 * AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday Lagos Pidgin.
 */
export const billingPcm: Translation<typeof billingEn> = {
  "billing.planItem": "{plan} {amount}/{period, select, yearly {year} other {month}}",

  "billing.trial.reminder":
    "Your free trial go end in {days, plural, one {# day} other {# days}} ({date}). Plans: {plans}. Pay for {plan} make your programme no stop.",
  "billing.trial.reminderWithLink":
    "Your free trial go end in {days, plural, one {# day} other {# days}} ({date}). Plans: {plans}. Pay for {plan} make your programme no stop: {link}",
  "billing.trial.reminderNoPlans":
    "Your free trial go end in {days, plural, one {# day} other {# days}} ({date}). Send PLAN to see your plan.",

  "billing.payment.reminder":
    "Invoice {invoice} for {amount} {days, plural, =0 {suppose pay today} one {don pass due by # day} other {don pass due by # days}}. If you no pay am by {date}, we go pause your loyalty programme. Pay now.",
  "billing.payment.reminderWithLink":
    "Invoice {invoice} for {amount} {days, plural, =0 {suppose pay today} one {don pass due by # day} other {don pass due by # days}}. If you no pay am by {date}, we go pause your loyalty programme. Pay now: {link}",
  "billing.payment.paused":
    "Invoice {invoice} for {amount} {days, plural, =0 {suppose pay today} one {don pass due by # day} other {don pass due by # days}} and your programme don pause. Pay make e start again sharp sharp.",
  "billing.payment.pausedWithLink":
    "Invoice {invoice} for {amount} {days, plural, =0 {suppose pay today} one {don pass due by # day} other {don pass due by # days}} and your programme don pause. Pay make e start again sharp sharp: {link}",

  "billing.customers.nearLimit":
    "You don get {customers, number} out of the {limit, plural, one {# customer} other {# customers}} wey your plan allow ({percent, number, percent}). When e reach {limit, number}, we go dey turn new customers back: upgrade your plan (send PLAN) before then.",
  "billing.customers.full":
    "Your programme don full: {customers, number} out of the {limit, plural, one {# customer} other {# customers}} wey your plan allow. {count, plural, =0 {We dey turn new customers back.} other {We dey turn new customers back (# so far).}} Upgrade your plan (send PLAN) make dem fit join.",
};
