import type { signupEn } from "../en/signup.ts";
import type { Translation } from "../translation.ts";

/**
 * Group `signup.` in Igbo: same keys and placeholders as ../en/signup.ts.
 * AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday words.
 */
export const signupIg: Translation<typeof signupEn> = {
  "signup.alreadyOwner":
    "Nọmba a na-elekọta {vendor} na LoyaltyLaaS, ya mere ọ pụghị ịdenye azụmahịa ọzọ. Zipu OWNER ka ị lekọta ya.",
  "signup.tooManyStarts": "Ị malitela ndebanye aha ọtụtụ ugboro taa. Biko nwaa ọzọ echi.",
  "signup.dailyLimitReached": "Anyị enweghị ike ịnabata ndebanye aha ọzọ taa. Biko nwaa ọzọ echi.",
  "signup.notOnThisNumber": "Iji debanye azụmahịa gị, zipu ozi na nọmba LoyaltyLaaS, ọ bụghị nọmba ụlọ ahịa.",

  "signup.askBusinessName":
    "Ka anyị hazie mmemme ntụkwasị obi maka azụmahịa gị. 🎉\nGịnị bụ aha azụmahịa gị? Dịka: Mama Put Kitchen\n(Zipu CANCEL oge ọ bụla ka ị kwụsị.)",
  "signup.badBusinessName": "Biko zipu aha azụmahịa ahụ na mkpụrụedemede 2 ruo 60, dịka: Mama Put Kitchen",
  "signup.askVendorCode":
    "Ndị ahịa na-esonye site n'iziga JOIN na koodu gị. A na m atụ aro {code}.\nZaa YES iji ya, ma ọ bụ dee koodu ọzọ (mkpụrụedemede na ọnụọgụ 3 ruo 20, dịka MAMAPUT1).",
  "signup.badVendorCode":
    "Koodu bụ mkpụrụedemede na ọnụọgụ 3 ruo 20, nwere opekata mpe otu mkpụrụedemede, dịka MAMAPUT1. Zaa YES iji {code}, ma ọ bụ dee nke ọzọ.",
  "signup.vendorCodeTaken": "Onye ọzọ ewerela koodu {taken}. Zaa YES iji {code}, ma ọ bụ dee koodu ọzọ.",
  "signup.askOwnerName": "Koodu gị bụ {code}. Gịnị bụ aha gị (onye nwe)? Dịka: Ngozi Okafor",
  "signup.badOwnerName": "Biko zipu aha gị na mkpụrụedemede 2 ruo 60, dịka: Ngozi Okafor",
  "signup.askPin":
    "Họrọ PIN onye nwe nwere ọnụọgụ 4 ruo 6, dịka 4821. Ị ga-eji ya lekọta mmemme gị ebe a (zipu OWNER). Ejila PIN ụlọ akụ gị.",
  "signup.badPin": "PIN bụ ọnụọgụ 4 ruo 6, dịka 4821. Họrọ PIN onye nwe gị:",
  "signup.askPinAgain": "Dee otu PIN ahụ ọzọ iji kwado ya:",
  "signup.pinMismatch": "PIN abụọ ahụ adabaghị. Họrọ PIN onye nwe gị ọzọ (ọnụọgụ 4 ruo 6):",
  "signup.askRate":
    "Akara ole ka ndị ahịa ga-enweta maka ₦100 ọ bụla ha mefuru? Zaa 1 (nke a na-ejikarị) ma ọ bụ ọnụọgụ ọzọ zuru oke, dịka 2.",
  "signup.badRate": "Biko zaa na ọnụọgụ akara zuru oke maka ₦100 site na 1 ruo 100, dịka 1.",
  "signup.askReward":
    "Ugbu a onyinye mbụ gị: zipu akara ọ na-efu na aha ya, dịka: 100 Free drink\nMa ọ bụ zaa SKIP ka ị tinye onyinye emesịa.",
  "signup.badReward":
    "Zipu akara na aha onyinye ahụ, dịka: 100 Free drink (akara site na 1 ruo 1,000,000). Ma ọ bụ zaa SKIP.",
  "signup.summary":
    "Biko lelee:\nAzụmahịa: {vendor}\nKoodu: {code}\nOnye nwe: {name}\nAkara: {points, number} maka ₦100 ọ bụla\nOnyinye mbụ: {reward} maka akara {cost, number}\n\nZaa YES ka e mepụta mmemme gị (nnwale n'efu), ma ọ bụ CANCEL.",
  "signup.summaryNoReward":
    "Biko lelee:\nAzụmahịa: {vendor}\nKoodu: {code}\nOnye nwe: {name}\nAkara: {points, number} maka ₦100 ọ bụla\nOnyinye mbụ: ọ dịbeghị\n\nZaa YES ka e mepụta mmemme gị (nnwale n'efu), ma ọ bụ CANCEL.",
  "signup.confirmAgain": "Biko zaa YES ka e mepụta mmemme gị, ma ọ bụ CANCEL ka ị kwụsị.",

  "signup.registered":
    "🎉 {vendor} amalitela na nnwale n'efu ụbọchị {days}!\nKoodu gị bụ {code}. Ndị ahịa na-esonye site n'inyocha pọsta QR gị (ọ na-abịa) ma ọ bụ site na njikọ a:\n{link}\n\nBipụta pọsta ahụ ma tinye ya ebe ị na-anata ego. Zipu OWNER (ya na PIN gị) ka ị lekọta onyinye, ndị ọrụ na ihe ndị ọzọ.",
  "signup.posterCaption": "Pọsta QR gị: bipụta ya na A5 ma tinye ya ebe ndị ahịa na-akwụ ụgwọ. Koodu: {code}",
  "signup.cancelled": "Akagbuola ndebanye aha. Zipu REGISTER mgbe ọ bụla ị chọrọ ịmalite ọzọ.",
  "signup.gaveUp": "Ka anyị kwụsị ebe a. Zipu REGISTER mgbe ọ bụla ị chọrọ ịmalite ọzọ.",
  "signup.timedOut": "Oge ndebanye aha gị agwụla. Zipu REGISTER ka ị malite ọzọ.",
  "signup.nonText": "Ọ bụ naanị ozi ederede ka m nwere ike ịgụ. Biko dee azịza gị, ma ọ bụ zipu CANCEL.",

  "signup.button.yes": "Ee, mepụta ya",
  "signup.button.cancel": "Kagbuo",
  "signup.button.skip": "Hapụ ya ugbu a",
  "signup.button.onePoint": "Akara 1 (nkịtị)",
  "signup.button.twoPoints": "Akara 2",
  "signup.button.fivePoints": "Akara 5",
  "signup.button.ownerMode": "Ọnọdụ onye nwe",
};
