import type { lifecycleEn } from "../en/lifecycle.ts";
import type { Translation } from "../translation.ts";

/** Group `lifecycle.` in this language: same keys and placeholders as ../en/lifecycle.ts. */
export const lifecycleYo: Translation<typeof lifecycleEn> = {
  "lifecycle.balance.tier": "⭐ Ipele rẹ: {tier}.",
  "lifecycle.balance.nextTier": "Gba {points, plural, one {pọ́ìntì # sí i} other {pọ́ìntì # sí i}} láti dé {tier}.",
  "lifecycle.balance.topTier": "Ìyẹn ni ipele tó ga jù lọ. A dúpẹ́ pé o wà pẹ̀lú wa!",
  "lifecycle.tierUp":
    "🌟 Ẹ kú oríire! O ti dé {tier} ní {vendor}. Láti ìsinsìnyí, gbogbo rírà yóò mú pọ́ìntì wá ní ìlọ́po {multiplier, number}.",

  "lifecycle.myData.none": "A kò ní dátà kankan nípa nọ́ńbà rẹ.",
  "lifecycle.myData.header": "Èyí ni ohun tí a mọ̀ nípa nọ́ńbà rẹ, ní ṣọ́ọ̀bù kọ̀ọ̀kan:",
  "lifecycle.myData.vendor": "*{vendor}* (o darapọ̀ ní {date})",
  "lifecycle.myData.name": "Orúkọ: {name}",
  "lifecycle.myData.birthday": "Ọjọ́ ìbí: {birthday}",
  "lifecycle.myData.counts":
    "{purchases, plural, one {rírà #} other {rírà #}}, {points, plural, one {pọ́ìntì #} other {pọ́ìntì #}}, {messages, plural, one {ìfiránṣẹ́ #} other {ìfiránṣẹ́ #}}",
  "lifecycle.myData.offersOn": "Ìpolówó àti ìròyìn: ó wà",
  "lifecycle.myData.offersOff": "Ìpolówó àti ìròyìn: kò sí",
  "lifecycle.myData.footer": "Fi DELETE MY DATA ránṣẹ́ láti pa á rẹ́.",

  "lifecycle.deleteData.confirm":
    "Èyí yóò pa orúkọ rẹ, nọ́ńbà rẹ, ọjọ́ ìbí rẹ àti àwọn ìfiránṣẹ́ rẹ rẹ́ ní {shops, plural, one {ṣọ́ọ̀bù #} other {ṣọ́ọ̀bù #}}. Pọ́ìntì rẹ níbẹ̀ yóò sọnù, o kò sì ní gba ìfiránṣẹ́ mọ́. Fèsì YES láti pa á rẹ́, tàbí ohunkóhun mìíràn láti fi gbogbo rẹ̀ sílẹ̀.",
  "lifecycle.deleteData.done":
    "Ó ti parí: a ti pa dátà rẹ rẹ́. Tí o bá kọ̀wé sí wa lẹ́ẹ̀kan sí i, o máa bẹ̀rẹ̀ bí oníbàárà tuntun.",
  "lifecycle.deleteData.cancelled": "A kò pa nǹkan kan rẹ́. Dátà rẹ àti pọ́ìntì rẹ wà bí wọ́n ṣe wà.",

  "lifecycle.birthday.ask":
    "🎂 A fẹ́ bá ọ ṣe ayẹyẹ ọjọ́ ìbí rẹ! Fi ọjọ́ àti oṣù ránṣẹ́, bí àpẹẹrẹ 14 March tàbí 14/03. Fèsì NO tí o kò bá fẹ́.",
  "lifecycle.birthday.prompt":
    "🎂 Ìgbà wo ni ọjọ́ ìbí rẹ? Fi ọjọ́ àti oṣù ránṣẹ́, bí àpẹẹrẹ 14 March tàbí 14/03. Fi CANCEL ránṣẹ́ láti dúró.",
  "lifecycle.birthday.retry": "Mi ò lè ka ọjọ́ yẹn. Fi ọjọ́ àti oṣù ránṣẹ́, bí àpẹẹrẹ 14 March tàbí 14/03, tàbí CANCEL.",
  "lifecycle.birthday.saved": "Ẹ ṣé o! A ti fi ọjọ́ ìbí rẹ pamọ́: {birthday}. Fi MENU ránṣẹ́ fún nǹkan mìíràn.",
  "lifecycle.birthday.declined": "Kò burú, a kò ní béèrè mọ́. O lè fi BIRTHDAY ránṣẹ́ nígbàkígbà.",
};
