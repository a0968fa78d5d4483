import type { ownerEn } from "../en/owner.ts";
import type { Translation } from "../translation.ts";

/**
 * Group `owner.` in Igbo: same keys and placeholders as ../en/owner.ts.
 * AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday words.
 */
export const ownerIg: Translation<typeof ownerEn> = {
  "owner.askPin": "Onye nwe {vendor}: tinye PIN gị.",
  "owner.pin.format": "PIN gị bụ ọnụọgụ 4 ruo 6, dịka 1234. Tinye PIN gị:",
  "owner.pin.wrong": "PIN ahụ ezighi ezi. Ohere {attempts, number} fọdụrụ. Tinye PIN gị:",
  "owner.pin.lockedFor":
    "PIN ezighi ezi dị ukwuu. Emechiela mkparịta ụka onye nwe; nwaa ọzọ mgbe nkeji {minutes, number} gachara.",
  "owner.pin.lockedLater": "PIN ezighi ezi dị ukwuu. Emechiela mkparịta ụka onye nwe; nwaa ọzọ emesịa.",
  "owner.pin.lockedUntil": "PIN ezighi ezi dị ukwuu. Emechiela mkparịta ụka onye nwe ruo {time}.",
  "owner.pin.startAgain": "Ka anyị malite ọzọ. Zipu OWNER mgbe ị dị njikere.",
  "owner.pin.cancelled": "Akagbuola ya. Zipu OWNER ka ị malite ọzọ.",
  "owner.signedIn":
    "Ndeewo {name}, ị nọ n'ọnọdụ onye nwe (ọ ga-agwụ nkeji 10 mgbe ozi ikpeazụ gị gasịrị). Gịnị ka ị chọrọ ime?",
  "owner.signedInNoName":
    "Ndeewo, ị nọ n'ọnọdụ onye nwe (ọ ga-agwụ nkeji 10 mgbe ozi ikpeazụ gị gasịrị). Gịnị ka ị chọrọ ime?",

  "owner.menu.hint":
    "Ị nwekwara ike ide: ADD REWARD <points> <name>, PAUSE REWARD <n>, RATE <points per ₦100>, ADD STAFF <phone> <name>, REMOVE STAFF <n>, BROADCAST <message>, CLAIMS.",
  "owner.menu.button": "Menu onye nwe",
  "owner.menu.today.title": "Taa",
  "owner.menu.today.description": "Ihe a zụrụ, akara na ndị ahịa ọhụrụ taa na izu a",
  "owner.menu.rewards.title": "Onyinye",
  "owner.menu.rewards.description": "Onyinye gị, nwere ọnụọgụ",
  "owner.menu.staff.title": "Ndị ọrụ",
  "owner.menu.staff.description": "Ndị ọrụ gị, nwere ọnụọgụ",
  "owner.menu.void.title": "Kagbuo ihe a zụrụ",
  "owner.menu.void.description": "Kagbuo otu n'ime ihe iri ikpeazụ a zụrụ",
  "owner.menu.broadcast.title": "Mgbasa ozi",
  "owner.menu.broadcast.description": "Zipu ozi nye ndị ahịa gị",
  "owner.menu.rate.title": "Ọnụego akara",
  "owner.menu.rate.description": "Akara maka ₦100 ọ bụla e mefuru",
  "owner.menu.qr.title": "Koodu QR",
  "owner.menu.qr.description": "Njikọ isonye gị na pọsta",
  "owner.menu.plan.title": "Atụmatụ",
  "owner.menu.plan.description": "Atụmatụ gị na ihe i jirila",
  "owner.menu.login.title": "Njikọ dashboard",
  "owner.menu.login.description": "Banye na dashboard weebụ",
  "owner.menu.exit.title": "Pụọ n'onye nwe",
  "owner.menu.exit.description": "Laghachi na menu onye ahịa",
  "owner.whatNext": "Gịnị ọzọ?",
  "owner.notUnderstood": "Ndo, aghọtaghị m nke ahụ.",
  "owner.nonText": "Ọ bụ naanị ozi ederede ka m nwere ike ịgụ.",
  "owner.sessionEnded": "Oge onye nwe gị agwụla. Zipu OWNER ka ị malite ọzọ.",
  "owner.exited": "Ọnọdụ onye nwe agwụla. Zipu MENU maka menu onye ahịa, ma ọ bụ OWNER ka ị lọta.",

  "owner.today": "Taa: {today}\nỤbọchị 7 gara aga: {week}",
  "owner.today.period":
    "ihe a zụrụ {purchases, number}, {amount}, akara {points, number} e nyere, ndị ahịa ọhụrụ {customers, number}, onyinye {redemptions, number} e wetara.",

  "owner.rewards.none": "I nweghị onyinye ọ bụla ugbu a. Tinye otu: ADD REWARD 500 Free drink",
  "owner.rewards.title": "Onyinye gị:",
  "owner.rewards.line": "{number}. {reward}: akara {points, number}",
  "owner.rewards.linePaused": "{number}. {reward}: akara {points, number} (akwụsịrị ya)",
  "owner.rewards.hint": "PAUSE REWARD <n> na-akwụsị otu; ADD REWARD <points> <name> na-atụnye otu.",
  "owner.rewards.addHelp": "Zipu ADD REWARD, akara na aha ya, dịka: ADD REWARD 500 Free drink",
  "owner.rewards.added": "Etinyela: {reward} maka akara {points, number}. Ndị ahịa ga-ahụ ya na REWARDS ugbu a.",
  "owner.rewards.pauseHelp": "Zipu PAUSE REWARD na ọnụọgụ ya si na REWARDS, dịka: PAUSE REWARD 2",
  "owner.rewards.paused": "Akwụsịla: {reward}. Ndị ahịa agaghị ahụ ya ọzọ.",

  "owner.rate.help": "Zipu RATE na akara maka ₦100 ọ bụla, dịka: RATE 2",
  "owner.rate.confirm":
    "Gbanwee ya ka ọ bụrụ akara {points, number} maka ₦100 ọ bụla, maka ihe niile a ga-azụ site ugbu a? YES / NO",
  "owner.rate.set": "O mechaala: ndị ahịa ga na-enweta akara {points, number} maka ₦100 ọ bụla.",
  "owner.rate.changed":
    "O mechaala: ndị ahịa ga na-enweta akara {points, number} maka ₦100 ọ bụla (na mbụ ọ bụ {previous, number}).",
  "owner.rate.notChanged": "Agbanweghị ya.",

  "owner.staff.addHelp": "Zipu ADD STAFF, nọmba ekwentị ha na aha ha, dịka: ADD STAFF 0803 123 4567 Tunde",
  "owner.staff.added":
    "Etinyela {name} ({phone}) dịka onye ọrụ. Agwala ha ka ha zipu STAFF na nọmba a iji họrọ PIN ha.",
  "owner.staff.none": "I nweghị onye ọrụ ugbu a. Tinye mmadụ: ADD STAFF 0803 123 4567 Tunde",
  "owner.staff.title": "Ndị ọrụ gị:",
  "owner.staff.line": "{number}. {name} ({phone})",
  "owner.staff.lineNoPin": "{number}. {name} ({phone}), ahọrọbeghị PIN",
  "owner.staff.lineAdmin": "{number}. {name} ({phone}), onye nlekọta",
  "owner.staff.lineAdminNoPin": "{number}. {name} ({phone}), onye nlekọta, ahọrọbeghị PIN",
  "owner.staff.noPhone": "enweghị ekwentị",
  "owner.staff.hint": "REMOVE STAFF <n> na-ewepụ otu ozugbo.",
  "owner.staff.removeHelp": "Zipu REMOVE STAFF na ọnụọgụ ha si na STAFF LIST, dịka: REMOVE STAFF 2",
  "owner.staff.removed": "Ewepụla {name}: ha enweghị ike iji mkparịta ụka ndị ọrụ ma ọ bụ dashboard ọzọ.",

  "owner.broadcast.help": "Zipu BROADCAST na ozi gị, dịka: BROADCAST Double points this Saturday!",
  "owner.broadcast.confirm":
    "Nke a ga-aga na ndị ahịa {audience, number} na-anabata onyinye ahịa. Atụmatụ gị kwere {limit, number} kwa ọnwa, i zigala {used, number}. Zipu ya ugbu a? YES / NO",
  "owner.broadcast.confirmNoLimit":
    "Nke a ga-aga na ndị ahịa {audience, number} na-anabata onyinye ahịa. I zigala mgbasa ozi {used, number} n'ọnwa a; atụmatụ gị enweghị oke. Zipu ya ugbu a? YES / NO",
  "owner.broadcast.confirmAgain": "Biko zaa YES ka e zipu ya, ma ọ bụ NO.",
  "owner.broadcast.noAudience": "Ọ dịbeghị onye ahịa na-anabata onyinye ahịa, ya mere o nweghị onye a ga-ezigara ya.",
  "owner.broadcast.sent": "A na-ezigara ndị ahịa {audience, number} ugbu a.",
  "owner.broadcast.notSent": "Ezipughị ya.",

  "owner.void.none": "Enweghị ihe a zụrụ a ga-akagbu.",
  "owner.void.choose": "Kedu ihe a zụrụ a ga-akagbu? Zaa na ọnụọgụ ya.",
  "owner.void.button": "Ihe a zụrụ",
  "owner.void.rowTitle": "{number}. {amount} {phone}",
  "owner.void.rowDescription": "{when}, akara {points, number}",
  "owner.void.rowDescriptionBy": "{when}, {name}, akara {points, number}",
  "owner.void.pick": "Zaa na ọnụọgụ site na 1 ruo {count}, ma ọ bụ CANCEL.",
  "owner.void.confirm": "Kagbuo {amount} maka {phone} ({when})? A ga-anara akara {points, number} ya. YES / NO",
  "owner.void.confirmBy":
    "Kagbuo {amount} maka {phone} ({when}, site n'aka {name})? A ga-anara akara {points, number} ya. YES / NO",
  "owner.void.done":
    "Akagbuola {amount} maka {phone}: anara akara {points, number}. Akara ha bụ {balance, number} ugbu a; agwala ha.",
  "owner.void.doneShortfall":
    "Akagbuola {amount} maka {phone}: anara akara {points, number}; ha emefuola {spent, number} nke a na-enweghị ike ịnara. Akara ha bụ {balance, number} ugbu a; agwala ha.",
  "owner.void.notVoided": "Akagbughị ya.",

  "owner.qr": "Njikọ isonye gị (kesaa ya, ma ọ bụ bipụta pọsta QR na-abịa): {link}",
  "owner.posterCaption": "Pọsta QR gị: bipụta ya na A5 ma tinye ya ebe ndị ahịa na-akwụ ụgwọ. Koodu: {code}",
  "owner.plan.header":
    "Atụmatụ: {plan} ({status, select, trial {nnwale n'efu} active {ọ na-arụ ọrụ} suspended {akwụsịrị ya} cancelled {akagbuola ya} other {{status}}}).",
  "owner.plan.headerUntil":
    "Atụmatụ: {plan} ({status, select, trial {nnwale n'efu} active {ọ na-arụ ọrụ} suspended {akwụsịrị ya} cancelled {akagbuola ya} other {{status}}}), ruo {date}.",
  "owner.plan.line": "{label}: {used, number} n'ime {limit, number}",
  "owner.plan.lineNoLimit": "{label}: {used, number} (enweghị oke)",
  "owner.plan.label.customers": "Ndị ahịa",
  "owner.plan.label.staff": "Ndị ọrụ",
  "owner.plan.label.broadcasts": "Mgbasa ozi n'ọnwa a",
  "owner.plan.label.purchases": "Ihe a zụrụ n'ọnwa a",
  "owner.plan.payLink": "Kwụọ ụgwọ ma ọ bụ bulie atụmatụ: {link}",
  "owner.loginLink": "Njikọ ịbanye dashboard gị, ọ na-arụ ọrụ nkeji 10 na naanị otu ugboro: {link}\nEkesala ya.",

  "owner.failed": "Ọ rụghị ọrụ: {reason}",
  "owner.failed.notSignedIn": "Buru ụzọ tinye PIN gị.",
  "owner.failed.noSuchReward": "Enweghị onyinye nọmba {number}. Zipu REWARDS ka ị hụ ndepụta.",
  "owner.failed.noSuchStaff": "Enweghị onye ọrụ nọmba {number}. Zipu STAFF LIST ka ị hụ ndepụta.",
  "owner.failed.staffLimit": "Oke ndị ọrụ atụmatụ gị ezuola. Zipu PLAN ka ị hụ atụmatụ gị.",
  "owner.failed.staffTaken": "Nọmba ekwentị ahụ adịlarị na ndepụta ndị ọrụ gị.",
  "owner.failed.alreadyVoided": "Akagbuolarị ihe ahụ a zụrụ.",
  "owner.failed.purchaseGone": "A pụghị ịchọta ihe ahụ a zụrụ ọzọ.",
  "owner.failed.rateNotSaved": "A pụghị ichekwa ọnụego ahụ. Zipu RATE na ọnụọgụ karịrị efu, dịka: RATE 2",
  "owner.failed.broadcastLimit":
    "Atụmatụ gị kwere mgbasa ozi {limit, number} kwa ọnwa, e zigalarị {used, number} n'ọnwa a. Bulie atụmatụ gị ka i zipu ndị ọzọ.",
  "owner.failed.broadcastInvalid": "Mgbasa ozi chọrọ ozi nwere mkpụrụedemede 1 ruo {count, number}.",
  "owner.failed.broadcastNotSent": "Mgbasa ozi ahụ enweghị ike ịmalite. Biko nwaa ọzọ.",
  "owner.paused":
    "Akwụsịrị mmemme gị, ya mere a pụghị ịgbanwe ihe ọ bụla ugbu a. TODAY, REWARDS, STAFF LIST, QR, PLAN na LOGIN ka na-arụ ọrụ.",

  "owner.notOwner":
    "Nọmba a abụghị nke onye nwe azụmahịa ọ bụla ebe a. Ọ bụrụ na ị nwere azụmahịa, zipu REGISTER ka ịmalite mmemme ntụkwasị obi; ọ bụrụ na ị na-arụ ọrụ n'otu, zipu STAFF.",
  "owner.chooseBusiness": "Ị nwere ihe karịrị otu azụmahịa. Zipu OWNER na koodu ya: {list}",
  "owner.chooseBusiness.item": "{vendor} ({code})",

  "owner.notice.staffInvite":
    "Etinyela gị dịka onye ọrụ na {vendor}. Zipu STAFF ebe a ka ị họrọ PIN onye ọrụ gị, wee dee ihe a zụrụ site na LOG <phone> <amount>.",
  "owner.notice.purchaseVoided":
    "Akagbuola ihe a zụrụ nke {amount} na {vendor}. Anarala akara {points, number} sitere na ya. Akara gị bụ {balance, number} ugbu a.",
  "owner.notice.purchaseVoidedNoPoints":
    "Akagbuola ihe a zụrụ nke {amount} na {vendor}. Akara gị bụ {balance, number} ugbu a.",
};
