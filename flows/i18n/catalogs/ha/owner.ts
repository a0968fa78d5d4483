import type { ownerEn } from "../en/owner.ts";
import type { Translation } from "../translation.ts";

/**
 * Group `owner.` in Hausa: same keys and placeholders as ../en/owner.ts.
 * AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday words.
 */
export const ownerHa: Translation<typeof ownerEn> = {
  "owner.askPin": "Mai {vendor}: shigar da PIN ɗinka.",
  "owner.pin.format": "PIN ɗinka lambobi 4 zuwa 6 ne, misali 1234. Shigar da PIN ɗinka:",
  "owner.pin.wrong": "Wannan PIN ɗin ba daidai ba ne. Saura dama {attempts, number}. Shigar da PIN ɗinka:",
  "owner.pin.lockedFor":
    "PIN mara kyau sun yi yawa. An kulle hirar mai shago; sake gwadawa bayan minti {minutes, number}.",
  "owner.pin.lockedLater": "PIN mara kyau sun yi yawa. An kulle hirar mai shago; sake gwadawa anjima.",
  "owner.pin.lockedUntil": "PIN mara kyau sun yi yawa. An kulle hirar mai shago har {time}.",
  "owner.pin.startAgain": "Mu sake farawa. Aika OWNER idan ka shirya.",
  "owner.pin.cancelled": "An soke. Aika OWNER don sake farawa.",
  "owner.signedIn":
    "Sannu {name}, kana cikin yanayin mai shago (zai ƙare minti 10 bayan saƙonka na ƙarshe). Me kake so ka yi?",
  "owner.signedInNoName":
    "Sannu, kana cikin yanayin mai shago (zai ƙare minti 10 bayan saƙonka na ƙarshe). Me kake so ka yi?",

  "owner.menu.hint":
    "Kana iya rubuta: ADD REWARD <points> <name>, PAUSE REWARD <n>, RATE <points per ₦100>, ADD STAFF <phone> <name>, REMOVE STAFF <n>, BROADCAST <message>, CLAIMS.",
  "owner.menu.button": "Menu na mai shago",
  "owner.menu.today.title": "Yau",
  "owner.menu.today.description": "Sayayya, maki da sababbin kwastomomi yau da wannan makon",
  "owner.menu.rewards.title": "Kyaututtuka",
  "owner.menu.rewards.description": "Kyaututtukanka, da lambobi",
  "owner.menu.staff.title": "Ma'aikata",
  "owner.menu.staff.description": "Ma'aikatanka, da lambobi",
  "owner.menu.void.title": "Soke sayayya",
  "owner.menu.void.description": "Soke ɗaya daga cikin sayayya goma na ƙarshe",
  "owner.menu.broadcast.title": "Sanarwa",
  "owner.menu.broadcast.description": "Aika saƙo ga kwastomominka",
  "owner.menu.rate.title": "Yawan maki",
  "owner.menu.rate.description": "Maki a kan kowane ₦100 da aka kashe",
  "owner.menu.qr.title": "Lambar QR",
  "owner.menu.qr.description": "Mahaɗin shiga da fosta",
  "owner.menu.plan.title": "Tsari",
  "owner.menu.plan.description": "Tsarinka da abin da ka yi amfani da shi",
  "owner.menu.login.title": "Mahaɗin dashboard",
  "owner.menu.login.description": "Shiga dashboard na yanar gizo",
  "owner.menu.exit.title": "Fita daga mai shago",
  "owner.menu.exit.description": "Koma menu na kwastoma",
  "owner.whatNext": "Me ke gaba?",
  "owner.notUnderstood": "Yi haƙuri, ban gane ba.",
  "owner.nonText": "Saƙon rubutu kawai nake iya karantawa.",
  "owner.sessionEnded": "Lokacin mai shago ya ƙare. Aika OWNER don sake farawa.",
  "owner.exited": "Yanayin mai shago ya ƙare. Aika MENU don menu na kwastoma, ko OWNER don dawowa.",

  "owner.today": "Yau: {today}\nKwanaki 7 da suka wuce: {week}",
  "owner.today.period":
    "sayayya {purchases, number}, {amount}, maki {points, number} da aka bayar, sababbin kwastomomi {customers, number}, kyaututtuka {redemptions, number} da aka karɓa.",

  "owner.rewards.none": "Ba ka da kyauta tukuna. Ƙara ɗaya: ADD REWARD 500 Free drink",
  "owner.rewards.title": "Kyaututtukanka:",
  "owner.rewards.line": "{number}. {reward}: maki {points, number}",
  "owner.rewards.linePaused": "{number}. {reward}: maki {points, number} (an dakatar)",
  "owner.rewards.hint": "PAUSE REWARD <n> na dakatar da ɗaya; ADD REWARD <points> <name> na ƙara ɗaya.",
  "owner.rewards.addHelp": "Aika ADD REWARD, maki da suna, misali: ADD REWARD 500 Free drink",
  "owner.rewards.added": "An ƙara: {reward} a kan maki {points, number}. Kwastomomi za su gan ta a REWARDS yanzu.",
  "owner.rewards.pauseHelp": "Aika PAUSE REWARD da lambarta daga REWARDS, misali: PAUSE REWARD 2",
  "owner.rewards.paused": "An dakatar: {reward}. Kwastomomi ba za su ƙara ganin ta ba.",

  "owner.rate.help": "Aika RATE da maki a kan kowane ₦100, misali: RATE 2",
  "owner.rate.confirm": "Canza zuwa maki {points, number} a kan kowane ₦100, ga duk sayayya daga yanzu? YES / NO",
  "owner.rate.set": "An gama: kwastomomi za su riƙa samun maki {points, number} a kan kowane ₦100.",
  "owner.rate.changed":
    "An gama: kwastomomi za su riƙa samun maki {points, number} a kan kowane ₦100 (a da {previous, number} ne).",
  "owner.rate.notChanged": "Ba a canza ba.",

  "owner.staff.addHelp": "Aika ADD STAFF, lambar wayarsu da sunansu, misali: ADD STAFF 0803 123 4567 Tunde",
  "owner.staff.added":
    "An ƙara {name} ({phone}) a matsayin ma'aikaci. An gaya masa ya aika STAFF zuwa wannan lamba don zaɓar PIN.",
  "owner.staff.none": "Ba ka da ma'aikata tukuna. Ƙara wani: ADD STAFF 0803 123 4567 Tunde",
  "owner.staff.title": "Ma'aikatanka:",
  "owner.staff.line": "{number}. {name} ({phone})",
  "owner.staff.lineNoPin": "{number}. {name} ({phone}), bai zaɓi PIN ba tukuna",
  "owner.staff.lineAdmin": "{number}. {name} ({phone}), mai kula",
  "owner.staff.lineAdminNoPin": "{number}. {name} ({phone}), mai kula, bai zaɓi PIN ba tukuna",
  "owner.staff.noPhone": "babu waya",
  "owner.staff.hint": "REMOVE STAFF <n> na cire ɗaya nan take.",
  "owner.staff.removeHelp": "Aika REMOVE STAFF da lambarsu daga STAFF LIST, misali: REMOVE STAFF 2",
  "owner.staff.removed": "An cire {name}: ba zai iya amfani da hirar ma'aikata ko dashboard ba kuma.",

  "owner.broadcast.help": "Aika BROADCAST tare da saƙonka, misali: BROADCAST Double points this Saturday!",
  "owner.broadcast.confirm":
    "Wannan zai je ga kwastomomi {audience, number} da ke karɓar tayi. Tsarinka ya ba da {limit, number} a wata kuma ka aika {used, number}. A aika yanzu? YES / NO",
  "owner.broadcast.confirmNoLimit":
    "Wannan zai je ga kwastomomi {audience, number} da ke karɓar tayi. Ka aika sanarwa {used, number} a wannan watan; tsarinka ba shi da iyaka. A aika yanzu? YES / NO",
  "owner.broadcast.confirmAgain": "Don Allah amsa YES don a aika, ko NO.",
  "owner.broadcast.noAudience": "Babu kwastoma da ke karɓar tayi tukuna, don haka babu wanda za a aika wa.",
  "owner.broadcast.sent": "Ana aikawa ga kwastomomi {audience, number} yanzu.",
  "owner.broadcast.notSent": "Ba a aika ba.",

  "owner.void.none": "Babu sayayya da za a soke.",
  "owner.void.choose": "Wace sayayya za a soke? Amsa da lambarta.",
  "owner.void.button": "Sayayya",
  "owner.void.rowTitle": "{number}. {amount} {phone}",
  "owner.void.rowDescription": "{when}, maki {points, number}",
  "owner.void.rowDescriptionBy": "{when}, {name}, maki {points, number}",
  "owner.void.pick": "Amsa da lamba daga 1 zuwa {count}, ko CANCEL.",
  "owner.void.confirm": "A soke {amount} na {phone} ({when})? Za a karɓe makinta {points, number}. YES / NO",
  "owner.void.confirmBy":
    "A soke {amount} na {phone} ({when}, ta hannun {name})? Za a karɓe makinta {points, number}. YES / NO",
  "owner.void.done":
    "An soke {amount} na {phone}: an karɓe maki {points, number}. Makinsu yanzu {balance, number}; an sanar da su.",
  "owner.void.doneShortfall":
    "An soke {amount} na {phone}: an karɓe maki {points, number}; sun riga sun kashe {spent, number} da ba za a iya karɓa ba. Makinsu yanzu {balance, number}; an sanar da su.",
  "owner.void.notVoided": "Ba a soke ba.",

  "owner.qr": "Mahaɗin shigarka (raba shi, ko buga fostar QR da ke zuwa): {link}",
  "owner.posterCaption": "Fostar QR ɗinka: buga ta a A5 ka sa ta inda kwastomomi ke biya. Lamba: {code}",
  "owner.plan.header":
    "Tsari: {plan} ({status, select, trial {gwaji kyauta} active {yana aiki} suspended {an dakatar} cancelled {an soke} other {{status}}}).",
  "owner.plan.headerUntil":
    "Tsari: {plan} ({status, select, trial {gwaji kyauta} active {yana aiki} suspended {an dakatar} cancelled {an soke} other {{status}}}), har {date}.",
  "owner.plan.line": "{label}: {used, number} cikin {limit, number}",
  "owner.plan.lineNoLimit": "{label}: {used, number} (babu iyaka)",
  "owner.plan.label.customers": "Kwastomomi",
  "owner.plan.label.staff": "Ma'aikata",
  "owner.plan.label.broadcasts": "Sanarwa a wannan watan",
  "owner.plan.label.purchases": "Sayayya a wannan watan",
  "owner.plan.payLink": "Biya ko ƙara tsari: {link}",
  "owner.loginLink": "Mahaɗin shiga dashboard ɗinka, yana aiki minti 10 kuma sau ɗaya kawai: {link}\nKada ka raba shi.",

  "owner.failed": "Bai yi aiki ba: {reason}",
  "owner.failed.notSignedIn": "Shigar da PIN ɗinka tukuna.",
  "owner.failed.noSuchReward": "Babu kyauta mai lamba {number}. Aika REWARDS don ganin jerin.",
  "owner.failed.noSuchStaff": "Babu ma'aikaci mai lamba {number}. Aika STAFF LIST don ganin jerin.",
  "owner.failed.staffLimit": "Iyakar ma'aikata na tsarinka ta cika. Aika PLAN don ganin tsarinka.",
  "owner.failed.staffTaken": "Wannan lambar waya tana cikin jerin ma'aikatanka riga.",
  "owner.failed.alreadyVoided": "An riga an soke wannan sayayya.",
  "owner.failed.purchaseGone": "Ba a sake samun wannan sayayya ba.",
  "owner.failed.rateNotSaved": "Ba a iya ajiye yawan makin ba. Aika RATE da lamba sama da sifili, misali: RATE 2",
  "owner.failed.broadcastLimit":
    "Tsarinka ya ba da sanarwa {limit, number} a wata kuma an aika {used, number} a wannan watan. Ƙara tsarinka don aika ƙari.",
  "owner.failed.broadcastInvalid": "Sanarwa na buƙatar saƙo mai haruffa 1 zuwa {count, number}.",
  "owner.failed.broadcastNotSent": "Ba a iya fara sanarwar ba. Don Allah sake gwadawa.",
  "owner.paused":
    "An dakatar da shirinka, don haka ba za a iya canza komai yanzu ba. TODAY, REWARDS, STAFF LIST, QR, PLAN da LOGIN suna aiki har yanzu.",

  "owner.notOwner":
    "Wannan lamba ba ta mai wani kasuwanci ba ce a nan. Idan kana da kasuwanci, aika REGISTER don fara shirin aminci; idan kana aiki a ɗaya, aika STAFF.",
  "owner.chooseBusiness": "Kana da kasuwanci fiye da ɗaya. Aika OWNER da lambarsa: {list}",
  "owner.chooseBusiness.item": "{vendor} ({code})",

  "owner.notice.staffInvite":
    "An ƙara ka a matsayin ma'aikaci a {vendor}. Aika STAFF a nan don zaɓar PIN ɗinka, sannan ka rubuta sayayya da LOG <phone> <amount>.",
  "owner.notice.purchaseVoided":
    "An soke wata sayayya ta {amount} a {vendor}. An karɓe maki {points, number} daga cikinta. Makinka yanzu {balance, number}.",
  "owner.notice.purchaseVoidedNoPoints":
    "An soke wata sayayya ta {amount} a {vendor}. Makinka yanzu {balance, number}.",
};
