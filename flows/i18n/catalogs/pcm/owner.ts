import type { ownerEn } from "../en/owner.ts";
import type { Translation } from "../translation.ts";

/**
 * Group `owner.` in Nigerian Pidgin: same keys and placeholders as ../en/owner.ts.
 * AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday Lagos Pidgin.
 */
export const ownerPcm: Translation<typeof ownerEn> = {
  "owner.askPin": "{vendor} owner: put your PIN.",
  "owner.pin.format": "Your PIN na 4 to 6 numbers, like 1234. Put your PIN:",
  "owner.pin.wrong": "Dat PIN no correct. {attempts, plural, one {# chance} other {# chances}} remain. Put your PIN:",
  "owner.pin.lockedFor":
    "Too many wrong PIN. Owner chat don lock; try again after {minutes, plural, one {# minute} other {# minutes}}.",
  "owner.pin.lockedLater": "Too many wrong PIN. Owner chat don lock; try again later.",
  "owner.pin.lockedUntil": "Too many wrong PIN. Owner chat don lock till {time}.",
  "owner.pin.startAgain": "Make we start again. Send OWNER when you ready.",
  "owner.pin.cancelled": "E don cancel. Send OWNER to start again.",
  "owner.signedIn":
    "How far {name}, you dey owner mode now (e go end 10 minutes after your last message). Wetin you wan do?",
  "owner.signedInNoName":
    "How far, you dey owner mode now (e go end 10 minutes after your last message). Wetin you wan do?",

  "owner.menu.hint":
    "You fit also type: ADD REWARD <points> <name>, PAUSE REWARD <n>, RATE <points per ₦100>, ADD STAFF <phone> <name>, REMOVE STAFF <n>, BROADCAST <message>, CLAIMS.",
  "owner.menu.button": "Owner menu",
  "owner.menu.today.title": "Today",
  "owner.menu.today.description": "Wetin dem buy, points and new customers today and dis week",
  "owner.menu.rewards.title": "Rewards",
  "owner.menu.rewards.description": "Your rewards, with number",
  "owner.menu.staff.title": "Staff",
  "owner.menu.staff.description": "Your staff, with number",
  "owner.menu.void.title": "Cancel purchase",
  "owner.menu.void.description": "Cancel one of the last ten purchases",
  "owner.menu.broadcast.title": "Broadcast",
  "owner.menu.broadcast.description": "Send message to all your customers",
  "owner.menu.rate.title": "Points rate",
  "owner.menu.rate.description": "Points for every ₦100 wey dem spend",
  "owner.menu.qr.title": "QR code",
  "owner.menu.qr.description": "Your join link and poster",
  "owner.menu.plan.title": "Plan",
  "owner.menu.plan.description": "Your plan and how much you don use",
  "owner.menu.login.title": "Dashboard link",
  "owner.menu.login.description": "Enter the web dashboard",
  "owner.menu.exit.title": "Comot owner mode",
  "owner.menu.exit.description": "Go back to customer menu",
  "owner.whatNext": "Wetin next?",
  "owner.notUnderstood": "Sorry, I no understand dat one.",
  "owner.nonText": "Na only text message I fit read.",
  "owner.sessionEnded": "Your owner session don end. Send OWNER to start again.",
  "owner.exited": "Owner mode don end. Send MENU for your customer menu, or OWNER to come back.",

  "owner.today": "Today: {today}\nLast 7 days: {week}",
  "owner.today.period":
    "{purchases, plural, one {# purchase} other {# purchases}}, {amount}, {points, plural, one {# point} other {# points}} wey we give, {customers, plural, one {# new customer} other {# new customers}}, {redemptions, plural, one {# reward wey dem collect} other {# rewards wey dem collect}}.",

  "owner.rewards.none": "You never get any reward. Add one: ADD REWARD 500 Free drink",
  "owner.rewards.title": "Your rewards:",
  "owner.rewards.line": "{number}. {reward}: {points, plural, one {# point} other {# points}}",
  "owner.rewards.linePaused": "{number}. {reward}: {points, plural, one {# point} other {# points}} (e dey pause)",
  "owner.rewards.hint": "PAUSE REWARD <n> go pause one; ADD REWARD <points> <name> go add one.",
  "owner.rewards.addHelp": "Send ADD REWARD, the points and the name, like: ADD REWARD 500 Free drink",
  "owner.rewards.added":
    "E don add: {reward} for {points, plural, one {# point} other {# points}}. Customers go see am for REWARDS now.",
  "owner.rewards.pauseHelp": "Send PAUSE REWARD and the number wey e get for REWARDS, like: PAUSE REWARD 2",
  "owner.rewards.paused": "E don pause: {reward}. Customers no go see am again.",

  "owner.rate.help": "Send RATE and the points for every ₦100 wey dem spend, like: RATE 2",
  "owner.rate.confirm":
    "Change am to {points, plural, one {# point} other {# points}} for every ₦100, for every purchase from now? YES / NO",
  "owner.rate.set": "E don set: customers go dey get {points, plural, one {# point} other {# points}} for every ₦100.",
  "owner.rate.changed":
    "E don set: customers go dey get {points, plural, one {# point} other {# points}} for every ₦100 (before, e be {previous, plural, one {# point} other {# points}}).",
  "owner.rate.notChanged": "We no change am.",

  "owner.staff.addHelp": "Send ADD STAFF, their phone number and name, like: ADD STAFF 0803 123 4567 Tunde",
  "owner.staff.added":
    "{name} ({phone}) don join your staff. We don tell am make e send STAFF to dis number to choose PIN.",
  "owner.staff.none": "You never get staff. Add person: ADD STAFF 0803 123 4567 Tunde",
  "owner.staff.title": "Your staff:",
  "owner.staff.line": "{number}. {name} ({phone})",
  "owner.staff.lineNoPin": "{number}. {name} ({phone}), never choose PIN",
  "owner.staff.lineAdmin": "{number}. {name} ({phone}), admin",
  "owner.staff.lineAdminNoPin": "{number}. {name} ({phone}), admin, never choose PIN",
  "owner.staff.noPhone": "no phone",
  "owner.staff.hint": "REMOVE STAFF <n> go remove one sharp sharp.",
  "owner.staff.removeHelp": "Send REMOVE STAFF and their number for STAFF LIST, like: REMOVE STAFF 2",
  "owner.staff.removed": "{name} don comot: e no fit use staff chat or dashboard again.",

  "owner.broadcast.help": "Send BROADCAST and your message, like: BROADCAST Double points dis Saturday!",
  "owner.broadcast.confirm":
    "E go reach {audience, plural, one {# customer} other {# customers}} wey dey collect offers. Your plan allow {limit, number} every month and you don send {used, number}. Make I send am now? YES / NO",
  "owner.broadcast.confirmNoLimit":
    "E go reach {audience, plural, one {# customer} other {# customers}} wey dey collect offers. You don send {used, plural, one {# broadcast} other {# broadcasts}} dis month; your plan no get limit. Make I send am now? YES / NO",
  "owner.broadcast.confirmAgain": "Abeg reply YES make I send am, or NO.",
  "owner.broadcast.noAudience": "No customer dey collect offers yet, so nobody to send am to.",
  "owner.broadcast.sent": "I dey send am to {audience, plural, one {# customer} other {# customers}} now.",
  "owner.broadcast.notSent": "I no send am.",

  "owner.void.none": "No purchase dey to cancel.",
  "owner.void.choose": "Which purchase you wan cancel? Reply with the number.",
  "owner.void.button": "Purchases",
  "owner.void.rowTitle": "{number}. {amount} {phone}",
  "owner.void.rowDescription": "{when}, {points, plural, one {# point} other {# points}}",
  "owner.void.rowDescriptionBy": "{when} by {name}, {points, plural, one {# point} other {# points}}",
  "owner.void.pick": "Reply with number from 1 to {count}, or CANCEL.",
  "owner.void.confirm":
    "Cancel {amount} for {phone} ({when})? We go collect back the {points, plural, one {# point} other {# points}}. YES / NO",
  "owner.void.confirmBy":
    "Cancel {amount} for {phone} ({when}, by {name})? We go collect back the {points, plural, one {# point} other {# points}}. YES / NO",
  "owner.void.done":
    "E don cancel {amount} for {phone}: we collect back {points, plural, one {# point} other {# points}}. Their balance na {balance, plural, one {# point} other {# points}}; we don tell dem.",
  "owner.void.doneShortfall":
    "E don cancel {amount} for {phone}: we collect back {points, plural, one {# point} other {# points}}; dem don already spend {spent, plural, one {# point} other {# points}} wey we no fit collect. Their balance na {balance, plural, one {# point} other {# points}}; we don tell dem.",
  "owner.void.notVoided": "We no cancel am.",

  "owner.qr": "Your join link (share am, or print the QR poster wey dey come): {link}",
  "owner.posterCaption": "Your QR poster: print am for A5 and put am where customers dey pay. Code: {code}",
  "owner.plan.header":
    "Plan: {plan} ({status, select, trial {free trial} active {e dey active} suspended {dem hold am} cancelled {e don cancel} other {{status}}}).",
  "owner.plan.headerUntil":
    "Plan: {plan} ({status, select, trial {free trial} active {e dey active} suspended {dem hold am} cancelled {e don cancel} other {{status}}}), till {date}.",
  "owner.plan.line": "{label}: {used, number} out of {limit, number}",
  "owner.plan.lineNoLimit": "{label}: {used, number} (no limit)",
  "owner.plan.label.customers": "Customers",
  "owner.plan.label.staff": "Staff",
  "owner.plan.label.broadcasts": "Broadcasts dis month",
  "owner.plan.label.purchases": "Purchases dis month",
  "owner.plan.payLink": "Pay or upgrade: {link}",
  "owner.loginLink": "Your dashboard link, e go work for 10 minutes and only one time: {link}\nNo share am.",

  "owner.failed": "E no work: {reason}",
  "owner.failed.notSignedIn": "Put your PIN first.",
  "owner.failed.noSuchReward": "No reward get number {number}. Send REWARDS to see the list.",
  "owner.failed.noSuchStaff": "No staff get number {number}. Send STAFF LIST to see the list.",
  "owner.failed.staffLimit": "Your plan staff limit don full. Send PLAN to see your plan.",
  "owner.failed.staffTaken": "Dat phone number don already dey your staff list.",
  "owner.failed.alreadyVoided": "Dat purchase don already cancel.",
  "owner.failed.purchaseGone": "We no fit find dat purchase again.",
  "owner.failed.rateNotSaved": "We no fit save the rate. Send RATE and number wey pass zero, like: RATE 2",
  "owner.failed.broadcastLimit":
    "Your plan allow {limit, plural, one {# broadcast} other {# broadcasts}} every month and you don send {used, number} dis month. Upgrade your plan to send more.",
  "owner.failed.broadcastInvalid": "Broadcast message suppose be 1 to {count, number} letters.",
  "owner.failed.broadcastNotSent": "The broadcast no fit start. Abeg try again.",
  "owner.paused":
    "Your programme dey pause, so you no fit change anything now. TODAY, REWARDS, STAFF LIST, QR, PLAN and LOGIN still dey work.",

  "owner.notOwner":
    "Dis number no be owner of any business here. If you get business, send REGISTER to start loyalty programme; if you dey work for one, send STAFF.",
  "owner.chooseBusiness": "You get more than one business. Send OWNER and the code: {list}",
  "owner.chooseBusiness.item": "{vendor} ({code})",

  "owner.notice.staffInvite":
    "Dem don add you as staff for {vendor}. Send STAFF here to choose your staff PIN, then log purchase with LOG <phone> <amount>.",
  "owner.notice.purchaseVoided":
    "Dem don cancel one purchase of {amount} for {vendor}. We collect back {points, plural, one {# point} other {# points}} from am. Your balance na {balance, plural, one {# point} other {# points}}.",
  "owner.notice.purchaseVoidedNoPoints":
    "Dem don cancel one purchase of {amount} for {vendor}. Your balance na {balance, plural, one {# point} other {# points}}.",
};
