import type { signupEn } from "../en/signup.ts";
import type { Translation } from "../translation.ts";

/**
 * Group `signup.` in Yorùbá: same keys and placeholders as ../en/signup.ts.
 * AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday words, with tone marks.
 */
export const signupYo: Translation<typeof signupEn> = {
  "signup.alreadyOwner":
    "Nọ́ńbà yìí ti ń ṣe {vendor} lórí LoyaltyLaaS, nítorí náà kò lè forúkọ òwò míì sílẹ̀. Fi OWNER ránṣẹ́ láti ṣàkóso rẹ̀.",
  "signup.tooManyStarts": "O ti bẹ̀rẹ̀ ìforúkọsílẹ̀ ní ọ̀pọ̀ ìgbà jù lónìí. Jọ̀ọ́ tún gbìyànjú lọ́la.",
  "signup.dailyLimitReached": "A kò lè gba ìforúkọsílẹ̀ míì lónìí. Jọ̀ọ́ tún gbìyànjú lọ́la.",
  "signup.notOnThisNumber": "Láti forúkọ òwò rẹ sílẹ̀, kọ̀wé sí nọ́ńbà LoyaltyLaaS, kì í ṣe nọ́ńbà ṣọ́ọ̀bù kan.",

  "signup.askBusinessName":
    "Ẹ jẹ́ ká ṣètò ètò ìdúróṣinṣin fún òwò rẹ. 🎉\nKí ni orúkọ òwò rẹ? Fún àpẹẹrẹ: Mama Put Kitchen\n(Fi CANCEL ránṣẹ́ nígbàkúgbà láti dúró.)",
  "signup.badBusinessName": "Jọ̀ọ́ fi orúkọ òwò náà ránṣẹ́ ní lẹ́tà 2 sí 60, fún àpẹẹrẹ: Mama Put Kitchen",
  "signup.askVendorCode":
    "Àwọn oníbàárà ń darapọ̀ nípa fífi JOIN àti kóòdù rẹ ránṣẹ́. Mo dábàá {code}.\nFi YES dáhùn láti lò ó, tàbí tẹ kóòdù míì (lẹ́tà àti nọ́ńbà 3 sí 20, fún àpẹẹrẹ MAMAPUT1).",
  "signup.badVendorCode":
    "Kóòdù jẹ́ lẹ́tà àti nọ́ńbà 3 sí 20, pẹ̀lú lẹ́tà kan ó kéré tán, fún àpẹẹrẹ MAMAPUT1. Fi YES dáhùn láti lo {code}, tàbí tẹ òmíràn.",
  "signup.vendorCodeTaken": "Ẹlòmíì ti ń lo kóòdù {taken}. Fi YES dáhùn láti lo {code}, tàbí tẹ kóòdù míì.",
  "signup.askOwnerName": "Kóòdù rẹ ni {code}. Kí ni orúkọ rẹ (ọ̀gá)? Fún àpẹẹrẹ: Ngozi Okafor",
  "signup.badOwnerName": "Jọ̀ọ́ fi orúkọ rẹ ránṣẹ́ ní lẹ́tà 2 sí 60, fún àpẹẹrẹ: Ngozi Okafor",
  "signup.askPin":
    "Yan PIN ọ̀gá tó jẹ́ nọ́ńbà 4 sí 6, fún àpẹẹrẹ 4821. Wàá fi ṣàkóso ètò rẹ níbí (fi OWNER ránṣẹ́). Má ṣe lo PIN báǹkì rẹ.",
  "signup.badPin": "PIN jẹ́ nọ́ńbà 4 sí 6, fún àpẹẹrẹ 4821. Yan PIN ọ̀gá rẹ:",
  "signup.askPinAgain": "Tún tẹ PIN kan náà láti fìdí rẹ̀ múlẹ̀:",
  "signup.pinMismatch": "PIN méjèèjì kò bára mu. Tún yan PIN ọ̀gá rẹ (nọ́ńbà 4 sí 6):",
  "signup.askRate":
    "Pọ́ìǹtì mélòó ni àwọn oníbàárà yóò gbà fún ₦100 kọ̀ọ̀kan tí wọ́n bá ná? Fi 1 dáhùn (èyí tí ọ̀pọ̀ ń lò) tàbí nọ́ńbà míì, fún àpẹẹrẹ 2.",
  "signup.badRate": "Jọ̀ọ́ fi nọ́ńbà pọ́ìǹtì fún ₦100 láti 1 sí 100 dáhùn, fún àpẹẹrẹ 1.",
  "signup.askReward":
    "Báyìí, ẹ̀bùn àkọ́kọ́ rẹ: fi iye pọ́ìǹtì rẹ̀ àti orúkọ rẹ̀ ránṣẹ́, fún àpẹẹrẹ: 100 Free drink\nTàbí fi SKIP dáhùn láti fi ẹ̀bùn kún un nígbà míì.",
  "signup.badReward":
    "Fi pọ́ìǹtì àti orúkọ ẹ̀bùn náà ránṣẹ́, fún àpẹẹrẹ: 100 Free drink (pọ́ìǹtì láti 1 sí 1,000,000). Tàbí fi SKIP dáhùn.",
  "signup.summary":
    "Jọ̀ọ́ ṣàyẹ̀wò:\nÒwò: {vendor}\nKóòdù: {code}\nỌ̀gá: {name}\nPọ́ìǹtì: {points, number} fún ₦100 kọ̀ọ̀kan\nẸ̀bùn àkọ́kọ́: {reward} fún pọ́ìǹtì {cost, number}\n\nFi YES dáhùn láti ṣẹ̀dá ètò rẹ (ìdánwò ọ̀fẹ́), tàbí CANCEL.",
  "signup.summaryNoReward":
    "Jọ̀ọ́ ṣàyẹ̀wò:\nÒwò: {vendor}\nKóòdù: {code}\nỌ̀gá: {name}\nPọ́ìǹtì: {points, number} fún ₦100 kọ̀ọ̀kan\nẸ̀bùn àkọ́kọ́: kò sí síbẹ̀\n\nFi YES dáhùn láti ṣẹ̀dá ètò rẹ (ìdánwò ọ̀fẹ́), tàbí CANCEL.",
  "signup.confirmAgain": "Jọ̀ọ́ fi YES dáhùn láti ṣẹ̀dá ètò rẹ, tàbí CANCEL láti dúró.",

  "signup.registered":
    "🎉 {vendor} ti bẹ̀rẹ̀ pẹ̀lú ìdánwò ọ̀fẹ́ ọjọ́ {days}!\nKóòdù rẹ ni {code}. Àwọn oníbàárà yóò darapọ̀ nípa ṣíṣe àyẹ̀wò pósítà QR rẹ (ó ń bọ̀) tàbí pẹ̀lú líǹkì yìí:\n{link}\n\nTẹ pósítà náà jáde kí o sì gbé e síbi tí o ti ń gba owó. Fi OWNER ránṣẹ́ (pẹ̀lú PIN rẹ) láti ṣàkóso ẹ̀bùn, òṣìṣẹ́ àti àwọn nǹkan míì.",
  "signup.posterCaption": "Pósítà QR rẹ: tẹ̀ ẹ́ jáde ní A5 kí o sì gbé e síbi tí àwọn oníbàárà ti ń sanwó. Kóòdù: {code}",
  "signup.cancelled": "A ti fagilé ìforúkọsílẹ̀. Fi REGISTER ránṣẹ́ nígbàkúgbà tí o bá fẹ́ tún bẹ̀rẹ̀.",
  "signup.gaveUp": "Ẹ jẹ́ ká dúró síbí. Fi REGISTER ránṣẹ́ nígbàkúgbà tí o bá fẹ́ tún bẹ̀rẹ̀.",
  "signup.timedOut": "Àkókò ìforúkọsílẹ̀ rẹ ti kọjá. Fi REGISTER ránṣẹ́ láti tún bẹ̀rẹ̀.",
  "signup.nonText": "Ọ̀rọ̀ tí a kọ nìkan ni mo lè kà. Jọ̀ọ́ tẹ ìdáhùn rẹ, tàbí fi CANCEL ránṣẹ́.",

  "signup.button.yes": "Bẹ́ẹ̀ ni, ṣẹ̀dá a",
  "signup.button.cancel": "Fagilé",
  "signup.button.skip": "Fò ó fún báyìí",
  "signup.button.onePoint": "Pọ́ìǹtì 1 (déédé)",
  "signup.button.twoPoints": "Pọ́ìǹtì 2",
  "signup.button.fivePoints": "Pọ́ìǹtì 5",
  "signup.button.ownerMode": "Ipò ọ̀gá",
};
