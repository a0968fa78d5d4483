import type { Catalog } from "../catalog.ts";
import { ownerHa } from "./ha/owner.ts";
import { signupHa } from "./ha/signup.ts";
import { claimsHa } from "./ha/claims.ts";
import { lifecycleHa } from "./ha/lifecycle.ts";
import { billingHa } from "./ha/billing.ts";

/**
 * Hausa. AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday words, with the
 * hooked letters (ɓ ɗ ƙ) Hausa uses; people may type plain b d k and commands are read either
 * way. Same keys and placeholders as en.ts; command words (BALANCE, YES …) stay in capitals.
 */
export const ha: Catalog = {
  "common.yes": "Eh",
  "common.no": "A'a",
  "common.choose": "Zaɓi",
  "common.more": "Ƙari…",
  "common.page": "Shafi {page} cikin {pages}",
  "common.didYouMean": "Ko ɗaya daga cikin waɗannan kake nufi? Taɓa ɗaya, ko ka aika MENU don ganin komai.",

  "language.prompt": "Wane harshe zan yi amfani da shi? Za ka iya canza shi kowane lokaci: aika LANGUAGE.",
  "language.button": "Harshe",
  "language.changed": "To, daga yanzu zan riƙa magana da Hausa.",
  "language.unknown": "Ban san wannan harshen ba tukuna. Zaɓi ɗaya: English, Pidgin, Yoruba, Hausa ko Igbo.",
  "language.name.en": "Turanci",
  "language.name.pcm": "Pidgin na Najeriya",
  "language.name.yo": "Yarbanci",
  "language.name.ha": "Hausa",
  "language.name.ig": "Igbo",

  "customer.menu.prompt": "Me kake so ka yi?",
  "customer.menu.button": "Zaɓuɓɓuka",
  "customer.menu.cancelled": "To, an soke. Me kake so ka yi?",
  "customer.menu.notUnderstood": "Yi haƙuri, ban gane ba. Zaɓi ɗaya, ko ka rubuta kalma kamar BALANCE ko REWARDS.",
  "customer.menu.nonText": "Saƙon rubutu kaɗai nake iya karantawa. Ga abin da zan iya yi:",
  "customer.menu.startAgain": "Mu sake farawa. Me kake so ka yi?",
  "customer.menu.balance.title": "Makina",
  "customer.menu.balance.description": "Makinka da lokacin da za su ƙare",
  "customer.menu.rewards.title": "Kyaututtuka",
  "customer.menu.rewards.description": "Kyaututtukan da makinka za su iya samu",
  "customer.menu.redeem.title": "Karɓi kyauta",
  "customer.menu.redeem.description": "Yi amfani da makinka, ka samu lamba don kanta",
  "customer.menu.history.title": "Tarihi",
  "customer.menu.history.description": "Abin da ya faru da makinka kwanan nan",
  "customer.menu.refer.title": "Gayyaci aboki",
  "customer.menu.refer.description": "Raba mahaɗinka ka samu maki",
  "customer.menu.vendors.title": "Shagunana",
  "customer.menu.vendors.description": "Duba ko canza shagunan da ka shiga",
  "customer.menu.stop.title": "Dakatar da talla",
  "customer.menu.stop.description": "Babu ƙarin saƙonnin talla",
  "customer.menu.start.title": "Karɓi talla",
  "customer.menu.start.description": "Sake karɓar saƙonnin talla",

  "customer.welcome.new": "Barka da zuwa shirin lada na {vendor}! Duk lokacin da ka saya, za ka samu maki.",
  "customer.welcome.back": "Barka da dawowa {vendor}!",

  "customer.balance.total": "Kana da maki {points, number}.",
  "customer.balance.expiring": "Maki {points, number} daga cikinsu za su ƙare a ranar {date}.",
  "customer.balance.hint": "Aika REWARDS don ganin abin da za ka iya samu.",

  "customer.rewards.none": "Babu kyauta tukuna. Ci gaba da tara maki!",
  "customer.rewards.canGetNow": "Kyaututtukan da za ka iya samu yanzu:",
  "customer.rewards.line": "{number}. {reward} (maki {points, number})",
  "customer.rewards.redeemHint": "Aika REDEEM don karɓar ɗaya.",
  "customer.rewards.notEnough": "Kana da maki {points, number}, ba su isa kowace kyauta ba tukuna.",
  "customer.rewards.aimFor": "Abin da za ka nema na gaba:",
  "customer.rewards.aimLine": "- {reward}: ƙarin maki {points, number}",
  "customer.rewards.button": "Kyaututtuka",
  "customer.rewards.rowPoints": "maki {points, number}",

  "customer.redeem.choose": "Wace kyauta kake so? Amsa da lambarta.",
  "customer.redeem.more": "Ƙarin kyaututtuka. Amsa da lamba.",
  "customer.redeem.retry": "Don Allah ka amsa da lambar kyauta, misali 1.",
  "customer.redeem.confirm": "Ka yi amfani da maki {points, number} don karɓar {reward}? YES / NO",
  "customer.redeem.confirmRetry":
    "Don Allah ka amsa YES ko NO. Ka yi amfani da maki {points, number} don karɓar {reward}? YES / NO",
  "customer.redeem.declined": "To, ba a karɓi komai ba. Me kake so ka yi?",
  "customer.redeem.done":
    "Nuna wannan lambar a kanta: {code}\n\n{reward}: an yi amfani da maki {points, number}. Saura maki {balance, number}.",
  "customer.redeem.failed.insufficient_points":
    "Makinka ba su isa wannan kyautar ba yanzu. Aika REWARDS don ganin abin da za ka iya samu.",
  "customer.redeem.failed.out_of_stock": "Yi haƙuri, wannan kyautar ta ƙare. Aika REWARDS don ganin sauran.",
  "customer.redeem.failed.limit_reached":
    "Ka riga ka karɓi wannan kyautar iyakar yawan da aka yarda. Aika REWARDS don ganin sauran.",
  "customer.redeem.failed.unavailable": "Yi haƙuri, wannan kyautar ba ta samuwa yanzu. Aika REWARDS don ganin sauran.",

  "customer.history.none": "Babu abin da ya faru da makinka tukuna. Sayi wani abu don fara samun maki!",
  "customer.history.title": "Makinka na kwanan nan:",
  "customer.history.line": "{date}: {points} ({cause})",
  "customer.history.type.earned": "maki da aka samu",
  "customer.history.type.redeemed": "kyautar da aka karɓa",
  "customer.history.type.expired": "makin da suka ƙare",
  "customer.history.type.adjusted": "gyara",
  "customer.history.type.reversed": "maidowa",
  "customer.history.type.other": "maki",

  "customer.refer.link":
    "Gayyaci abokanka, ka samu maki idan sun yi siyayya!\nRaba wannan mahaɗin: {link}\nLambar gayyatarka: {code}",

  "customer.vendors.none": "Ba ka shiga kowane shago ba tukuna. Duba lambar QR na shago, ko ka aika JOIN da lambarsu.",
  "customer.vendors.choose": "Shagunanka. Amsa da lamba don canzawa.",
  "customer.vendors.more": "Ƙarin shaguna. Amsa da lamba.",
  "customer.vendors.retry": "Don Allah ka amsa da lambar shago, misali 1.",
  "customer.vendors.line": "{number}. {vendor}",
  "customer.vendors.lineCurrent": "{number}. {vendor} (na yanzu)",
  "customer.vendors.current": "Da wannan kake magana yanzu",
  "customer.vendors.already": "Da wannan shagon kake magana tuni. Aika MENU don ganin abin da za ka iya yi.",
  "customer.vendors.switched": "Yanzu kana magana da {vendor}. Me kake so ka yi?",
  "customer.vendors.button": "Shaguna",

  "customer.offers.on": "Za ka sake samun tallace-tallacenmu. Aika STOP kowane lokaci don dakatar da su.",
  "customer.offers.off":
    "Ba za mu ƙara aika maka da talla ba. Har yanzu za ka iya duba makinka. Aika START don sake samun su.",

  "customer.pointsEarned":
    "🎉 Ka samu maki {points, number} a {vendor}. Yanzu kana da maki {balance, number}. Aika BALANCE ko REWARDS kowane lokaci.",

  "staff.start": "Ma'aikacin {vendor}: shigar da PIN ɗinka.",
  "staff.pin.choose":
    "Barka da zuwa hirar ma'aikatan {vendor}! Zaɓi PIN ɗinka: lambobi 4 zuwa 6, misali 4821. Za ka rubuta shi duk lokacin da ka aika STAFF.",
  "staff.pin.chooseRetry": "PIN lambobi ne 4 zuwa 6, misali 4821. Zaɓi PIN ɗinka:",
  "staff.pin.startAgain": "Mu sake farawa. Aika STAFF idan ka shirya.",
  "staff.pin.saved": "An ajiye PIN ɗinka. Sannu {name}, ka shiga. Me kuma?",
  "staff.pin.mismatch": "PIN biyun ba ɗaya ba ne. Sake zaɓar PIN ɗinka: lambobi 4 zuwa 6.",
  "staff.undo.none":
    "Babu abin da za a soke: za ka iya soke sayayyar da ka rubuta ta ƙarshe cikin minti 15. Ka roƙi mai shago ya soke tsohuwa.",
  "staff.undo.confirm": "A soke {amount} na {phone} (maki {points})? YES / NO",
  "staff.undo.confirmLast": "A soke sayayyarka ta ƙarshe? YES / NO",
  "staff.undo.retry": "Don Allah ka amsa YES ko NO.",
  "staff.undo.notUndone": "Ba a soke ba. Me kuma?",
  "staff.undo.notUndoneAgain": "Ba a soke ba. Mu sake farawa. Me kuma?",
  "staff.undo.done": "An soke: {amount} na {phone}. An karɓe maki {points}; an sanar da abokin ciniki.",
  "staff.undo.doneShortfall":
    "An soke: {amount} na {phone}. An karɓe maki {points} (an riga an kashe {spent}); an sanar da abokin ciniki.",
  "staff.undo.failed.signedOut": "Ba a iya sokewa ba: shigar da PIN ɗinka tukuna.",
  "staff.undo.failed.tooLate": "Ba a iya sokewa ba: minti 15 sun wuce, ko an riga an soke shi. Tambayi mai shago.",
  "staff.undo.failed.alreadyVoided": "Ba a iya sokewa ba: an riga an soke shi.",
  "staff.nonText": "Saƙon rubutu kaɗai nake iya karantawa.",
  "staff.menu.prompt": "Me ke gaba?",
  "staff.menu.log": "Rubuta siyayya",
  "staff.menu.verify": "Duba lamba",
  "staff.menu.exit": "Kammala aiki",
  "staff.menu.notUnderstood": "Yi haƙuri, ban gane ba. Misali: LOG {phone} 5000, ko VERIFY ABCD2345.",
  "staff.menu.cancelled": "An soke. Me ke gaba?",
  "staff.menu.startAgain": "Mu sake farawa. Me ke gaba?",
  "staff.signedIn": "Sannu {name}, ka shiga. Me ke gaba?",
  "staff.signedInNoName": "Sannu, ka shiga. Me ke gaba?",
  "staff.ended": "An kammala aikin ma'aikaci. Na gode!",
  "staff.sessionOver": "Zaman ma'aikacinka ya ƙare. Aika STAFF don sake farawa.",
  "staff.pin.cancelled": "An soke. Aika STAFF don sake farawa.",
  "staff.pin.format": "PIN ɗinka lambobi 4 zuwa 6 ne, misali 1234. Shigar da PIN ɗinka:",
  "staff.pin.giveUp": "Mu sake farawa. Aika STAFF idan ka shirya.",
  "staff.pin.wrong": "Wannan PIN ɗin ba daidai ba ne. Saura dama {attempts, number}. Shigar da PIN ɗinka:",
  "staff.pin.lockedFor":
    "PIN marasa kyau sun yi yawa. An kulle hirar ma'aikata; sake gwadawa bayan minti {minutes, number}.",
  "staff.pin.lockedLater": "PIN marasa kyau sun yi yawa. An kulle hirar ma'aikata; sake gwadawa daga baya.",
  "staff.log.askPhone": "Menene lambar wayar abokin ciniki? Misali {phone}",
  "staff.log.askAmount": "Nawa suka kashe, a naira? Misali 5000",
  "staff.log.unreadable": "Ban iya karanta wannan ba. Misali: LOG {phone} 5000",
  "staff.log.badPhone": "Wannan ba ya kama da lambar waya. Misali {phone}",
  "staff.log.badAmount": "Wannan ba ya kama da kuɗi. Misali 5000 ko ₦5,000.50",
  "staff.log.confirm": "In rubuta {amount} ga {customer} (+maki {points, number})? YES / NO",
  "staff.log.confirmRetry":
    "Don Allah ka amsa YES ko NO. In rubuta {amount} ga {customer} (+maki {points, number})? YES / NO",
  "staff.log.confirmGeneric": "In rubuta wannan siyayyar? YES / NO",
  "staff.log.newCustomer": "Wannan sabon abokin ciniki ne: za a shigar da shi kuma a sanar da shi.",
  "staff.log.declined": "Ba a rubuta ba. Me ke gaba?",
  "staff.log.declinedStartAgain": "Ba a rubuta ba. Mu sake farawa. Me ke gaba?",
  "staff.log.done":
    "An rubuta {amount} ga {customer}: +maki {points, number}, jimilla {balance, number}. Na gaba: LOG <phone> <amount>",
  "staff.log.cannot":
    "Ba za a iya rubuta wannan siyayyar ba: {reason, select, pin_required {Shigar da PIN ɗinka tukuna.} invalid_amount {Kuɗin ba daidai ba ne.} plan_limit {Shirin ya cika, ba za a iya ƙara wannan abokin ciniki ba.} customer_blocked {An dakatar da zama memban wannan abokin ciniki.} other {Don Allah a sake gwadawa.}}",
  "staff.log.failed":
    "Ba a rubuta ba: {reason, select, pin_required {Shigar da PIN ɗinka tukuna.} invalid_amount {Kuɗin ba daidai ba ne.} plan_limit {Shirin ya cika, ba za a iya ƙara wannan abokin ciniki ba.} customer_blocked {An dakatar da zama memban wannan abokin ciniki.} other {Don Allah a sake gwadawa.}}",
  "staff.verify.askCode": "Menene lambar karɓar kyautar? Misali ABCD2345",
  "staff.verify.badCode": "Wannan ba ya kama da lamba. Misali ABCD2345",
  "staff.verify.confirm": "Lamba {code}: {reward}. A ba da ita yanzu? YES / NO",
  "staff.verify.confirmFor": "Lamba {code}: {reward} ga {customer}. A ba da ita yanzu? YES / NO",
  "staff.verify.retry": "Don Allah ka amsa YES idan an ba da ita, ko NO.",
  "staff.verify.notPending":
    "Lamba {code} ({reward}) {status, select, fulfilled {an riga an karɓa} cancelled {an soke} expired {ta ƙare} other {ba ta jira}}, babu abin bayarwa.",
  "staff.verify.notFound": "Babu kyauta mai wannan lambar. Duba ta ka sake aika VERIFY <code>.",
  "staff.verify.declined": "To, ba a sanya alamar an bayar ba. Me ke gaba?",
  "staff.verify.done": "An gama: an sanya alamar {code} an bayar. Me ke gaba?",
  "staff.verify.failed":
    "Ba a iya sanya alamar an bayar ba: {reason, select, pin_required {Shigar da PIN ɗinka tukuna.} not_found {Babu kyauta mai wannan lambar.} already_fulfilled {An riga an yi amfani da lambar.} cancelled {An soke wannan kyautar.} other {Ba za a iya amfani da lambar ba.}}",

  "platform.stranger":
    "Sannu! 👋 Don shiga shirin lada, duba lambar QR na shagonka, ko ka aika JOIN da lambarsu (misali: JOIN MAMAPUT).\nKana da kasuwanci? Aika REGISTER don fara shirin lada na shi.",
  "platform.slowDown":
    "Kana aika saƙonni da sauri fiye da yadda za mu iya amsawa. Don Allah ka jira minti ɗaya, sannan ka sake aika saƙonka.",
  "platform.unknownVendor":
    'Yi haƙuri, babu shago mai lamba "{code}". Duba lambar a kan fostar QR na shagon ka sake aika JOIN <code>.',
  "platform.joinWithoutCode": "Aika JOIN da lambar shagon, misali: JOIN MAMAPUT.",
  "platform.paused":
    "An dakatar da shirin lada na {vendor} na ɗan lokaci. Don Allah ka dawo daga baya ko ka yi magana da shagon.",
  "platform.pausedUnnamed":
    "An dakatar da shirin lada na wannan shagon na ɗan lokaci. Don Allah ka dawo daga baya ko ka yi magana da shagon.",
  "platform.blocked": "An dakatar da zama membanka a {vendor}. Don Allah ka yi magana da shagon.",
  "platform.programFull": "Yi haƙuri, shirin lada na {vendor} ya cika yanzu. Don Allah ka tambayi shagon.",
  "platform.staffUnknown":
    "Ba a saita wannan lambar a matsayin ma'aikaci ba. Ka roƙi mai shago ya ƙara lambar wayarka da PIN.",
  "platform.staffSessionEnded": "Zaman ma'aikacinka ya ƙare. Aika STAFF don fara sabo.",
  "platform.pinLocked": "PIN marasa kyau sun yi yawa. An kulle hirar ma'aikata har zuwa {time}.",
  "platform.somethingWentWrong":
    "Yi haƙuri, wani abu ya samu matsala da saƙonka na ƙarshe. Don Allah ka sake aika shi, ko ka aika MENU.",
  ...ownerHa,
  ...signupHa,
  ...claimsHa,
  ...lifecycleHa,
  ...billingHa,
};
