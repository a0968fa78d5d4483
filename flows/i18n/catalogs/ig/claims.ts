import type { claimsEn } from "../en/claims.ts";
import type { Translation } from "../translation.ts";

/** Group `claims.` in this language: same keys and placeholders as ../en/claims.ts. */
export const claimsIg: Translation<typeof claimsEn> = {
  "claims.customer.askAmount":
    "Daalụ maka foto akwụkwọ ịkwụ ụgwọ! Ego ole ka i mefuru? Zaa ya na ego ahụ, dịka ọmụmaatụ 5000. Zipu CANCEL ka ị kwụsị.",
  "claims.customer.askAmountRetry":
    "Nke ahụ abụghị ego. Zaa ya na ihe i mefuru, dịka ọmụmaatụ 5000 ma ọ bụ ₦5,000. Zipu CANCEL ka ị kwụsị.",
  "claims.customer.gaveUp":
    "Ka anyị hapụ ya ugbu a. Zipu foto akwụkwọ ịkwụ ụgwọ ọzọ, tinye ego ahụ dịka isiokwu ya, dịka 5000.",
  "claims.customer.filed":
    "Ezigara akwụkwọ ịkwụ ụgwọ gị nke {amount} ka e lelee ya. Anyị ga-ezitere gị ozi mgbe ụlọ ahịa kwadoro ya.",
  "claims.customer.refused.claimsOff":
    "Ndo, ụlọ ahịa a anaghị anara foto akwụkwọ ịkwụ ụgwọ. Gwa onye ọrụ nọ n'ebe a na-akwụ ụgwọ ka o dekọọ ihe i zụrụ.",
  "claims.customer.refused.duplicate":
    "Ezigalarị akwụkwọ ịkwụ ụgwọ a. Otu akwụkwọ ịkwụ ụgwọ nwere ike ịrịọ naanị otu ugboro.",
  "claims.customer.refused.dailyLimit":
    "I zigala akwụkwọ ịkwụ ụgwọ {limit, plural, other {#}} taa, nke kachasị ekwe. Nwaa ọzọ echi, ma ọ bụ gwa onye ọrụ nọ n'ebe a na-akwụ ụgwọ.",
  "claims.customer.refused.overMax":
    "A pụghị iji foto rịọ maka akwụkwọ ịkwụ ụgwọ karịrị {amount}. Gwa onye ọrụ nọ n'ebe a na-akwụ ụgwọ ka o dekọọ ihe a i zụrụ.",
  "claims.customer.refused.tooLarge":
    "Foto ahụ buru oke ibu (ọ karịrị 5 MB). Biko zipu obere foto nke akwụkwọ ịkwụ ụgwọ.",
  "claims.customer.refused.unsupported":
    "Enweghị m ike ịgụ foto ahụ. Biko zipu akwụkwọ ịkwụ ụgwọ dịka foto nkịtị (JPEG ma ọ bụ PNG).",
  "claims.customer.refused.failed": "Ndo, enwetaghị m foto gị ugbu a. Biko zipu ya ọzọ mgbe nkeji ole na ole gachara.",
  "claims.customer.mediaNotUnderstood":
    "Enweghị m ike ịgụ ozi olu, vidiyo, sticker, faịlụ ma ọ bụ ebe ị nọ. Ana m agụ ozi ederede, na foto akwụkwọ ịkwụ ụgwọ gị (tinye ego ahụ dịka isiokwu). Zipu MENU ka ị hụ ihe m nwere ike ime.",
  "claims.customer.strangerPhoto":
    "Daalụ maka foto ahụ! Iji nweta pointi maka akwụkwọ ịkwụ ụgwọ, buru ụzọ sonye n'ụlọ ahịa ahụ: nyochaa koodu QR ha, ma ọ bụ zipu JOIN na koodu ụlọ ahịa ahụ. Mgbe ahụ zipu foto ahụ ọzọ.",
  "claims.notice.approved":
    "✅ {vendor} kwadoro akwụkwọ ịkwụ ụgwọ gị: i nwetara {points, plural, other {pointi #}}. Pointi gị ugbu a bụ {balance}.",
  "claims.notice.rejected":
    "❌ {vendor} enweghị ike ịkwado akwụkwọ ịkwụ ụgwọ gị: {why}. Jụọ n'ebe a na-akwụ ụgwọ ma ọ bụrụ na ị chere na ọ bụ njehie.",
  "claims.notice.referrerEarned":
    "🎉 Enyi i kpọrọ azụtala ihe mbụ ya na {vendor}: i nwetara {points, plural, other {pointi #}}. Pointi gị ugbu a bụ {balance}.",
  "claims.staff.none": "Enweghị arịrịọ akwụkwọ ịkwụ ụgwọ na-eche. Zipu MENU maka menu gị.",
  "claims.staff.waiting": "{count, plural, other {Arịrịọ akwụkwọ ịnata ego # na-eche}}. Ziga CLAIMS ka ị lelee ha.",
  "claims.staff.list":
    "Arịrịọ akwụkwọ ịkwụ ụgwọ na-eche: {count}. Zaa na nọmba iji mepee otu, ma ọ bụ CANCEL iji mechie.",
  "claims.staff.line": "{number}. {phone}, {amount}, {age}",
  "claims.staff.more": "…na {count} ndị ọzọ mgbe ndị a gasịrị.",
  "claims.staff.age.minutes": "nkeji {minutes, plural, other {#}} gara aga",
  "claims.staff.age.hours": "awa {hours, plural, other {#}} gara aga",
  "claims.staff.age.days": "ụbọchị {days, plural, other {#}} gara aga",
  "claims.staff.pickRetry": "Zaa na nọmba arịrịọ sitere na ndepụta, dịka 1, ma ọ bụ CANCEL iji mechie.",
  "claims.staff.opened":
    "Arịrịọ {number}: {amount} sitere n'aka {phone}, ezitere ya {age}. Zaa APPROVE iji dekọọ ihe ọ zụrụ, ma ọ bụ REJECT na ihe kpatara ya (dịka: REJECT ụlọ ahịa ọzọ). BACK ga-akpọghachi gị na ndepụta.",
  "claims.staff.receiptCaption": "Akwụkwọ ịkwụ ụgwọ maka arịrịọ {number}: {amount}",
  "claims.staff.noImage": "A pụghị igosi foto akwụkwọ ịkwụ ụgwọ na nkata a; a ga-ahụ ya na dashboard.",
  "claims.staff.askReason": "Gịnị mere i ji jụ ya? Dee ihe kpatara ya nke onye ahịa ga-ahụ, dịka: foto adịghị edo edo.",
  "claims.staff.decideRetry": "Zaa APPROVE, ma ọ bụ REJECT na ihe kpatara ya, ma ọ bụ BACK maka ndepụta.",
  "claims.staff.approved": "Akwadoro ya: edekọrọ {amount} maka {phone}, pointi +{points}. Agwala onye ahịa.",
  "claims.staff.rejected": "Ajụrụ ya. Agwala onye ahịa ihe kpatara ya: {why}.",
  "claims.staff.alreadyReviewed": "Onye ọzọ elelerela arịrịọ ahụ.",
  "claims.staff.notFound": "Arịrịọ ahụ adịghịzi.",
  "claims.staff.purchaseRefused": "A pụghị idekọ ihe ahụ a zụrụ, ya mere arịrịọ ahụ ka na-eche. Jụọ onye nwe ụlọ ahịa.",
  "claims.staff.notPermitted": "Akaụntụ gị enweghị ikike ilele arịrịọ akwụkwọ ịkwụ ụgwọ. Jụọ onye nwe ụlọ ahịa.",
  "claims.staff.closed": "Emechiela arịrịọ. Zipu MENU maka menu gị.",
  "claims.staff.nonText": "Zaa na ederede: nọmba arịrịọ, APPROVE, REJECT na ihe kpatara ya, ma ọ bụ CANCEL.",
};
