import type { billingEn } from "../en/billing.ts";
import type { Translation } from "../translation.ts";

/**
 * Group `billing.` in Hausa: same keys and placeholders as ../en/billing.ts.
 * AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday words.
 */
export const billingHa: Translation<typeof billingEn> = {
  "billing.planItem": "{plan} {amount}/{period, select, yearly {shekara} other {wata}}",

  "billing.trial.reminder":
    "Gwajinka na kyauta zai ƙare cikin {days, plural, one {kwana #} other {kwanaki #}} ({date}). Tsare-tsare: {plans}. Biya {plan} don shirinka ya ci gaba da aiki.",
  "billing.trial.reminderWithLink":
    "Gwajinka na kyauta zai ƙare cikin {days, plural, one {kwana #} other {kwanaki #}} ({date}). Tsare-tsare: {plans}. Biya {plan} don shirinka ya ci gaba da aiki: {link}",
  "billing.trial.reminderNoPlans":
    "Gwajinka na kyauta zai ƙare cikin {days, plural, one {kwana #} other {kwanaki #}} ({date}). Aika PLAN don ganin tsarinka.",

  "billing.payment.reminder":
    "Takardar biyan kuɗi {invoice} ta {amount} {days, plural, =0 {ta kai ranar biya yau} one {ta wuce ranar biya da kwana #} other {ta wuce ranar biya da kwanaki #}}. Idan ba a biya ba zuwa {date}, za a dakatar da shirin ladarka. Biya yanzu.",
  "billing.payment.reminderWithLink":
    "Takardar biyan kuɗi {invoice} ta {amount} {days, plural, =0 {ta kai ranar biya yau} one {ta wuce ranar biya da kwana #} other {ta wuce ranar biya da kwanaki #}}. Idan ba a biya ba zuwa {date}, za a dakatar da shirin ladarka. Biya yanzu: {link}",
  "billing.payment.paused":
    "Takardar biyan kuɗi {invoice} ta {amount} {days, plural, =0 {ta kai ranar biya yau} one {ta wuce ranar biya da kwana #} other {ta wuce ranar biya da kwanaki #}} kuma an dakatar da shirinka. Biya don ya sake farawa nan take.",
  "billing.payment.pausedWithLink":
    "Takardar biyan kuɗi {invoice} ta {amount} {days, plural, =0 {ta kai ranar biya yau} one {ta wuce ranar biya da kwana #} other {ta wuce ranar biya da kwanaki #}} kuma an dakatar da shirinka. Biya don ya sake farawa nan take: {link}",

  "billing.customers.nearLimit":
    "Kana da kwastomomi {customers, number} cikin {limit, plural, one {kwastoma #} other {kwastomomi #}} da tsarinka ya yarda ({percent, number, percent}). Idan ya kai {limit, number}, za a riƙa mayar da sababbin kwastomomi: ƙara tsarinka (aika PLAN) kafin nan.",
  "billing.customers.full":
    "Shirinka ya cika: kwastomomi {customers, number} cikin {limit, plural, one {kwastoma #} other {kwastomomi #}} da tsarinka ya yarda. {count, plural, =0 {Ana mayar da sababbin kwastomomi.} other {Ana mayar da sababbin kwastomomi (# zuwa yanzu).}} Ƙara tsarinka (aika PLAN) don karɓar su.",
};
