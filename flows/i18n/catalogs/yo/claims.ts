import type { claimsEn } from "../en/claims.ts";
import type { Translation } from "../translation.ts";

/** Group `claims.` in this language: same keys and placeholders as ../en/claims.ts. */
export const claimsYo: Translation<typeof claimsEn> = {
  "claims.customer.askAmount":
    "Ẹ ṣé fún fọ́tò ìwé-ìsanwó! Èló lo ná? Fi iye owó náà dáhùn, fún àpẹẹrẹ 5000. Fi CANCEL ránṣẹ́ láti dúró.",
  "claims.customer.askAmountRetry":
    "Ìyẹn kì í ṣe iye owó. Fi ohun tí o ná dáhùn, fún àpẹẹrẹ 5000 tàbí ₦5,000. Fi CANCEL ránṣẹ́ láti dúró.",
  "claims.customer.gaveUp":
    "Ẹ jẹ́ ká fi sílẹ̀ ná. Tún fọ́tò ìwé-ìsanwó ránṣẹ́ pẹ̀lú iye owó gẹ́gẹ́ bí àkọlé rẹ̀, fún àpẹẹrẹ 5000.",
  "claims.customer.filed":
    "A ti fi ìwé-ìsanwó rẹ ti {amount} ránṣẹ́ fún àyẹ̀wò. A ó kọ̀wé sí ọ nígbà tí ṣọ́ọ̀bù bá fọwọ́ sí i.",
  "claims.customer.refused.claimsOff":
    "Má bínú, ṣọ́ọ̀bù yìí kì í gba fọ́tò ìwé-ìsanwó. Ní kí òṣìṣẹ́ ní kàǹtà kọ ohun tí o rà sílẹ̀.",
  "claims.customer.refused.duplicate":
    "O ti fi ìwé-ìsanwó yìí ránṣẹ́ tẹ́lẹ̀. Ẹ̀ẹ̀kan péré ni a lè béèrè fún ìwé-ìsanwó kan.",
  "claims.customer.refused.dailyLimit":
    "O ti fi ìwé-ìsanwó {limit, plural, other {#}} ránṣẹ́ lónìí, èyí tó pọ̀ jù tí a gbà láàyè. Tún gbìyànjú lọ́la, tàbí bá òṣìṣẹ́ ní kàǹtà sọ̀rọ̀.",
  "claims.customer.refused.overMax":
    "A kò lè béèrè fún ìwé-ìsanwó tó ju {amount} lọ pẹ̀lú fọ́tò. Ní kí òṣìṣẹ́ ní kàǹtà kọ ohun tí o rà yìí sílẹ̀.",
  "claims.customer.refused.tooLarge": "Fọ́tò yẹn tóbi jù (ó ju 5 MB lọ). Jọ̀wọ́ fi fọ́tò ìwé-ìsanwó tó kéré ránṣẹ́.",
  "claims.customer.refused.unsupported":
    "Mi ò lè ka àwòrán yẹn. Jọ̀wọ́ fi ìwé-ìsanwó ránṣẹ́ gẹ́gẹ́ bí fọ́tò lásán (JPEG tàbí PNG).",
  "claims.customer.refused.failed": "Má bínú, mi ò rí fọ́tò rẹ gbà báyìí. Jọ̀wọ́ tún un fi ránṣẹ́ lẹ́yìn ìṣẹ́jú díẹ̀.",
  "claims.customer.mediaNotUnderstood":
    "Mi ò lè ka ohùn, fídíò, sítíkà, fáìlì tàbí ibi tí o wà. Mo ń ka ọ̀rọ̀ tí a tẹ̀, àti fọ́tò ìwé-ìsanwó rẹ (pẹ̀lú iye owó gẹ́gẹ́ bí àkọlé). Fi MENU ránṣẹ́ láti rí ohun tí mo lè ṣe.",
  "claims.customer.strangerPhoto":
    "Ẹ ṣé fún fọ́tò náà! Láti gba pọ́ìǹtì fún ìwé-ìsanwó, kọ́kọ́ darapọ̀ mọ́ ṣọ́ọ̀bù náà: ṣàyẹ̀wò kóòdù QR wọn, tàbí fi JOIN àti kóòdù ṣọ́ọ̀bù ránṣẹ́. Lẹ́yìn náà tún fọ́tò náà fi ránṣẹ́.",
  "claims.notice.approved":
    "✅ {vendor} ti fọwọ́ sí ìwé-ìsanwó rẹ: o gba {points, plural, other {# pọ́ìǹtì}}. Iye pọ́ìǹtì rẹ báyìí jẹ́ {balance}.",
  "claims.notice.rejected": "❌ {vendor} kò lè fọwọ́ sí ìwé-ìsanwó rẹ: {why}. Béèrè ní kàǹtà tí o bá rò pé àṣìṣe ni.",
  "claims.notice.referrerEarned":
    "🎉 Ọ̀rẹ́ tí o pè ti ra nǹkan àkọ́kọ́ ní {vendor}: o gba {points, plural, other {# pọ́ìǹtì}}. Iye pọ́ìǹtì rẹ báyìí jẹ́ {balance}.",
  "claims.staff.none": "Kò sí ìbéèrè ìwé-ìsanwó tó ń dúró. Fi MENU ránṣẹ́ fún àkójọ rẹ.",
  "claims.staff.waiting": "{count, plural, other {Ìbéèrè ìwé-ìsanwó # ló ń dúró}}. Fi CLAIMS ránṣẹ́ láti yẹ̀ wọ́n wò.",
  "claims.staff.list": "Ìbéèrè ìwé-ìsanwó tó ń dúró: {count}. Fi nọ́ńbà kan dáhùn láti ṣí i, tàbí CANCEL láti pa á dé.",
  "claims.staff.line": "{number}. {phone}, {amount}, {age}",
  "claims.staff.more": "…àti {count} mìíràn lẹ́yìn ìwọ̀nyí.",
  "claims.staff.age.minutes": "ní ìṣẹ́jú {minutes, plural, other {#}} sẹ́yìn",
  "claims.staff.age.hours": "ní wákàtí {hours, plural, other {#}} sẹ́yìn",
  "claims.staff.age.days": "ní ọjọ́ {days, plural, other {#}} sẹ́yìn",
  "claims.staff.pickRetry": "Fi nọ́ńbà ìbéèrè kan láti inú àkójọ dáhùn, fún àpẹẹrẹ 1, tàbí CANCEL láti pa á dé.",
  "claims.staff.opened":
    "Ìbéèrè {number}: {amount} láti ọ̀dọ̀ {phone}, a fi ránṣẹ́ {age}. Fi APPROVE dáhùn láti kọ ohun tí wọ́n rà sílẹ̀, tàbí REJECT àti ìdí (fún àpẹẹrẹ: REJECT ṣọ́ọ̀bù míì). BACK yóò dá ọ padà sí àkójọ.",
  "claims.staff.receiptCaption": "Ìwé-ìsanwó fún ìbéèrè {number}: {amount}",
  "claims.staff.noImage": "A kò lè fi fọ́tò ìwé-ìsanwó hàn nínú ìjíròrò yìí; o lè rí i lórí dashboard.",
  "claims.staff.askReason": "Kí ló dé tí o fi kọ̀ ọ́? Tẹ ìdí tí oníbàárà yóò rí, fún àpẹẹrẹ: fọ́tò kò mọ́.",
  "claims.staff.decideRetry": "Fi APPROVE dáhùn, tàbí REJECT àti ìdí, tàbí BACK fún àkójọ.",
  "claims.staff.approved": "A ti fọwọ́ sí i: a kọ {amount} sílẹ̀ fún {phone}, +{points} pọ́ìǹtì. A ti sọ fún oníbàárà.",
  "claims.staff.rejected": "A ti kọ̀ ọ́. A ti sọ ìdí rẹ̀ fún oníbàárà: {why}.",
  "claims.staff.alreadyReviewed": "Ẹlòmíì ti yẹ ìbéèrè yẹn wò tẹ́lẹ̀.",
  "claims.staff.notFound": "Ìbéèrè yẹn kò sí mọ́.",
  "claims.staff.purchaseRefused": "A kò lè kọ ohun tí wọ́n rà sílẹ̀, nítorí náà ìbéèrè náà ṣì ń dúró. Béèrè lọ́wọ́ olówó.",
  "claims.staff.notPermitted": "Àkáǹtì rẹ kò ní àṣẹ láti yẹ ìbéèrè ìwé-ìsanwó wò. Béèrè lọ́wọ́ olówó.",
  "claims.staff.closed": "A ti pa ìbéèrè dé. Fi MENU ránṣẹ́ fún àkójọ rẹ.",
  "claims.staff.nonText": "Fi ọ̀rọ̀ dáhùn: nọ́ńbà ìbéèrè, APPROVE, REJECT àti ìdí, tàbí CANCEL.",
};
