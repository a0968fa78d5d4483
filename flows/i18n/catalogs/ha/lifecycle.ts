import type { lifecycleEn } from "../en/lifecycle.ts";
import type { Translation } from "../translation.ts";

/** Group `lifecycle.` in this language: same keys and placeholders as ../en/lifecycle.ts. */
export const lifecycleHa: Translation<typeof lifecycleEn> = {
  "lifecycle.balance.tier": "⭐ Matakinka: {tier}.",
  "lifecycle.balance.nextTier": "Ka sami ƙarin {points, plural, one {maki #} other {maki #}} don kai {tier}.",
  "lifecycle.balance.topTier": "Wannan shi ne mataki mafi girma. Mun gode da kasancewa tare da mu!",
  "lifecycle.tierUp":
    "🌟 Barka! Yanzu kana {tier} a {vendor}. Daga yanzu kowane siyayya zai ba ka maki ninki {multiplier, number}.",

  "lifecycle.myData.none": "Ba mu riƙe wani bayani game da lambarka ba.",
  "lifecycle.myData.header": "Ga abin da muka riƙe game da lambarka, kanti bayan kanti:",
  "lifecycle.myData.vendor": "*{vendor}* (ka shiga {date})",
  "lifecycle.myData.name": "Suna: {name}",
  "lifecycle.myData.birthday": "Ranar haihuwa: {birthday}",
  "lifecycle.myData.counts":
    "{purchases, plural, one {siyayya #} other {siyayya #}}, {points, plural, one {maki #} other {maki #}}, {messages, plural, one {saƙo #} other {saƙonni #}}",
  "lifecycle.myData.offersOn": "Tallace-tallace da labarai: a kunne",
  "lifecycle.myData.offersOff": "Tallace-tallace da labarai: a kashe",
  "lifecycle.myData.footer": "Aika DELETE MY DATA don a goge shi.",

  "lifecycle.deleteData.confirm":
    "Wannan zai goge sunanka, lambarka, ranar haihuwarka da saƙonninka a {shops, plural, one {kanti #} other {kantuna #}}. Makinka a can za su ɓace kuma ba za ka ƙara samun saƙonni ba. Amsa YES don a goge, ko wani abu daban don a bar komai.",
  "lifecycle.deleteData.done":
    "An gama: an goge bayananka. Idan ka sake rubuto mana, za ka fara a matsayin sabon abokin ciniki.",
  "lifecycle.deleteData.cancelled": "Ba a goge komai ba. Bayananka da makinka suna nan yadda suke.",

  "lifecycle.birthday.ask":
    "🎂 Muna so mu yi bikin ranar haihuwarka tare da kai! Aika rana da wata, misali 14 March ko 14/03. Amsa NO idan ba ka so.",
  "lifecycle.birthday.prompt":
    "🎂 Yaushe ne ranar haihuwarka? Aika rana da wata, misali 14 March ko 14/03. Aika CANCEL don tsayawa.",
  "lifecycle.birthday.retry":
    "Ban iya karanta wannan kwanan wata ba. Aika rana da wata, misali 14 March ko 14/03, ko CANCEL.",
  "lifecycle.birthday.saved": "Na gode! An ajiye ranar haihuwarka: {birthday}. Aika MENU don ƙari.",
  "lifecycle.birthday.declined": "Ba komai, ba za mu sake tambaya ba. Kana iya aika BIRTHDAY a kowane lokaci.",
};
