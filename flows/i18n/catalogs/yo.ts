import type { Catalog } from "../catalog.ts";
import { ownerYo } from "./yo/owner.ts";
import { signupYo } from "./yo/signup.ts";
import { claimsYo } from "./yo/claims.ts";
import { lifecycleYo } from "./yo/lifecycle.ts";
import { billingYo } from "./yo/billing.ts";

/**
 * Yorùbá. AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday words, with tone
 * marks (WhatsApp shows them; people may type without them, and commands are read either way).
 * Same keys and placeholders as en.ts; command words (BALANCE, YES …) stay in capitals.
 */
export const yo: Catalog = {
  "common.yes": "Bẹ́ẹ̀ ni",
  "common.no": "Rárá",
  "common.choose": "Yàn",
  "common.more": "Àwọn míì…",
  "common.page": "Ojú ìwé {page} nínú {pages}",
  "common.didYouMean": "Ṣé ọ̀kan nínú ìwọ̀nyí lo ní lọ́kàn? Tẹ ọ̀kan, tàbí fi MENU ránṣẹ́ láti rí gbogbo rẹ̀.",

  "language.prompt": "Èdè wo ni kí n máa lò? O lè yí i padà nígbàkúgbà: fi LANGUAGE ránṣẹ́.",
  "language.button": "Èdè",
  "language.changed": "Ó dáa, Yorùbá ni màá máa sọ láti ìsinsìnyí lọ.",
  "language.unknown": "N kò mọ èdè yẹn síbẹ̀. Yan ọ̀kan: English, Pidgin, Yoruba, Hausa tàbí Igbo.",
  "language.name.en": "Gẹ̀ẹ́sì",
  "language.name.pcm": "Pidgin Nàìjíríà",
  "language.name.yo": "Yorùbá",
  "language.name.ha": "Haúsá",
  "language.name.ig": "Ìgbò",

  "customer.menu.prompt": "Kí lo fẹ́ ṣe?",
  "customer.menu.button": "Àṣàyàn",
  "customer.menu.cancelled": "Ó dáa, mo ti fagi lé e. Kí lo fẹ́ ṣe?",
  "customer.menu.notUnderstood": "Má bínú, kò yé mi. Yan ọ̀kan, tàbí tẹ ọ̀rọ̀ bíi BALANCE tàbí REWARDS.",
  "customer.menu.nonText": "Ọ̀rọ̀ tí a kọ nìkan ni mo lè kà. Ohun tí mo lè ṣe nìyí:",
  "customer.menu.startAgain": "Ẹ jẹ́ ká tún bẹ̀rẹ̀. Kí lo fẹ́ ṣe?",
  "customer.menu.balance.title": "Pọ́ìǹtì mi",
  "customer.menu.balance.description": "Pọ́ìǹtì rẹ àti ìgbà tí wọ́n máa parí",
  "customer.menu.rewards.title": "Ẹ̀bùn",
  "customer.menu.rewards.description": "Ẹ̀bùn tí pọ́ìǹtì rẹ lè gbà",
  "customer.menu.redeem.title": "Gba ẹ̀bùn",
  "customer.menu.redeem.description": "Lo pọ́ìǹtì rẹ, gba kóòdù fún káúńtà",
  "customer.menu.history.title": "Ìtàn",
  "customer.menu.history.description": "Ohun tó ṣẹlẹ̀ sí pọ́ìǹtì rẹ láìpẹ́",
  "customer.menu.refer.title": "Pe ọ̀rẹ́ kan",
  "customer.menu.refer.description": "Pín líǹkì rẹ kí o lè jèrè pọ́ìǹtì",
  "customer.menu.vendors.title": "Àwọn ṣọ́ọ̀bù mi",
  "customer.menu.vendors.description": "Wo tàbí yí ṣọ́ọ̀bù tí o dara pọ̀ mọ́ padà",
  "customer.menu.stop.title": "Dá ìpolówó dúró",
  "customer.menu.stop.description": "Kò sí ìránṣẹ́ ìpolówó mọ́",
  "customer.menu.start.title": "Gba ìpolówó",
  "customer.menu.start.description": "Bẹ̀rẹ̀ sí í gba ìránṣẹ́ ìpolówó padà",

  "customer.welcome.new": "Ẹ káàbọ̀ sí ètò ẹ̀san {vendor}! Gbogbo ìgbà tí o bá rajà ni wàá jèrè pọ́ìǹtì.",
  "customer.welcome.back": "Ẹ káàbọ̀ padà sí {vendor}!",

  "customer.balance.total": "O ní pọ́ìǹtì {points, number}.",
  "customer.balance.expiring": "Pọ́ìǹtì {points, number} nínú wọn máa parí ní {date}.",
  "customer.balance.hint": "Fi REWARDS ránṣẹ́ láti rí ohun tí o lè gbà.",

  "customer.rewards.none": "Kò tíì sí ẹ̀bùn kankan. Máa jèrè pọ́ìǹtì lọ!",
  "customer.rewards.canGetNow": "Ẹ̀bùn tí o lè gbà báyìí:",
  "customer.rewards.line": "{number}. {reward} (pọ́ìǹtì {points, number})",
  "customer.rewards.redeemHint": "Fi REDEEM ránṣẹ́ láti gba ọ̀kan.",
  "customer.rewards.notEnough": "O ní pọ́ìǹtì {points, number}, kò tíì tó fún ẹ̀bùn kankan.",
  "customer.rewards.aimFor": "Ohun tí o lè máa lépa:",
  "customer.rewards.aimLine": "- {reward}: pọ́ìǹtì {points, number} sí i",
  "customer.rewards.button": "Ẹ̀bùn",
  "customer.rewards.rowPoints": "pọ́ìǹtì {points, number}",

  "customer.redeem.choose": "Ẹ̀bùn wo lo fẹ́? Fi nọ́ńbà rẹ̀ dá mi lóhùn.",
  "customer.redeem.more": "Àwọn ẹ̀bùn míì. Fi nọ́ńbà kan dá mi lóhùn.",
  "customer.redeem.retry": "Jọ̀ọ́ fi nọ́ńbà ẹ̀bùn kan dáhùn, fún àpẹẹrẹ 1.",
  "customer.redeem.confirm": "Ṣé kí n lo pọ́ìǹtì {points, number} láti gba {reward}? YES / NO",
  "customer.redeem.confirmRetry":
    "Jọ̀ọ́ dáhùn YES tàbí NO. Ṣé kí n lo pọ́ìǹtì {points, number} láti gba {reward}? YES / NO",
  "customer.redeem.declined": "Ó dáa, o kò gba nǹkan kan. Kí lo fẹ́ ṣe?",
  "customer.redeem.done":
    "Fi kóòdù yìí hàn ní káúńtà: {code}\n\n{reward}: o ti lo pọ́ìǹtì {points, number}. Pọ́ìǹtì {balance, number} ló kù fún ọ.",
  "customer.redeem.failed.insufficient_points":
    "Pọ́ìǹtì rẹ kò tó fún ẹ̀bùn yẹn mọ́. Fi REWARDS ránṣẹ́ láti rí ohun tí o lè gbà.",
  "customer.redeem.failed.out_of_stock": "Má bínú, ẹ̀bùn yẹn ti tán. Fi REWARDS ránṣẹ́ láti rí àwọn míì.",
  "customer.redeem.failed.limit_reached":
    "O ti gba ẹ̀bùn yẹn tó iye ìgbà tí a gbà láàyè. Fi REWARDS ránṣẹ́ láti rí àwọn míì.",
  "customer.redeem.failed.unavailable": "Má bínú, ẹ̀bùn yẹn kò sí mọ́. Fi REWARDS ránṣẹ́ láti rí àwọn míì.",

  "customer.history.none": "Kò tíì sí nǹkan kan lórí pọ́ìǹtì rẹ. Ra nǹkan kí o bẹ̀rẹ̀ sí í jèrè!",
  "customer.history.title": "Pọ́ìǹtì rẹ láìpẹ́ yìí:",
  "customer.history.line": "{date}: {points} ({cause})",
  "customer.history.type.earned": "pọ́ìǹtì tí o jèrè",
  "customer.history.type.redeemed": "ẹ̀bùn tí o gbà",
  "customer.history.type.expired": "pọ́ìǹtì tó parí",
  "customer.history.type.adjusted": "àtúnṣe",
  "customer.history.type.reversed": "ìdápadà",
  "customer.history.type.other": "pọ́ìǹtì",

  "customer.refer.link":
    "Pe àwọn ọ̀rẹ́ rẹ, kí o jèrè pọ́ìǹtì nígbà tí wọ́n bá rajà!\nPín líǹkì yìí: {link}\nKóòdù ìfìwépè rẹ: {code}",

  "customer.vendors.none":
    "O kò tíì dara pọ̀ mọ́ ṣọ́ọ̀bù kankan. Sẹ́kánì QR kóòdù ṣọ́ọ̀bù kan, tàbí fi JOIN àti kóòdù wọn ránṣẹ́.",
  "customer.vendors.choose": "Àwọn ṣọ́ọ̀bù rẹ. Fi nọ́ńbà kan dáhùn láti yí i padà.",
  "customer.vendors.more": "Àwọn ṣọ́ọ̀bù míì. Fi nọ́ńbà kan dáhùn.",
  "customer.vendors.retry": "Jọ̀ọ́ fi nọ́ńbà ṣọ́ọ̀bù kan dáhùn, fún àpẹẹrẹ 1.",
  "customer.vendors.line": "{number}. {vendor}",
  "customer.vendors.lineCurrent": "{number}. {vendor} (èyí tí o wà báyìí)",
  "customer.vendors.current": "Èyí lò ń bá sọ̀rọ̀ báyìí",
  "customer.vendors.already": "Ṣọ́ọ̀bù yẹn lò ń bá sọ̀rọ̀ báyìí. Fi MENU ránṣẹ́ láti rí ohun tí o lè ṣe.",
  "customer.vendors.switched": "Ìwọ àti {vendor} ló ń sọ̀rọ̀ báyìí. Kí lo fẹ́ ṣe?",
  "customer.vendors.button": "Ṣọ́ọ̀bù",

  "customer.offers.on": "Wàá máa gba ìpolówó wa padà. Fi STOP ránṣẹ́ nígbàkúgbà láti dá wọn dúró.",
  "customer.offers.off": "A kò ní fi ìpolówó ránṣẹ́ sí ọ mọ́. O ṣì lè wo pọ́ìǹtì rẹ. Fi START ránṣẹ́ láti tún máa gbà wọ́n.",

  "customer.pointsEarned":
    "🎉 O jèrè pọ́ìǹtì {points, number} ní {vendor}. Pọ́ìǹtì rẹ báyìí jẹ́ {balance, number}. Fi BALANCE tàbí REWARDS ránṣẹ́ nígbàkúgbà.",

  "staff.start": "Òṣìṣẹ́ {vendor}: tẹ PIN rẹ.",
  "staff.pin.choose":
    "Ẹ káàbọ̀ sí ìjíròrò òṣìṣẹ́ {vendor}! Yan PIN òṣìṣẹ́ rẹ: nọ́ńbà 4 sí 6, fún àpẹẹrẹ 4821. Wàá tẹ̀ ẹ́ nígbàkúùgbà tí o bá fi STAFF ránṣẹ́.",
  "staff.pin.chooseRetry": "PIN jẹ́ nọ́ńbà 4 sí 6, fún àpẹẹrẹ 4821. Yan PIN rẹ:",
  "staff.pin.startAgain": "Jẹ́ ká bẹ̀rẹ̀ lẹ́ẹ̀kan sí i. Fi STAFF ránṣẹ́ tí o bá ti ṣetán.",
  "staff.pin.saved": "A ti fi PIN rẹ pamọ́. Ẹ n lẹ́ o {name}, o ti wọlé. Kí ló kàn?",
  "staff.pin.mismatch": "PIN méjèèjì kò bára mu. Tún PIN rẹ yàn: nọ́ńbà 4 sí 6.",
  "staff.undo.none":
    "Kò sí nǹkan láti yí padà: o lè yí ríra tí o kọ kẹ́yìn padà láàrin ìṣẹ́jú 15. Sọ fún ẹni tó ni ṣọ́ọ̀bù láti fagi lé èyí tó ti pẹ́.",
  "staff.undo.confirm": "Yí {amount} fún {phone} padà ({points} pọ́ìǹtì)? YES / NO",
  "staff.undo.confirmLast": "Yí ríra rẹ tó kẹ́yìn padà? YES / NO",
  "staff.undo.retry": "Jọ̀wọ́ dáhùn YES tàbí NO.",
  "staff.undo.notUndone": "A kò yí i padà. Kí ló kàn?",
  "staff.undo.notUndoneAgain": "A kò yí i padà. Jẹ́ ká bẹ̀rẹ̀ lẹ́ẹ̀kan sí i. Kí ló kàn?",
  "staff.undo.done": "A ti yí i padà: {amount} fún {phone}. A gba {points} pọ́ìǹtì padà; a ti sọ fún oníbàárà.",
  "staff.undo.doneShortfall":
    "A ti yí i padà: {amount} fún {phone}. A gba {points} pọ́ìǹtì padà (wọ́n ti ná {spent}); a ti sọ fún oníbàárà.",
  "staff.undo.failed.signedOut": "Kò ṣeé yí padà: tẹ PIN rẹ ná.",
  "staff.undo.failed.tooLate": "Kò ṣeé yí padà: ìṣẹ́jú 15 ti kọjá, tàbí wọ́n ti fagi lé e tẹ́lẹ̀. Bi ọ̀gá.",
  "staff.undo.failed.alreadyVoided": "Kò ṣeé yí padà: wọ́n ti fagi lé e tẹ́lẹ̀.",
  "staff.nonText": "Ọ̀rọ̀ tí a kọ nìkan ni mo lè kà.",
  "staff.menu.prompt": "Kí ló kàn?",
  "staff.menu.log": "Kọ ìrajà",
  "staff.menu.verify": "Ṣàyẹ̀wò kóòdù",
  "staff.menu.exit": "Parí iṣẹ́",
  "staff.menu.notUnderstood": "Má bínú, kò yé mi. Fún àpẹẹrẹ: LOG {phone} 5000, tàbí VERIFY ABCD2345.",
  "staff.menu.cancelled": "Mo ti fagi lé e. Kí ló kàn?",
  "staff.menu.startAgain": "Ẹ jẹ́ ká tún bẹ̀rẹ̀. Kí ló kàn?",
  "staff.signedIn": "Báwo {name}, o ti wọlé. Kí ló kàn?",
  "staff.signedInNoName": "Báwo, o ti wọlé. Kí ló kàn?",
  "staff.ended": "Iṣẹ́ òṣìṣẹ́ ti parí. Ẹ ṣé o!",
  "staff.sessionOver": "Ìpàdé òṣìṣẹ́ rẹ ti parí. Fi STAFF ránṣẹ́ láti tún bẹ̀rẹ̀.",
  "staff.pin.cancelled": "Mo ti fagi lé e. Fi STAFF ránṣẹ́ láti tún bẹ̀rẹ̀.",
  "staff.pin.format": "PIN rẹ jẹ́ nọ́ńbà 4 sí 6, fún àpẹẹrẹ 1234. Tẹ PIN rẹ:",
  "staff.pin.giveUp": "Ẹ jẹ́ ká tún bẹ̀rẹ̀. Fi STAFF ránṣẹ́ tí o bá ti ṣetán.",
  "staff.pin.wrong": "PIN yẹn kò tọ̀nà. Àǹfààní {attempts, number} ló kù. Tẹ PIN rẹ:",
  "staff.pin.lockedFor": "PIN tí kò tọ̀nà ti pọ̀ jù. A ti ti ìjíròrò òṣìṣẹ́; tún gbìyànjú lẹ́yìn ìṣẹ́jú {minutes, number}.",
  "staff.pin.lockedLater": "PIN tí kò tọ̀nà ti pọ̀ jù. A ti ti ìjíròrò òṣìṣẹ́; tún gbìyànjú nígbà míì.",
  "staff.log.askPhone": "Kí ni nọ́ńbà fóònù oníbàárà? Fún àpẹẹrẹ {phone}",
  "staff.log.askAmount": "Èló ni wọ́n ná, ní náírà? Fún àpẹẹrẹ 5000",
  "staff.log.unreadable": "N kò lè kà á. Fún àpẹẹrẹ: LOG {phone} 5000",
  "staff.log.badPhone": "Ìyẹn kò jọ nọ́ńbà fóònù. Fún àpẹẹrẹ {phone}",
  "staff.log.badAmount": "Ìyẹn kò jọ iye owó. Fún àpẹẹrẹ 5000 tàbí ₦5,000.50",
  "staff.log.confirm": "Ṣé kí n kọ {amount} fún {customer} (+pọ́ìǹtì {points, number})? YES / NO",
  "staff.log.confirmRetry":
    "Jọ̀ọ́ dáhùn YES tàbí NO. Ṣé kí n kọ {amount} fún {customer} (+pọ́ìǹtì {points, number})? YES / NO",
  "staff.log.confirmGeneric": "Ṣé kí n kọ ìrajà yìí? YES / NO",
  "staff.log.newCustomer": "Oníbàárà tuntun ni: màá forúkọ wọn sílẹ̀, màá sì sọ fún wọn.",
  "staff.log.declined": "N kò kọ ọ́. Kí ló kàn?",
  "staff.log.declinedStartAgain": "N kò kọ ọ́. Ẹ jẹ́ ká tún bẹ̀rẹ̀. Kí ló kàn?",
  "staff.log.done":
    "Mo ti kọ {amount} fún {customer}: +pọ́ìǹtì {points, number}, gbogbo rẹ̀ {balance, number}. Èyí tó kàn: LOG <phone> <amount>",
  "staff.log.cannot":
    "N kò lè kọ ìrajà yẹn: {reason, select, pin_required {Kọ́kọ́ tẹ PIN rẹ.} invalid_amount {Iye owó yẹn kò tọ̀nà.} plan_limit {Ètò náà ti kún, a kò lè fi oníbàárà yìí kún un.} customer_blocked {A ti dá ọmọ ẹgbẹ́ oníbàárà yìí dúró.} other {Jọ̀ọ́ tún gbìyànjú.}}",
  "staff.log.failed":
    "N kò kọ ọ́: {reason, select, pin_required {Kọ́kọ́ tẹ PIN rẹ.} invalid_amount {Iye owó yẹn kò tọ̀nà.} plan_limit {Ètò náà ti kún, a kò lè fi oníbàárà yìí kún un.} customer_blocked {A ti dá ọmọ ẹgbẹ́ oníbàárà yìí dúró.} other {Jọ̀ọ́ tún gbìyànjú.}}",
  "staff.verify.askCode": "Kí ni kóòdù ẹ̀bùn náà? Fún àpẹẹrẹ ABCD2345",
  "staff.verify.badCode": "Ìyẹn kò jọ kóòdù. Fún àpẹẹrẹ ABCD2345",
  "staff.verify.confirm": "Kóòdù {code}: {reward}. Ṣé kí o fún wọn báyìí? YES / NO",
  "staff.verify.confirmFor": "Kóòdù {code}: {reward} fún {customer}. Ṣé kí o fún wọn báyìí? YES / NO",
  "staff.verify.retry": "Jọ̀ọ́ dáhùn YES tí o bá ti fún wọn, tàbí NO.",
  "staff.verify.notPending":
    "Kóòdù {code} ({reward}) {status, select, fulfilled {ti di lílò} cancelled {ti di fífagilé} expired {ti parí} other {kò dúró dè é}}, kò sí nǹkan láti fún wọn.",
  "staff.verify.notFound": "Kò sí ẹ̀bùn tó ní kóòdù yẹn. Ṣàyẹ̀wò rẹ̀ kí o tún fi VERIFY <code> ránṣẹ́.",
  "staff.verify.declined": "Ó dáa, n kò sàmì sí i pé a ti fún wọn. Kí ló kàn?",
  "staff.verify.done": "Ó ti parí: a ti sàmì sí {code} pé a ti fún wọn. Kí ló kàn?",
  "staff.verify.failed":
    "N kò lè sàmì sí i: {reason, select, pin_required {Kọ́kọ́ tẹ PIN rẹ.} not_found {Kò sí ẹ̀bùn tó ní kóòdù yẹn.} already_fulfilled {A ti lo kóòdù yẹn tẹ́lẹ̀.} cancelled {A ti fagi lé ẹ̀bùn yẹn.} other {A kò lè lo kóòdù yẹn.}}",

  "platform.stranger":
    "Ẹ n lẹ́ o! 👋 Láti dara pọ̀ mọ́ ètò ẹ̀san, sẹ́kánì QR kóòdù ṣọ́ọ̀bù rẹ, tàbí fi JOIN àti kóòdù wọn ránṣẹ́ (fún àpẹẹrẹ: JOIN MAMAPUT).\nṢé o ní iṣẹ́ ajé? Fi REGISTER ránṣẹ́ láti bẹ̀rẹ̀ ètò ẹ̀san fún un.",
  "platform.slowDown":
    "Ò ń fi ọ̀rọ̀ ránṣẹ́ yára ju bí a ṣe lè dáhùn lọ. Jọ̀wọ́ dúró fún ìṣẹ́jú kan, lẹ́yìn náà fi ọ̀rọ̀ rẹ ránṣẹ́ lẹ́ẹ̀kan sí i.",
  "platform.unknownVendor":
    'Má bínú, kò sí ṣọ́ọ̀bù tó ní kóòdù "{code}". Wo kóòdù náà lórí pósítà QR ṣọ́ọ̀bù náà kí o tún fi JOIN <code> ránṣẹ́.',
  "platform.joinWithoutCode": "Fi JOIN àti kóòdù ṣọ́ọ̀bù náà ránṣẹ́, fún àpẹẹrẹ: JOIN MAMAPUT.",
  "platform.paused": "Ètò ẹ̀san {vendor} dúró fún ìgbà díẹ̀. Jọ̀ọ́ padà wá nígbà míì tàbí bá ṣọ́ọ̀bù náà sọ̀rọ̀.",
  "platform.pausedUnnamed": "Ètò ẹ̀san ṣọ́ọ̀bù yìí dúró fún ìgbà díẹ̀. Jọ̀ọ́ padà wá nígbà míì tàbí bá ṣọ́ọ̀bù náà sọ̀rọ̀.",
  "platform.blocked": "A ti dá ọmọ ẹgbẹ́ rẹ ní {vendor} dúró. Jọ̀ọ́ bá ṣọ́ọ̀bù náà sọ̀rọ̀.",
  "platform.programFull": "Má bínú, ètò ẹ̀san {vendor} ti kún báyìí. Jọ̀ọ́ béèrè lọ́wọ́ ṣọ́ọ̀bù náà.",
  "platform.staffUnknown":
    "A kò tíì ṣètò nọ́ńbà yìí gẹ́gẹ́ bí òṣìṣẹ́. Sọ fún ẹni tó ni ṣọ́ọ̀bù kí ó fi nọ́ńbà fóònù àti PIN rẹ kún un.",
  "platform.staffSessionEnded": "Ìpàdé òṣìṣẹ́ rẹ ti parí. Fi STAFF ránṣẹ́ láti bẹ̀rẹ̀ tuntun.",
  "platform.pinLocked": "PIN tí kò tọ̀nà ti pọ̀ jù. A ti ti ìjíròrò òṣìṣẹ́ títí di {time}.",
  "platform.somethingWentWrong":
    "Má bínú, nǹkan kan ṣàṣìṣe pẹ̀lú ọ̀rọ̀ tí o fi ránṣẹ́ kẹ́yìn. Jọ̀ọ́ tún fi ránṣẹ́, tàbí fi MENU ránṣẹ́.",
  ...ownerYo,
  ...signupYo,
  ...claimsYo,
  ...lifecycleYo,
  ...billingYo,
};
