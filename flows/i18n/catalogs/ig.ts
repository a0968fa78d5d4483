import type { Catalog } from "../catalog.ts";
import { ownerIg } from "./ig/owner.ts";
import { signupIg } from "./ig/signup.ts";
import { claimsIg } from "./ig/claims.ts";
import { lifecycleIg } from "./ig/lifecycle.ts";
import { billingIg } from "./ig/billing.ts";

/**
 * Igbo. AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday words, with the dotted
 * vowels (ị ọ ụ) and ṅ; people may type plain vowels and commands are read either way. Same keys
 * and placeholders as en.ts; command words (BALANCE, YES …) stay in capitals.
 */
export const ig: Catalog = {
  "common.yes": "Ee",
  "common.no": "Mba",
  "common.choose": "Họrọ",
  "common.more": "Ndị ọzọ…",
  "common.page": "Peeji {page} n'ime {pages}",
  "common.didYouMean": "Ọ bụ otu n'ime ndị a ka ị na-ekwu? Pịa otu, ma ọ bụ zipu MENU ka ị hụ ihe niile.",

  "language.prompt": "Kedu asụsụ ka m ga-eji? Ị nwere ike ịgbanwe ya mgbe ọ bụla: zipu LANGUAGE.",
  "language.button": "Asụsụ",
  "language.changed": "Ọ dị mma, site ugbu a m ga na-asụ Igbo.",
  "language.unknown": "Amaghị m asụsụ ahụ ugbu a. Họrọ otu: English, Pidgin, Yoruba, Hausa ma ọ bụ Igbo.",
  "language.name.en": "Bekee",
  "language.name.pcm": "Pidgin Naịjirịa",
  "language.name.yo": "Yoruba",
  "language.name.ha": "Hausa",
  "language.name.ig": "Igbo",

  "customer.menu.prompt": "Gịnị ka ị chọrọ ime?",
  "customer.menu.button": "Nhọrọ",
  "customer.menu.cancelled": "Ọ dị mma, akagbuola m ya. Gịnị ka ị chọrọ ime?",
  "customer.menu.notUnderstood": "Ndo, aghọtaghị m nke ahụ. Họrọ otu, ma ọ bụ dee okwu dịka BALANCE ma ọ bụ REWARDS.",
  "customer.menu.nonText": "Naanị ozi ederede ka m nwere ike ịgụ. Nke a bụ ihe m nwere ike ime:",
  "customer.menu.startAgain": "Ka anyị malite ọzọ. Gịnị ka ị chọrọ ime?",
  "customer.menu.balance.title": "Akara m",
  "customer.menu.balance.description": "Akara gị na mgbe ha ga-agwụ",
  "customer.menu.rewards.title": "Onyinye",
  "customer.menu.rewards.description": "Onyinye akara gị nwere ike inweta",
  "customer.menu.redeem.title": "Nweta onyinye",
  "customer.menu.redeem.description": "Jiri akara gị, nweta koodu maka ebe ịkwụ ụgwọ",
  "customer.menu.history.title": "Akụkọ",
  "customer.menu.history.description": "Ihe mere akara gị n'oge na-adịbeghị anya",
  "customer.menu.refer.title": "Kpọọ enyi",
  "customer.menu.refer.description": "Kesaa njikọ gị ka ị nweta akara",
  "customer.menu.vendors.title": "Ụlọ ahịa m",
  "customer.menu.vendors.description": "Lee ma ọ bụ gbanwee ụlọ ahịa ị sonyere",
  "customer.menu.stop.title": "Kwụsị mgbasa ozi",
  "customer.menu.stop.description": "Enweghịzi ozi mgbasa ozi",
  "customer.menu.start.title": "Nata mgbasa ozi",
  "customer.menu.start.description": "Malite ịnata ozi mgbasa ozi ọzọ",

  "customer.welcome.new": "Nnọọ na mmemme ụgwọ ọrụ {vendor}! Oge ọ bụla ị zụrụ ihe, ị ga-enweta akara.",
  "customer.welcome.back": "Nnọọ ọzọ na {vendor}!",

  "customer.balance.total": "Ị nwere akara {points, number}.",
  "customer.balance.expiring": "Akara {points, number} n'ime ha ga-agwụ na {date}.",
  "customer.balance.hint": "Zipu REWARDS ka ị hụ ihe ị nwere ike inweta.",

  "customer.rewards.none": "Enweghị onyinye ọ bụla ugbu a. Nọgide na-akpa akara!",
  "customer.rewards.canGetNow": "Onyinye ị nwere ike inweta ugbu a:",
  "customer.rewards.line": "{number}. {reward} (akara {points, number})",
  "customer.rewards.redeemHint": "Zipu REDEEM ka ị nweta otu.",
  "customer.rewards.notEnough": "Ị nwere akara {points, number}, o ruchabeghị maka onyinye ọ bụla.",
  "customer.rewards.aimFor": "Ihe ị ga-achọ ọzọ:",
  "customer.rewards.aimLine": "- {reward}: akara {points, number} ọzọ",
  "customer.rewards.button": "Onyinye",
  "customer.rewards.rowPoints": "akara {points, number}",

  "customer.redeem.choose": "Kedu onyinye ị chọrọ? Zaa na nọmba ya.",
  "customer.redeem.more": "Onyinye ndị ọzọ. Zaa na nọmba.",
  "customer.redeem.retry": "Biko zaa na nọmba onyinye, dịka 1.",
  "customer.redeem.confirm": "Jiri akara {points, number} nweta {reward}? YES / NO",
  "customer.redeem.confirmRetry": "Biko zaa YES ma ọ bụ NO. Jiri akara {points, number} nweta {reward}? YES / NO",
  "customer.redeem.declined": "Ọ dị mma, ọ dịghị ihe ị natara. Gịnị ka ị chọrọ ime?",
  "customer.redeem.done":
    "Gosi koodu a n'ebe ịkwụ ụgwọ: {code}\n\n{reward}: ejirila akara {points, number}. Akara {balance, number} fọdụụrụ gị.",
  "customer.redeem.failed.insufficient_points":
    "Akara gị erughị maka onyinye ahụ ugbu a. Zipu REWARDS ka ị hụ ihe ị nwere ike inweta.",
  "customer.redeem.failed.out_of_stock": "Ndo, onyinye ahụ agwụla. Zipu REWARDS ka ị hụ ndị ọzọ.",
  "customer.redeem.failed.limit_reached": "Ị natala onyinye ahụ ugboro ole enyere ikike. Zipu REWARDS ka ị hụ ndị ọzọ.",
  "customer.redeem.failed.unavailable": "Ndo, onyinye ahụ adịghịzi. Zipu REWARDS ka ị hụ ndị ọzọ.",

  "customer.history.none": "Ọ dịbeghị ihe mere akara gị. Zụta ihe ka ị malite inweta!",
  "customer.history.title": "Akara gị n'oge na-adịbeghị anya:",
  "customer.history.line": "{date}: {points} ({cause})",
  "customer.history.type.earned": "akara e nwetara",
  "customer.history.type.redeemed": "onyinye e natara",
  "customer.history.type.expired": "akara gwụrụ",
  "customer.history.type.adjusted": "mgbanwe",
  "customer.history.type.reversed": "nkwụghachi",
  "customer.history.type.other": "akara",

  "customer.refer.link":
    "Kpọọ ndị enyi gị, nweta akara mgbe ha zụrụ ihe!\nKesaa njikọ a: {link}\nKoodu ntụaka gị: {code}",

  "customer.vendors.none":
    "Ị sonyebeghị ụlọ ahịa ọ bụla. Nyochaa koodu QR nke ụlọ ahịa, ma ọ bụ zipu JOIN na koodu ha.",
  "customer.vendors.choose": "Ụlọ ahịa gị. Zaa na nọmba ka ị gbanwee.",
  "customer.vendors.more": "Ụlọ ahịa ndị ọzọ. Zaa na nọmba.",
  "customer.vendors.retry": "Biko zaa na nọmba ụlọ ahịa, dịka 1.",
  "customer.vendors.line": "{number}. {vendor}",
  "customer.vendors.lineCurrent": "{number}. {vendor} (nke ugbu a)",
  "customer.vendors.current": "Ọ bụ nke a ka gị na ya na-ekwu ugbu a",
  "customer.vendors.already": "Gị na ụlọ ahịa ahụ na-ekwu ugbu a. Zipu MENU ka ị hụ ihe ị nwere ike ime.",
  "customer.vendors.switched": "Ugbu a gị na {vendor} na-ekwu. Gịnị ka ị chọrọ ime?",
  "customer.vendors.button": "Ụlọ ahịa",

  "customer.offers.on": "Ị ga-anata mgbasa ozi anyị ọzọ. Zipu STOP mgbe ọ bụla ka ọ kwụsị.",
  "customer.offers.off":
    "Anyị agaghị ezitere gị mgbasa ozi ọzọ. Ị ka nwere ike ilele akara gị. Zipu START ka ị nata ha ọzọ.",

  "customer.pointsEarned":
    "🎉 Ị nwetara akara {points, number} na {vendor}. Ugbu a ị nwere akara {balance, number}. Zipu BALANCE ma ọ bụ REWARDS mgbe ọ bụla.",

  "staff.start": "Onye ọrụ {vendor}: tinye PIN gị.",
  "staff.pin.choose":
    "Nnọọ na mkparịta ụka ndị ọrụ {vendor}! Họrọ PIN gị: ọnụọgụ 4 ruo 6, dịka 4821. Ị ga-ede ya oge ọ bụla ị zipuru STAFF.",
  "staff.pin.chooseRetry": "PIN bụ ọnụọgụ 4 ruo 6, dịka 4821. Họrọ PIN gị:",
  "staff.pin.startAgain": "Ka anyị bido ọzọ. Zipu STAFF mgbe ị dị njikere.",
  "staff.pin.saved": "Edebela PIN gị. Ndewo {name}, ị banyela. Gịnị ọzọ?",
  "staff.pin.mismatch": "PIN abụọ ahụ adịghị otu. Họrọ PIN gị ọzọ: ọnụọgụ 4 ruo 6.",
  "staff.undo.none":
    "Ọ dịghị ihe a ga-akagbu: ị nwere ike ịkagbu ịzụrụ ikpeazụ i dere n'ime nkeji 15. Gwa onye nwe ụlọ ahịa ka ọ kagbuo nke ochie.",
  "staff.undo.confirm": "Kagbuo {amount} maka {phone} (akara {points})? YES / NO",
  "staff.undo.confirmLast": "Kagbuo ịzụrụ gị ikpeazụ? YES / NO",
  "staff.undo.retry": "Biko zaa YES ma ọ bụ NO.",
  "staff.undo.notUndone": "Akagbughị ya. Gịnị ọzọ?",
  "staff.undo.notUndoneAgain": "Akagbughị ya. Ka anyị bido ọzọ. Gịnị ọzọ?",
  "staff.undo.done": "Akagbuola: {amount} maka {phone}. Ewegharala akara {points}; agwala onye ahịa.",
  "staff.undo.doneShortfall":
    "Akagbuola: {amount} maka {phone}. Ewegharala akara {points} (e mefuola {spent}); agwala onye ahịa.",
  "staff.undo.failed.signedOut": "Enweghị ike ịkagbu ya: buru ụzọ tinye PIN gị.",
  "staff.undo.failed.tooLate":
    "Enweghị ike ịkagbu ya: nkeji 15 agafeela, ma ọ bụ a kagburu ya na mbụ. Jụọ onye nwe ụlọ ahịa.",
  "staff.undo.failed.alreadyVoided": "Enweghị ike ịkagbu ya: a kagburu ya na mbụ.",
  "staff.nonText": "Naanị ozi ederede ka m nwere ike ịgụ.",
  "staff.menu.prompt": "Gịnị ọzọ?",
  "staff.menu.log": "Dee ịzụ ahịa",
  "staff.menu.verify": "Nyochaa koodu",
  "staff.menu.exit": "Kwụsị ọrụ",
  "staff.menu.notUnderstood": "Ndo, aghọtaghị m. Dịka: LOG {phone} 5000, ma ọ bụ VERIFY ABCD2345.",
  "staff.menu.cancelled": "Akagbuola m ya. Gịnị ọzọ?",
  "staff.menu.startAgain": "Ka anyị malite ọzọ. Gịnị ọzọ?",
  "staff.signedIn": "Ndewo {name}, ị banyela. Gịnị ọzọ?",
  "staff.signedInNoName": "Ndewo, ị banyela. Gịnị ọzọ?",
  "staff.ended": "Oge ọrụ agwụla. Daalụ!",
  "staff.sessionOver": "Oge ọrụ gị agwụla. Zipu STAFF ka ị malite ọzọ.",
  "staff.pin.cancelled": "Akagbuola m ya. Zipu STAFF ka ị malite ọzọ.",
  "staff.pin.format": "PIN gị bụ ọnụọgụ 4 ruo 6, dịka 1234. Tinye PIN gị:",
  "staff.pin.giveUp": "Ka anyị malite ọzọ. Zipu STAFF mgbe ị dị njikere.",
  "staff.pin.wrong": "PIN ahụ ezighi ezi. Ohere {attempts, number} fọdụrụ. Tinye PIN gị:",
  "staff.pin.lockedFor":
    "PIN ezighi ezi dị ọtụtụ. Emechiela nkata ndị ọrụ; nwaa ọzọ mgbe nkeji {minutes, number} gachara.",
  "staff.pin.lockedLater": "PIN ezighi ezi dị ọtụtụ. Emechiela nkata ndị ọrụ; nwaa ọzọ ma emechaa.",
  "staff.log.askPhone": "Kedu nọmba ekwentị onye ahịa? Dịka {phone}",
  "staff.log.askAmount": "Ego ole ka ha ji zụta, na naira? Dịka 5000",
  "staff.log.unreadable": "Enweghị m ike ịgụ nke ahụ. Dịka: LOG {phone} 5000",
  "staff.log.badPhone": "Nke ahụ adịghị ka nọmba ekwentị. Dịka {phone}",
  "staff.log.badAmount": "Nke ahụ adịghị ka ego. Dịka 5000 ma ọ bụ ₦5,000.50",
  "staff.log.confirm": "Dee {amount} maka {customer} (+akara {points, number})? YES / NO",
  "staff.log.confirmRetry": "Biko zaa YES ma ọ bụ NO. Dee {amount} maka {customer} (+akara {points, number})? YES / NO",
  "staff.log.confirmGeneric": "Dee ịzụ ahịa a? YES / NO",
  "staff.log.newCustomer": "Onye ahịa ọhụrụ ka nke a bụ: a ga-edebanye ya ma gwa ya.",
  "staff.log.declined": "Edeghị ya. Gịnị ọzọ?",
  "staff.log.declinedStartAgain": "Edeghị ya. Ka anyị malite ọzọ. Gịnị ọzọ?",
  "staff.log.done":
    "Edeela m {amount} maka {customer}: +akara {points, number}, ngụkọta {balance, number}. Nke ọzọ: LOG <phone> <amount>",
  "staff.log.cannot":
    "Enweghị m ike ide ịzụ ahịa ahụ: {reason, select, pin_required {Buru ụzọ tinye PIN gị.} invalid_amount {Ego ahụ ezighi ezi.} plan_limit {Mmemme ahụ ejupụtala, enweghị ike ịgbakwunye onye ahịa a.} customer_blocked {Akwụsịla ndebanye aha onye ahịa a.} other {Biko nwaa ọzọ.}}",
  "staff.log.failed":
    "Edeghị ya: {reason, select, pin_required {Buru ụzọ tinye PIN gị.} invalid_amount {Ego ahụ ezighi ezi.} plan_limit {Mmemme ahụ ejupụtala, enweghị ike ịgbakwunye onye ahịa a.} customer_blocked {Akwụsịla ndebanye aha onye ahịa a.} other {Biko nwaa ọzọ.}}",
  "staff.verify.askCode": "Kedu koodu onyinye ahụ? Dịka ABCD2345",
  "staff.verify.badCode": "Nke ahụ adịghị ka koodu. Dịka ABCD2345",
  "staff.verify.confirm": "Koodu {code}: {reward}. Nye ya ugbu a? YES / NO",
  "staff.verify.confirmFor": "Koodu {code}: {reward} maka {customer}. Nye ya ugbu a? YES / NO",
  "staff.verify.retry": "Biko zaa YES ka e dee na e nyela ya, ma ọ bụ NO.",
  "staff.verify.notPending":
    "Koodu {code} ({reward}) {status, select, fulfilled {ka e nyerela} cancelled {ka akagburu} expired {agwụla} other {anọghị na-eche}}, ọ dịghị ihe a ga-enye.",
  "staff.verify.notFound": "Ọ dịghị onyinye nwere koodu ahụ. Lelee ya ma zipu VERIFY <code> ọzọ.",
  "staff.verify.declined": "Ọ dị mma, edeghị m na e nyela ya. Gịnị ọzọ?",
  "staff.verify.done": "Emechaala: edeela m na e nyela {code}. Gịnị ọzọ?",
  "staff.verify.failed":
    "Enweghị m ike ide na e nyela ya: {reason, select, pin_required {Buru ụzọ tinye PIN gị.} not_found {Ọ dịghị onyinye nwere koodu ahụ.} already_fulfilled {Ejirila koodu ahụ mee ihe.} cancelled {Akagbuola onyinye ahụ.} other {Enweghị ike iji koodu ahụ.}}",

  "platform.stranger":
    "Ndewo! 👋 Ka ị sonye na mmemme ụgwọ ọrụ, nyochaa koodu QR nke ụlọ ahịa gị, ma ọ bụ zipu JOIN na koodu ha (dịka: JOIN MAMAPUT).\nỊ nwere azụmahịa? Zipu REGISTER ka ịmalite mmemme ụgwọ ọrụ maka ya.",
  "platform.slowDown":
    "Ị na-ezipu ozi ngwa ngwa karịa ka anyị nwere ike ịza. Biko chere otu nkeji, wee zipu ozi gị ọzọ.",
  "platform.unknownVendor":
    'Ndo, ọ dịghị ụlọ ahịa nwere koodu "{code}". Lelee koodu dị na pọsta QR nke ụlọ ahịa ahụ ma zipu JOIN <code> ọzọ.',
  "platform.joinWithoutCode": "Zipu JOIN na koodu ụlọ ahịa ahụ, dịka: JOIN MAMAPUT.",
  "platform.paused":
    "Mmemme ụgwọ ọrụ {vendor} kwụsịrị nwa oge. Biko lọghachi ma emechaa ma ọ bụ gwa ụlọ ahịa ahụ okwu.",
  "platform.pausedUnnamed":
    "Mmemme ụgwọ ọrụ ụlọ ahịa a kwụsịrị nwa oge. Biko lọghachi ma emechaa ma ọ bụ gwa ụlọ ahịa ahụ okwu.",
  "platform.blocked": "Akwụsịla ndebanye aha gị na {vendor}. Biko gwa ụlọ ahịa ahụ okwu.",
  "platform.programFull": "Ndo, mmemme ụgwọ ọrụ {vendor} ejupụtala ugbu a. Biko jụọ ụlọ ahịa ahụ.",
  "platform.staffUnknown": "Edobeghị nọmba a dịka onye ọrụ. Gwa onye nwe ụlọ ahịa ka ọ tinye nọmba ekwentị gị na PIN.",
  "platform.staffSessionEnded": "Oge ọrụ gị agwụla. Zipu STAFF ka ị malite nke ọhụrụ.",
  "platform.pinLocked": "PIN ezighi ezi dị ọtụtụ. Emechiela nkata ndị ọrụ ruo {time}.",
  "platform.somethingWentWrong": "Ndo, ihe mebiri na ozi ikpeazụ gị. Biko zipu ya ọzọ, ma ọ bụ zipu MENU.",
  ...ownerIg,
  ...signupIg,
  ...claimsIg,
  ...lifecycleIg,
  ...billingIg,
};
