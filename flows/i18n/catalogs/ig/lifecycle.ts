import type { lifecycleEn } from "../en/lifecycle.ts";
import type { Translation } from "../translation.ts";

/** Group `lifecycle.` in this language: same keys and placeholders as ../en/lifecycle.ts. */
export const lifecycleIg: Translation<typeof lifecycleEn> = {
  "lifecycle.balance.tier": "⭐ Ọkwa gị: {tier}.",
  "lifecycle.balance.nextTier": "Nweta {points, plural, one {# point ọzọ} other {# points ọzọ}} iji ruo {tier}.",
  "lifecycle.balance.topTier": "Nke ahụ bụ ọkwa kachasị elu. Daalụ maka ịnọnyere anyị!",
  "lifecycle.tierUp":
    "🌟 Ekele! Ị bụzi {tier} na {vendor}. Site ugbu a, ihe ọ bụla ị zụrụ ga-enye gị points okpukpu {multiplier, number}.",

  "lifecycle.myData.none": "Anyị ejideghị data ọ bụla gbasara nọmba gị.",
  "lifecycle.myData.header": "Nke a bụ ihe anyị jidere gbasara nọmba gị, ụlọ ahịa n'ụlọ ahịa:",
  "lifecycle.myData.vendor": "*{vendor}* (ị sonyere na {date})",
  "lifecycle.myData.name": "Aha: {name}",
  "lifecycle.myData.birthday": "Ụbọchị ọmụmụ: {birthday}",
  "lifecycle.myData.counts":
    "{purchases, plural, one {ịzụ ahịa #} other {ịzụ ahịa #}}, {points, plural, one {# point} other {# points}}, {messages, plural, one {ozi #} other {ozi #}}",
  "lifecycle.myData.offersOn": "Onyinye na akụkọ: na-agba",
  "lifecycle.myData.offersOff": "Onyinye na akụkọ: agbanyụrụ",
  "lifecycle.myData.footer": "Zipu DELETE MY DATA ka ehichapụ ya.",

  "lifecycle.deleteData.confirm":
    "Nke a ga-ehichapụ aha gị, nọmba gị, ụbọchị ọmụmụ gị na ozi gị na {shops, plural, one {ụlọ ahịa #} other {ụlọ ahịa #}}. Points gị ebe ahụ ga-efu, ị gaghịkwa enweta ozi ọzọ. Zaa YES ka ehichapụ ya, ma ọ bụ ihe ọzọ ka ihe niile nọrọ.",
  "lifecycle.deleteData.done":
    "Emechara: ehichapụla data gị. Ọ bụrụ na i degara anyị ọzọ, ị ga-amalite dị ka onye ahịa ọhụrụ.",
  "lifecycle.deleteData.cancelled": "Ọ dịghị ihe ehichapụrụ. Data gị na points gị ka dị otú ha dị.",

  "lifecycle.birthday.ask":
    "🎂 Anyị ga-achọ iso gị mee ememe ụbọchị ọmụmụ gị! Zipu ụbọchị na ọnwa, dịka 14 March ma ọ bụ 14/03. Zaa NO ma ọ bụrụ na ị chọghị.",
  "lifecycle.birthday.prompt":
    "🎂 Kedu mgbe ụbọchị ọmụmụ gị bụ? Zipu ụbọchị na ọnwa, dịka 14 March ma ọ bụ 14/03. Zipu CANCEL ka ịkwụsị.",
  "lifecycle.birthday.retry":
    "Enweghị m ike ịgụ ụbọchị ahụ. Zipu ụbọchị na ọnwa, dịka 14 March ma ọ bụ 14/03, ma ọ bụ CANCEL.",
  "lifecycle.birthday.saved": "Daalụ! Edebere ụbọchị ọmụmụ gị: {birthday}. Zipu MENU maka ihe ndị ọzọ.",
  "lifecycle.birthday.declined": "Ọ dịghị nsogbu, anyị agaghị ajụ ọzọ. Ị nwere ike izipu BIRTHDAY oge ọ bụla.",
};
