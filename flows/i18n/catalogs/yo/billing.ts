import type { billingEn } from "../en/billing.ts";
import type { Translation } from "../translation.ts";

/**
 * Group `billing.` in Yorùbá: same keys and placeholders as ../en/billing.ts.
 * AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday words, with tone marks.
 */
export const billingYo: Translation<typeof billingEn> = {
  "billing.planItem": "{plan} {amount}/{period, select, yearly {ọdún} other {oṣù}}",

  "billing.trial.reminder":
    "Ó ku {days, plural, one {ọjọ́ #} other {ọjọ́ #}} kí ìdánwò ọ̀fẹ́ rẹ parí ({date}). Àwọn ètò: {plans}. Sanwó fún {plan} kí ètò ẹ̀san rẹ má baà dúró.",
  "billing.trial.reminderWithLink":
    "Ó ku {days, plural, one {ọjọ́ #} other {ọjọ́ #}} kí ìdánwò ọ̀fẹ́ rẹ parí ({date}). Àwọn ètò: {plans}. Sanwó fún {plan} kí ètò ẹ̀san rẹ má baà dúró: {link}",
  "billing.trial.reminderNoPlans":
    "Ó ku {days, plural, one {ọjọ́ #} other {ọjọ́ #}} kí ìdánwò ọ̀fẹ́ rẹ parí ({date}). Fi PLAN ránṣẹ́ láti rí ètò rẹ.",

  "billing.payment.reminder":
    "Ìwé ìsanwó {invoice} ti {amount} {days, plural, =0 {gbọ́dọ̀ di sísan lónìí} one {ti kọjá àkókò ìsanwó ní ọjọ́ #} other {ti kọjá àkókò ìsanwó ní ọjọ́ #}}. Tí o kò bá san án títí di {date}, a ó dá ètò ẹ̀san rẹ dúró. Sanwó báyìí.",
  "billing.payment.reminderWithLink":
    "Ìwé ìsanwó {invoice} ti {amount} {days, plural, =0 {gbọ́dọ̀ di sísan lónìí} one {ti kọjá àkókò ìsanwó ní ọjọ́ #} other {ti kọjá àkókò ìsanwó ní ọjọ́ #}}. Tí o kò bá san án títí di {date}, a ó dá ètò ẹ̀san rẹ dúró. Sanwó báyìí: {link}",
  "billing.payment.paused":
    "Ìwé ìsanwó {invoice} ti {amount} {days, plural, =0 {gbọ́dọ̀ di sísan lónìí} one {ti kọjá àkókò ìsanwó ní ọjọ́ #} other {ti kọjá àkókò ìsanwó ní ọjọ́ #}}, a sì ti dá ètò ẹ̀san rẹ dúró. Sanwó kí ó lè bẹ̀rẹ̀ padà lẹ́sẹ̀kẹsẹ̀.",
  "billing.payment.pausedWithLink":
    "Ìwé ìsanwó {invoice} ti {amount} {days, plural, =0 {gbọ́dọ̀ di sísan lónìí} one {ti kọjá àkókò ìsanwó ní ọjọ́ #} other {ti kọjá àkókò ìsanwó ní ọjọ́ #}}, a sì ti dá ètò ẹ̀san rẹ dúró. Sanwó kí ó lè bẹ̀rẹ̀ padà lẹ́sẹ̀kẹsẹ̀: {link}",

  "billing.customers.nearLimit":
    "O ní oníbàárà {customers, number} nínú {limit, plural, one {#} other {#}} tí ètò rẹ gbà ({percent, number, percent}). Tí ó bá dé {limit, number}, a ó máa dá àwọn oníbàárà tuntun padà: gbé ètò rẹ ga (fi PLAN ránṣẹ́) kí ó tó dé ibẹ̀.",
  "billing.customers.full":
    "Ètò ẹ̀san rẹ ti kún: oníbàárà {customers, number} nínú {limit, plural, one {#} other {#}} tí ètò rẹ gbà. {count, plural, =0 {A ń dá àwọn oníbàárà tuntun padà.} other {A ń dá àwọn oníbàárà tuntun padà (# títí di báyìí).}} Gbé ètò rẹ ga (fi PLAN ránṣẹ́) láti gbà wọ́n wọlé.",
};
