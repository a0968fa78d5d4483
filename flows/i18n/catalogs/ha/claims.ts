import type { claimsEn } from "../en/claims.ts";
import type { Translation } from "../translation.ts";

/** Group `claims.` in this language: same keys and placeholders as ../en/claims.ts. */
export const claimsHa: Translation<typeof claimsEn> = {
  "claims.customer.askAmount":
    "Na gode da hoton rasit! Nawa ka kashe? Amsa da adadin kuɗin, misali 5000. Aika CANCEL don tsayawa.",
  "claims.customer.askAmountRetry":
    "Wannan ba adadin kuɗi ba ne. Amsa da abin da ka kashe, misali 5000 ko ₦5,000. Aika CANCEL don tsayawa.",
  "claims.customer.gaveUp":
    "Mu bar shi yanzu. Sake aiko hoton rasit tare da adadin kuɗi a matsayin taken sa, misali 5000.",
  "claims.customer.filed": "An aika rasit ɗinka na {amount} don dubawa. Za mu sanar da kai idan shagon ya amince.",
  "claims.customer.refused.claimsOff":
    "Yi haƙuri, wannan shagon ba ya karɓar hoton rasit. Ka roƙi ma'aikaci a kanta ya rubuta sayayyarka.",
  "claims.customer.refused.duplicate": "An taɓa aiko wannan rasit. Ana iya neman rasit ɗaya sau ɗaya kawai.",
  "claims.customer.refused.dailyLimit":
    "Ka aiko {limit, plural, one {rasit #} other {rasit #}} yau, iyakar da aka yarda. Sake gwadawa gobe, ko ka yi magana da ma'aikaci a kanta.",
  "claims.customer.refused.overMax":
    "Ba za a iya neman rasit da ya wuce {amount} ta hoto ba. Ka roƙi ma'aikaci a kanta ya rubuta wannan sayayya.",
  "claims.customer.refused.tooLarge": "Hoton ya yi girma da yawa (ya wuce 5 MB). Don Allah aiko ƙaramin hoton rasit.",
  "claims.customer.refused.unsupported":
    "Ban iya karanta wannan hoton ba. Don Allah aiko rasit a matsayin hoto na yau da kullum (JPEG ko PNG).",
  "claims.customer.refused.failed": "Yi haƙuri, ban samu hotonka yanzu ba. Don Allah sake aikawa bayan 'yan mintoci.",
  "claims.customer.mediaNotUnderstood":
    "Ba na iya karanta saƙon murya, bidiyo, sitika, fayil ko wuri. Ina karanta saƙonnin rubutu, da hotunan rasit ɗinka (tare da adadin kuɗi a matsayin take). Aika MENU don ganin abin da zan iya yi.",
  "claims.customer.strangerPhoto":
    "Na gode da hoton! Don samun maki don rasit, fara shiga shagon: duba lambar QR ɗinsu, ko aika JOIN da lambar shagon. Sannan sake aiko hoton.",
  "claims.notice.approved":
    "✅ {vendor} ya amince da rasit ɗinka: ka samu {points, plural, one {maki #} other {maki #}}. Yanzu makinka sun kai {balance}.",
  "claims.notice.rejected":
    "❌ {vendor} bai iya amincewa da rasit ɗinka ba: {why}. Ka tambaya a kanta idan kana ganin kuskure ne.",
  "claims.notice.referrerEarned":
    "🎉 Abokin da ka gayyata ya yi sayayyarsa ta farko a {vendor}: ka samu {points, plural, one {maki #} other {maki #}}. Yanzu makinka sun kai {balance}.",
  "claims.staff.none": "Babu buƙatar rasit da ke jira. Aika MENU don menu ɗinka.",
  "claims.staff.waiting": "{count, plural, other {Buƙatun rasit # na jira}}. Aika CLAIMS don duba su.",
  "claims.staff.list": "Buƙatun rasit da ke jira: {count}. Amsa da lamba don buɗe ɗaya, ko CANCEL don rufewa.",
  "claims.staff.line": "{number}. {phone}, {amount}, {age}",
  "claims.staff.more": "…da ƙarin {count} bayan waɗannan.",
  "claims.staff.age.minutes": "{minutes, plural, one {minti # da ya wuce} other {mintoci # da suka wuce}}",
  "claims.staff.age.hours": "{hours, plural, one {awa # da ya wuce} other {awanni # da suka wuce}}",
  "claims.staff.age.days": "{days, plural, one {kwana # da ya wuce} other {kwanaki # da suka wuce}}",
  "claims.staff.pickRetry": "Amsa da lambar buƙata daga jerin, misali 1, ko CANCEL don rufewa.",
  "claims.staff.opened":
    "Buƙata {number}: {amount} daga {phone}, an aiko {age}. Amsa APPROVE don rubuta sayayyar, ko REJECT da dalili (misali: REJECT wani shago). BACK zai mayar da kai jerin.",
  "claims.staff.receiptCaption": "Rasit na buƙata {number}: {amount}",
  "claims.staff.noImage": "Ba za a iya nuna hoton rasit a wannan hira ba; ana iya ganin sa a dashboard.",
  "claims.staff.askReason":
    "Me ya sa kake ƙi? Rubuta dalilin da abokin ciniki zai gani, misali: hoton bai fito sosai ba.",
  "claims.staff.decideRetry": "Amsa APPROVE, ko REJECT da dalili, ko BACK don jerin.",
  "claims.staff.approved": "An amince: an rubuta {amount} don {phone}, maki +{points}. An sanar da abokin ciniki.",
  "claims.staff.rejected": "An ƙi. An gaya wa abokin ciniki dalilin: {why}.",
  "claims.staff.alreadyReviewed": "Wani ya riga ya duba wannan buƙata.",
  "claims.staff.notFound": "Wannan buƙata ba ta nan kuma.",
  "claims.staff.purchaseRefused":
    "Ba a iya rubuta sayayyar ba, don haka buƙatar tana nan tana jira. Tambayi mai shago.",
  "claims.staff.notPermitted": "Asusunka ba shi da izinin duba buƙatun rasit. Tambayi mai shago.",
  "claims.staff.closed": "An rufe buƙatu. Aika MENU don menu ɗinka.",
  "claims.staff.nonText": "Amsa da rubutu: lambar buƙata, APPROVE, REJECT da dalili, ko CANCEL.",
};
