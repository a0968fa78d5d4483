import type { signupEn } from "../en/signup.ts";
import type { Translation } from "../translation.ts";

/**
 * Group `signup.` in Hausa: same keys and placeholders as ../en/signup.ts.
 * AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday words.
 */
export const signupHa: Translation<typeof signupEn> = {
  "signup.alreadyOwner":
    "Wannan lamba tana gudanar da {vendor} a LoyaltyLaaS riga, don haka ba za ta iya yin rajistar wani kasuwanci ba. Aika OWNER don kula da shi.",
  "signup.tooManyStarts": "Ka fara rajista sau da yawa a yau. Don Allah sake gwadawa gobe.",
  "signup.dailyLimitReached": "Ba za mu iya karɓar ƙarin rajista a yau ba. Don Allah sake gwadawa gobe.",
  "signup.notOnThisNumber":
    "Don yin rajistar kasuwancinka, aika saƙo zuwa lambar LoyaltyLaaS, ba lambar wani shago ba.",

  "signup.askBusinessName":
    "Mu kafa shirin aminci don kasuwancinka. 🎉\nMene ne sunan kasuwancinka? Misali: Mama Put Kitchen\n(Aika CANCEL a kowane lokaci don tsayawa.)",
  "signup.badBusinessName": "Don Allah aika sunan kasuwancin da haruffa 2 zuwa 60, misali: Mama Put Kitchen",
  "signup.askVendorCode":
    "Kwastomomi na shiga ta aika JOIN da lambar shagonka. Ina ba da shawarar {code}.\nAmsa YES don amfani da ita, ko rubuta wata lamba (haruffa da lambobi 3 zuwa 20, misali MAMAPUT1).",
  "signup.badVendorCode":
    "Lambar shago haruffa da lambobi 3 zuwa 20 ce, da aƙalla harafi ɗaya, misali MAMAPUT1. Amsa YES don amfani da {code}, ko rubuta wata.",
  "signup.vendorCodeTaken": "An riga an ɗauki lambar {taken}. Amsa YES don amfani da {code}, ko rubuta wata lamba.",
  "signup.askOwnerName": "Lambar shagonka ita ce {code}. Mene ne sunanka (mai shago)? Misali: Ngozi Okafor",
  "signup.badOwnerName": "Don Allah aika sunanka da haruffa 2 zuwa 60, misali: Ngozi Okafor",
  "signup.askPin":
    "Zaɓi PIN na mai shago mai lambobi 4 zuwa 6, misali 4821. Da shi za ka kula da shirinka a nan (aika OWNER). Kada ka yi amfani da PIN na banki.",
  "signup.badPin": "PIN lambobi 4 zuwa 6 ne, misali 4821. Zaɓi PIN ɗinka na mai shago:",
  "signup.askPinAgain": "Sake rubuta PIN ɗin don tabbatarwa:",
  "signup.pinMismatch": "PIN ɗin biyu ba su yi daidai ba. Sake zaɓar PIN ɗinka (lambobi 4 zuwa 6):",
  "signup.askRate":
    "Maki nawa kwastomomi za su samu a kan kowane ₦100 da suka kashe? Amsa 1 (wanda aka saba) ko wata cikakkiyar lamba, misali 2.",
  "signup.badRate": "Don Allah amsa da cikakkiyar lambar maki a kan ₦100 daga 1 zuwa 100, misali 1.",
  "signup.askReward":
    "Yanzu kyautarka ta farko: aika makin da take ci da sunanta, misali: 100 Free drink\nKo amsa SKIP don ƙara kyaututtuka daga baya.",
  "signup.badReward": "Aika maki da sunan kyautar, misali: 100 Free drink (maki daga 1 zuwa 1,000,000). Ko amsa SKIP.",
  "signup.summary":
    "Don Allah duba:\nKasuwanci: {vendor}\nLambar shago: {code}\nMai shago: {name}\nMaki: {points, number} a kan kowane ₦100\nKyauta ta farko: {reward} a kan maki {cost, number}\n\nAmsa YES don ƙirƙirar shirinka (gwaji kyauta), ko CANCEL.",
  "signup.summaryNoReward":
    "Don Allah duba:\nKasuwanci: {vendor}\nLambar shago: {code}\nMai shago: {name}\nMaki: {points, number} a kan kowane ₦100\nKyauta ta farko: babu tukuna\n\nAmsa YES don ƙirƙirar shirinka (gwaji kyauta), ko CANCEL.",
  "signup.confirmAgain": "Don Allah amsa YES don ƙirƙirar shirinka, ko CANCEL don tsayawa.",

  "signup.registered":
    "🎉 {vendor} ya fara aiki da gwaji kyauta na kwanaki {days}!\nLambar shagonka ita ce {code}. Kwastomomi na shiga ta duba fostar QR ɗinka (tana zuwa) ko da wannan mahaɗi:\n{link}\n\nBuga fostar ka sa ta wurin biya. Aika OWNER (da PIN ɗinka) don kula da kyaututtuka, ma'aikata da sauransu.",
  "signup.posterCaption": "Fostar QR ɗinka: buga ta a A5 ka sa ta inda kwastomomi ke biya. Lamba: {code}",
  "signup.cancelled": "An soke rajista. Aika REGISTER duk lokacin da kake son sake farawa.",
  "signup.gaveUp": "Mu tsaya a nan. Aika REGISTER duk lokacin da kake son sake farawa.",
  "signup.timedOut": "Lokacin rajistarka ya ƙare. Aika REGISTER don sake farawa.",
  "signup.nonText": "Saƙon rubutu kawai nake iya karantawa. Don Allah rubuta amsarka, ko aika CANCEL.",

  "signup.button.yes": "Eh, ƙirƙira",
  "signup.button.cancel": "Soke",
  "signup.button.skip": "Tsallake yanzu",
  "signup.button.onePoint": "Maki 1 (na saba)",
  "signup.button.twoPoints": "Maki 2",
  "signup.button.fivePoints": "Maki 5",
  "signup.button.ownerMode": "Yanayin mai shago",
};
