import type { ownerEn } from "../en/owner.ts";
import type { Translation } from "../translation.ts";

/**
 * Group `owner.` in Yorùbá: same keys and placeholders as ../en/owner.ts.
 * AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday words, with tone marks.
 */
export const ownerYo: Translation<typeof ownerEn> = {
  "owner.askPin": "Ọ̀gá {vendor}: tẹ PIN rẹ.",
  "owner.pin.format": "PIN rẹ jẹ́ nọ́ńbà 4 sí 6, fún àpẹẹrẹ 1234. Tẹ PIN rẹ:",
  "owner.pin.wrong": "PIN yẹn kò tọ̀nà. Àǹfààní {attempts, number} ló kù. Tẹ PIN rẹ:",
  "owner.pin.lockedFor": "PIN tí kò tọ̀nà ti pọ̀ jù. A ti ti ìjíròrò ọ̀gá; tún gbìyànjú lẹ́yìn ìṣẹ́jú {minutes, number}.",
  "owner.pin.lockedLater": "PIN tí kò tọ̀nà ti pọ̀ jù. A ti ti ìjíròrò ọ̀gá; tún gbìyànjú nígbà míì.",
  "owner.pin.lockedUntil": "PIN tí kò tọ̀nà ti pọ̀ jù. A ti ti ìjíròrò ọ̀gá títí di {time}.",
  "owner.pin.startAgain": "Ẹ jẹ́ ká tún bẹ̀rẹ̀. Fi OWNER ránṣẹ́ tí o bá ti ṣe tán.",
  "owner.pin.cancelled": "A ti fagilé e. Fi OWNER ránṣẹ́ láti tún bẹ̀rẹ̀.",
  "owner.signedIn": "Ẹ n lẹ́ o {name}, o ti wọ ipò ọ̀gá (yóò parí ní ìṣẹ́jú 10 lẹ́yìn ọ̀rọ̀ rẹ tó kẹ́yìn). Kí lo fẹ́ ṣe?",
  "owner.signedInNoName": "Ẹ n lẹ́ o, o ti wọ ipò ọ̀gá (yóò parí ní ìṣẹ́jú 10 lẹ́yìn ọ̀rọ̀ rẹ tó kẹ́yìn). Kí lo fẹ́ ṣe?",

  "owner.menu.hint":
    "O tún lè tẹ: ADD REWARD <points> <name>, PAUSE REWARD <n>, RATE <points per ₦100>, ADD STAFF <phone> <name>, REMOVE STAFF <n>, BROADCAST <message>, CLAIMS.",
  "owner.menu.button": "Àṣàyàn ọ̀gá",
  "owner.menu.today.title": "Òní",
  "owner.menu.today.description": "Ọjà tí wọ́n rà, pọ́ìǹtì àti oníbàárà tuntun lónìí àti lọ́sẹ̀ yìí",
  "owner.menu.rewards.title": "Ẹ̀bùn",
  "owner.menu.rewards.description": "Àwọn ẹ̀bùn rẹ, pẹ̀lú nọ́ńbà",
  "owner.menu.staff.title": "Òṣìṣẹ́",
  "owner.menu.staff.description": "Àwọn òṣìṣẹ́ rẹ, pẹ̀lú nọ́ńbà",
  "owner.menu.void.title": "Fagilé ọjà kan",
  "owner.menu.void.description": "Fagilé ọ̀kan nínú ọjà mẹ́wàá tó kẹ́yìn",
  "owner.menu.broadcast.title": "Ìkéde",
  "owner.menu.broadcast.description": "Fi ọ̀rọ̀ ránṣẹ́ sí àwọn oníbàárà rẹ",
  "owner.menu.rate.title": "Ìwọ̀n pọ́ìǹtì",
  "owner.menu.rate.description": "Pọ́ìǹtì fún ₦100 kọ̀ọ̀kan tí wọ́n ná",
  "owner.menu.qr.title": "Kóòdù QR",
  "owner.menu.qr.description": "Líǹkì ìdarapọ̀ rẹ àti pósítà",
  "owner.menu.plan.title": "Ètò",
  "owner.menu.plan.description": "Ètò rẹ àti ohun tí o ti lò",
  "owner.menu.login.title": "Líǹkì dashboard",
  "owner.menu.login.description": "Wọlé sí dashboard orí wẹ́ẹ̀bù",
  "owner.menu.exit.title": "Jáde ní ipò ọ̀gá",
  "owner.menu.exit.description": "Padà sí àṣàyàn oníbàárà",
  "owner.whatNext": "Kí ló kàn?",
  "owner.notUnderstood": "Má bínú, kò yé mi.",
  "owner.nonText": "Ọ̀rọ̀ tí a kọ nìkan ni mo lè kà.",
  "owner.sessionEnded": "Ìgbà ọ̀gá rẹ ti parí. Fi OWNER ránṣẹ́ láti tún bẹ̀rẹ̀.",
  "owner.exited": "Ipò ọ̀gá ti parí. Fi MENU ránṣẹ́ fún àṣàyàn oníbàárà, tàbí OWNER láti padà wá.",

  "owner.today": "Òní: {today}\nỌjọ́ 7 tó kọjá: {week}",
  "owner.today.period":
    "ọjà {purchases, number}, {amount}, pọ́ìǹtì {points, number} tí a fún wọn, oníbàárà tuntun {customers, number}, ẹ̀bùn {redemptions, number} tí wọ́n gbà.",

  "owner.rewards.none": "O kò tíì ní ẹ̀bùn kankan. Fi ọ̀kan kún un: ADD REWARD 500 Free drink",
  "owner.rewards.title": "Àwọn ẹ̀bùn rẹ:",
  "owner.rewards.line": "{number}. {reward}: pọ́ìǹtì {points, number}",
  "owner.rewards.linePaused": "{number}. {reward}: pọ́ìǹtì {points, number} (a dá a dúró)",
  "owner.rewards.hint": "PAUSE REWARD <n> yóò dá ọ̀kan dúró; ADD REWARD <points> <name> yóò fi ọ̀kan kún un.",
  "owner.rewards.addHelp": "Fi ADD REWARD, pọ́ìǹtì àti orúkọ ránṣẹ́, fún àpẹẹrẹ: ADD REWARD 500 Free drink",
  "owner.rewards.added":
    "A ti fi kún un: {reward} fún pọ́ìǹtì {points, number}. Àwọn oníbàárà yóò rí i ní REWARDS báyìí.",
  "owner.rewards.pauseHelp": "Fi PAUSE REWARD àti nọ́ńbà rẹ̀ láti REWARDS ránṣẹ́, fún àpẹẹrẹ: PAUSE REWARD 2",
  "owner.rewards.paused": "A ti dá a dúró: {reward}. Àwọn oníbàárà kò ní rí i mọ́.",

  "owner.rate.help": "Fi RATE àti pọ́ìǹtì fún ₦100 kọ̀ọ̀kan ránṣẹ́, fún àpẹẹrẹ: RATE 2",
  "owner.rate.confirm":
    "Ṣé kí n yí i padà sí pọ́ìǹtì {points, number} fún ₦100 kọ̀ọ̀kan, fún gbogbo ọjà láti ìsinsìnyí lọ? YES / NO",
  "owner.rate.set": "Ó ti parí: àwọn oníbàárà yóò máa gba pọ́ìǹtì {points, number} fún ₦100 kọ̀ọ̀kan.",
  "owner.rate.changed":
    "Ó ti parí: àwọn oníbàárà yóò máa gba pọ́ìǹtì {points, number} fún ₦100 kọ̀ọ̀kan (tẹ́lẹ̀ ó jẹ́ {previous, number}).",
  "owner.rate.notChanged": "A kò yí i padà.",

  "owner.staff.addHelp": "Fi ADD STAFF, nọ́ńbà fóònù àti orúkọ wọn ránṣẹ́, fún àpẹẹrẹ: ADD STAFF 0803 123 4567 Tunde",
  "owner.staff.added":
    "A ti fi {name} ({phone}) kún òṣìṣẹ́. A ti sọ fún wọn pé kí wọ́n fi STAFF ránṣẹ́ sí nọ́ńbà yìí láti yan PIN wọn.",
  "owner.staff.none": "O kò tíì ní òṣìṣẹ́ kankan. Fi ẹnìkan kún un: ADD STAFF 0803 123 4567 Tunde",
  "owner.staff.title": "Àwọn òṣìṣẹ́ rẹ:",
  "owner.staff.line": "{number}. {name} ({phone})",
  "owner.staff.lineNoPin": "{number}. {name} ({phone}), kò tíì yan PIN",
  "owner.staff.lineAdmin": "{number}. {name} ({phone}), alábòójútó",
  "owner.staff.lineAdminNoPin": "{number}. {name} ({phone}), alábòójútó, kò tíì yan PIN",
  "owner.staff.noPhone": "kò sí fóònù",
  "owner.staff.hint": "REMOVE STAFF <n> yóò yọ ọ̀kan kúrò lẹ́sẹ̀kẹsẹ̀.",
  "owner.staff.removeHelp": "Fi REMOVE STAFF àti nọ́ńbà wọn láti STAFF LIST ránṣẹ́, fún àpẹẹrẹ: REMOVE STAFF 2",
  "owner.staff.removed": "A ti yọ {name} kúrò: wọn kò lè lo ìjíròrò òṣìṣẹ́ tàbí dashboard mọ́.",

  "owner.broadcast.help": "Fi BROADCAST àti ọ̀rọ̀ rẹ ránṣẹ́, fún àpẹẹrẹ: BROADCAST Double points this Saturday!",
  "owner.broadcast.confirm":
    "Èyí yóò lọ sí oníbàárà {audience, number} tó ń gba ìpolówó. Ètò rẹ gbà {limit, number} lóṣù, o sì ti fi {used, number} ránṣẹ́. Ṣé kí n fi ránṣẹ́ báyìí? YES / NO",
  "owner.broadcast.confirmNoLimit":
    "Èyí yóò lọ sí oníbàárà {audience, number} tó ń gba ìpolówó. O ti fi ìkéde {used, number} ránṣẹ́ lóṣù yìí; ètò rẹ kò ní òpin. Ṣé kí n fi ránṣẹ́ báyìí? YES / NO",
  "owner.broadcast.confirmAgain": "Jọ̀ọ́ fi YES dáhùn kí n fi ránṣẹ́, tàbí NO.",
  "owner.broadcast.noAudience": "Kò sí oníbàárà tó ń gba ìpolówó síbẹ̀, nítorí náà kò sí ẹni tí a lè fi ránṣẹ́ sí.",
  "owner.broadcast.sent": "Mo ń fi ránṣẹ́ sí oníbàárà {audience, number} báyìí.",
  "owner.broadcast.notSent": "A kò fi ránṣẹ́.",

  "owner.void.none": "Kò sí ọjà kankan láti fagilé.",
  "owner.void.choose": "Ọjà wo ni kí n fagilé? Fi nọ́ńbà rẹ̀ dáhùn.",
  "owner.void.button": "Àwọn ọjà",
  "owner.void.rowTitle": "{number}. {amount} {phone}",
  "owner.void.rowDescription": "{when}, pọ́ìǹtì {points, number}",
  "owner.void.rowDescriptionBy": "{when}, {name}, pọ́ìǹtì {points, number}",
  "owner.void.pick": "Fi nọ́ńbà láti 1 sí {count} dáhùn, tàbí CANCEL.",
  "owner.void.confirm":
    "Ṣé kí n fagilé {amount} fún {phone} ({when})? A ó gba pọ́ìǹtì {points, number} rẹ̀ padà. YES / NO",
  "owner.void.confirmBy":
    "Ṣé kí n fagilé {amount} fún {phone} ({when}, láti ọwọ́ {name})? A ó gba pọ́ìǹtì {points, number} rẹ̀ padà. YES / NO",
  "owner.void.done":
    "A ti fagilé {amount} fún {phone}: a gba pọ́ìǹtì {points, number} padà. Pọ́ìǹtì wọn jẹ́ {balance, number} báyìí; a ti sọ fún wọn.",
  "owner.void.doneShortfall":
    "A ti fagilé {amount} fún {phone}: a gba pọ́ìǹtì {points, number} padà; wọ́n ti ná {spent, number} tẹ́lẹ̀, a kò sì lè gbà á. Pọ́ìǹtì wọn jẹ́ {balance, number} báyìí; a ti sọ fún wọn.",
  "owner.void.notVoided": "A kò fagilé e.",

  "owner.qr": "Líǹkì ìdarapọ̀ rẹ (pín in, tàbí tẹ pósítà QR tó ń bọ̀ jáde): {link}",
  "owner.posterCaption": "Pósítà QR rẹ: tẹ̀ ẹ́ jáde ní A5 kí o sì gbé e síbi tí àwọn oníbàárà ti ń sanwó. Kóòdù: {code}",
  "owner.plan.header":
    "Ètò: {plan} ({status, select, trial {ìdánwò ọ̀fẹ́} active {ó ń ṣiṣẹ́} suspended {a dá a dúró} cancelled {a fagilé e} other {{status}}}).",
  "owner.plan.headerUntil":
    "Ètò: {plan} ({status, select, trial {ìdánwò ọ̀fẹ́} active {ó ń ṣiṣẹ́} suspended {a dá a dúró} cancelled {a fagilé e} other {{status}}}), títí di {date}.",
  "owner.plan.line": "{label}: {used, number} nínú {limit, number}",
  "owner.plan.lineNoLimit": "{label}: {used, number} (kò ní òpin)",
  "owner.plan.label.customers": "Oníbàárà",
  "owner.plan.label.staff": "Òṣìṣẹ́",
  "owner.plan.label.broadcasts": "Ìkéde lóṣù yìí",
  "owner.plan.label.purchases": "Ọjà tí wọ́n rà lóṣù yìí",
  "owner.plan.payLink": "Sanwó tàbí gbé ètò rẹ ga: {link}",
  "owner.loginLink": "Líǹkì ìwọlé dashboard rẹ, ó wúlò fún ìṣẹ́jú 10 àti ẹ̀ẹ̀kan ṣoṣo: {link}\nMá ṣe pín in.",

  "owner.failed": "Kò ṣiṣẹ́: {reason}",
  "owner.failed.notSignedIn": "Kọ́kọ́ tẹ PIN rẹ.",
  "owner.failed.noSuchReward": "Kò sí ẹ̀bùn nọ́ńbà {number}. Fi REWARDS ránṣẹ́ láti rí àkọsílẹ̀.",
  "owner.failed.noSuchStaff": "Kò sí òṣìṣẹ́ nọ́ńbà {number}. Fi STAFF LIST ránṣẹ́ láti rí àkọsílẹ̀.",
  "owner.failed.staffLimit": "Iye òṣìṣẹ́ tí ètò rẹ gbà ti pé. Fi PLAN ránṣẹ́ láti rí ètò rẹ.",
  "owner.failed.staffTaken": "Nọ́ńbà fóònù yẹn ti wà nínú àkọsílẹ̀ òṣìṣẹ́ rẹ.",
  "owner.failed.alreadyVoided": "A ti fagilé ọjà yẹn tẹ́lẹ̀.",
  "owner.failed.purchaseGone": "A kò rí ọjà yẹn mọ́.",
  "owner.failed.rateNotSaved": "A kò lè fi ìwọ̀n náà pamọ́. Fi RATE àti nọ́ńbà tó ju òdo lọ ránṣẹ́, fún àpẹẹrẹ: RATE 2",
  "owner.failed.broadcastLimit":
    "Ètò rẹ gbà ìkéde {limit, number} lóṣù, a sì ti fi {used, number} ránṣẹ́ lóṣù yìí. Gbé ètò rẹ ga láti fi púpọ̀ sí i ránṣẹ́.",
  "owner.failed.broadcastInvalid": "Ìkéde gbọ́dọ̀ ní ọ̀rọ̀ tó jẹ́ lẹ́tà 1 sí {count, number}.",
  "owner.failed.broadcastNotSent": "Ìkéde náà kò lè bẹ̀rẹ̀. Jọ̀ọ́ tún gbìyànjú.",
  "owner.paused":
    "A ti dá ètò rẹ dúró, nítorí náà o kò lè yí nǹkan padà báyìí. TODAY, REWARDS, STAFF LIST, QR, PLAN àti LOGIN ṣì ń ṣiṣẹ́.",

  "owner.notOwner":
    "Nọ́ńbà yìí kì í ṣe ti ọ̀gá òwò kankan níbí. Tí o bá ní òwò, fi REGISTER ránṣẹ́ láti bẹ̀rẹ̀ ètò ìdúróṣinṣin; tí o bá ń ṣiṣẹ́ fún ọ̀kan, fi STAFF ránṣẹ́.",
  "owner.chooseBusiness": "O ní ju òwò kan lọ. Fi OWNER àti kóòdù rẹ̀ ránṣẹ́: {list}",
  "owner.chooseBusiness.item": "{vendor} ({code})",

  "owner.notice.staffInvite":
    "A ti fi ọ́ kún òṣìṣẹ́ {vendor}. Fi STAFF ránṣẹ́ síbí láti yan PIN òṣìṣẹ́ rẹ, lẹ́yìn náà kọ ọjà sílẹ̀ pẹ̀lú LOG <phone> <amount>.",
  "owner.notice.purchaseVoided":
    "A ti fagilé ọjà {amount} kan ní {vendor}. A gba pọ́ìǹtì {points, number} rẹ̀ padà. Pọ́ìǹtì rẹ jẹ́ {balance, number} báyìí.",
  "owner.notice.purchaseVoidedNoPoints":
    "A ti fagilé ọjà {amount} kan ní {vendor}. Pọ́ìǹtì rẹ jẹ́ {balance, number} báyìí.",
};
