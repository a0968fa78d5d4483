import type { lifecycleEn } from "../en/lifecycle.ts";
import type { Translation } from "../translation.ts";

/** Group `lifecycle.` in this language: same keys and placeholders as ../en/lifecycle.ts. */
export const lifecyclePcm: Translation<typeof lifecycleEn> = {
  "lifecycle.balance.tier": "⭐ Your level: {tier}.",
  "lifecycle.balance.nextTier":
    "Gather {points, plural, one {# more point} other {# more points}} make you reach {tier}.",
  "lifecycle.balance.topTier": "Na the top level be dat. Thank you say you dey with us!",
  "lifecycle.tierUp":
    "🌟 Congrats! You don reach {tier} for {vendor}. From now, every buy go give you {multiplier, number} times the points.",

  "lifecycle.myData.none": "We no hold any loyalty data for your number.",
  "lifecycle.myData.header": "Na wetin we hold about your number be dis, shop by shop:",
  "lifecycle.myData.vendor": "*{vendor}* (you join {date})",
  "lifecycle.myData.name": "Name: {name}",
  "lifecycle.myData.birthday": "Birthday: {birthday}",
  "lifecycle.myData.counts":
    "{purchases, plural, one {# buy} other {# buys}}, {points, plural, one {# point} other {# points}}, {messages, plural, one {# message} other {# messages}}",
  "lifecycle.myData.offersOn": "Offers and news: on",
  "lifecycle.myData.offersOff": "Offers and news: off",
  "lifecycle.myData.footer": "Send DELETE MY DATA make we clear am.",

  "lifecycle.deleteData.confirm":
    "Dis one go clear your name, number, birthday and messages for {shops, plural, one {# shop} other {# shops}}. Your points for there go lost and you no go get message again. Reply YES make we clear am, or send any other thing to keep everything.",
  "lifecycle.deleteData.done": "E don do: we don clear your data. If you write us again, you go start as new customer.",
  "lifecycle.deleteData.cancelled": "We no clear anything. Your data and points dey as dem be.",

  "lifecycle.birthday.ask":
    "🎂 We go like celebrate your birthday with you! Send the day and month, like 14 March or 14/03. Reply NO if you no want.",
  "lifecycle.birthday.prompt":
    "🎂 When be your birthday? Send the day and month, like 14 March or 14/03. Send CANCEL to stop.",
  "lifecycle.birthday.retry": "I no fit read dat date. Send the day and month, like 14 March or 14/03, or CANCEL.",
  "lifecycle.birthday.saved": "Thank you! We don save your birthday: {birthday}. Send MENU for more.",
  "lifecycle.birthday.declined": "No wahala, we no go ask again. You fit send BIRTHDAY any time.",
};
