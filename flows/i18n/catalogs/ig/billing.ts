import type { billingEn } from "../en/billing.ts";
import type { Translation } from "../translation.ts";

/**
 * Group `billing.` in Igbo: same keys and placeholders as ../en/billing.ts.
 * AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday words.
 */
export const billingIg: Translation<typeof billingEn> = {
  "billing.planItem": "{plan} {amount}/{period, select, yearly {afọ} other {ọnwa}}",

  "billing.trial.reminder":
    "Nnwale n'efu gị ga-akwụsị n'ime {days, plural, one {ụbọchị #} other {ụbọchị #}} ({date}). Atụmatụ: {plans}. Kwụọ ụgwọ {plan} ka mmemme gị ghara ịkwụsị.",
  "billing.trial.reminderWithLink":
    "Nnwale n'efu gị ga-akwụsị n'ime {days, plural, one {ụbọchị #} other {ụbọchị #}} ({date}). Atụmatụ: {plans}. Kwụọ ụgwọ {plan} ka mmemme gị ghara ịkwụsị: {link}",
  "billing.trial.reminderNoPlans":
    "Nnwale n'efu gị ga-akwụsị n'ime {days, plural, one {ụbọchị #} other {ụbọchị #}} ({date}). Zipu PLAN ka ị hụ atụmatụ gị.",

  "billing.payment.reminder":
    "Akwụkwọ ụgwọ {invoice} nke {amount} {days, plural, =0 {ruru ịkwụ taa} one {agafeela ụbọchị ịkwụ ụgwọ ya ụbọchị #} other {agafeela ụbọchị ịkwụ ụgwọ ya ụbọchị #}}. Ọ bụrụ na ịkwụghị ya ka ọ na-erule {date}, a ga-akwụsị mmemme ụgwọ ọrụ gị. Kwụọ ugbu a.",
  "billing.payment.reminderWithLink":
    "Akwụkwọ ụgwọ {invoice} nke {amount} {days, plural, =0 {ruru ịkwụ taa} one {agafeela ụbọchị ịkwụ ụgwọ ya ụbọchị #} other {agafeela ụbọchị ịkwụ ụgwọ ya ụbọchị #}}. Ọ bụrụ na ịkwụghị ya ka ọ na-erule {date}, a ga-akwụsị mmemme ụgwọ ọrụ gị. Kwụọ ugbu a: {link}",
  "billing.payment.paused":
    "Akwụkwọ ụgwọ {invoice} nke {amount} {days, plural, =0 {ruru ịkwụ taa} one {agafeela ụbọchị ịkwụ ụgwọ ya ụbọchị #} other {agafeela ụbọchị ịkwụ ụgwọ ya ụbọchị #}}, akwụsịkwala mmemme gị. Kwụọ ụgwọ ka ọ malitegharịa ozugbo.",
  "billing.payment.pausedWithLink":
    "Akwụkwọ ụgwọ {invoice} nke {amount} {days, plural, =0 {ruru ịkwụ taa} one {agafeela ụbọchị ịkwụ ụgwọ ya ụbọchị #} other {agafeela ụbọchị ịkwụ ụgwọ ya ụbọchị #}}, akwụsịkwala mmemme gị. Kwụọ ụgwọ ka ọ malitegharịa ozugbo: {link}",

  "billing.customers.nearLimit":
    "I nwere ndị ahịa {customers, number} n'ime {limit, plural, one {onye ahịa #} other {ndị ahịa #}} atụmatụ gị kwere ({percent, number, percent}). Mgbe ọ ruru {limit, number}, a ga-achụghachi ndị ahịa ọhụrụ: bulie atụmatụ gị (zipu PLAN) tupu mgbe ahụ.",
  "billing.customers.full":
    "Mmemme gị ejupụtala: ndị ahịa {customers, number} n'ime {limit, plural, one {onye ahịa #} other {ndị ahịa #}} atụmatụ gị kwere. {count, plural, =0 {A na-achụghachi ndị ahịa ọhụrụ.} other {A na-achụghachi ndị ahịa ọhụrụ (# ruo ugbu a).}} Bulie atụmatụ gị (zipu PLAN) ka ị nabata ha.",
};
