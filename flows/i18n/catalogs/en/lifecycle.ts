/** English, group `lifecycle.`: see ../en.ts for the catalog's rules. */
export const lifecycleEn = {
  "lifecycle.balance.tier": "⭐ Your level: {tier}.",
  "lifecycle.balance.nextTier": "Earn {points, plural, one {# more point} other {# more points}} to reach {tier}.",
  "lifecycle.balance.topTier": "That is the top level. Thank you for being with us!",
  "lifecycle.tierUp":
    "🌟 Congratulations! You are now {tier} at {vendor}. From now on every purchase earns {multiplier, number} times the points.",

  "lifecycle.myData.none": "We hold no loyalty data for your number.",
  "lifecycle.myData.header": "This is what we hold about your number, shop by shop:",
  "lifecycle.myData.vendor": "*{vendor}* (joined {date})",
  "lifecycle.myData.name": "Name: {name}",
  "lifecycle.myData.birthday": "Birthday: {birthday}",
  "lifecycle.myData.counts":
    "{purchases, plural, one {# purchase} other {# purchases}}, {points, plural, one {# point} other {# points}}, {messages, plural, one {# message} other {# messages}}",
  "lifecycle.myData.offersOn": "Offers and news: on",
  "lifecycle.myData.offersOff": "Offers and news: off",
  "lifecycle.myData.footer": "Send DELETE MY DATA to erase it.",

  "lifecycle.deleteData.confirm":
    "This erases your name, number, birthday and messages at {shops, plural, one {# shop} other {# shops}}. Your points there will be lost and you will get no more messages. Reply YES to erase, or anything else to keep everything.",
  "lifecycle.deleteData.done": "Done: your data is erased. If you write to us again, you start as a new customer.",
  "lifecycle.deleteData.cancelled": "Nothing was erased. Your data and points are as they were.",

  "lifecycle.birthday.ask":
    "🎂 We would love to celebrate your birthday with you! Send the day and month, for example 14 March or 14/03. Reply NO if you would rather not.",
  "lifecycle.birthday.prompt":
    "🎂 When is your birthday? Send the day and month, for example 14 March or 14/03. Send CANCEL to stop.",
  "lifecycle.birthday.retry":
    "I could not read that date. Send the day and month, for example 14 March or 14/03, or CANCEL.",
  "lifecycle.birthday.saved": "Thank you! Your birthday is saved: {birthday}. Send MENU for more.",
  "lifecycle.birthday.declined": "No problem, we will not ask again. You can send BIRTHDAY any time.",
};
