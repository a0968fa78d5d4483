import type { Catalog } from "../catalog.ts";
import { ownerPcm } from "./pcm/owner.ts";
import { signupPcm } from "./pcm/signup.ts";
import { claimsPcm } from "./pcm/claims.ts";
import { lifecyclePcm } from "./pcm/lifecycle.ts";
import { billingPcm } from "./pcm/billing.ts";

/**
 * Nigerian Pidgin (Naija), as spoken in Lagos. AWAITING REVIEW BY A NATIVE SPEAKER: written by
 * the team from everyday usage; keep sentences short and words common. Same keys and
 * placeholders as en.ts; command words (BALANCE, YES …) stay in capitals.
 */
export const pcm: Catalog = {
  "common.yes": "Yes",
  "common.no": "No",
  "common.choose": "Choose",
  "common.more": "More…",
  "common.page": "Page {page} of {pages}",
  "common.didYouMean": "Na one of dis you mean? Tap am, or send MENU make you see everything.",

  "language.prompt": "Which language you want make I dey use? You fit change am anytime: send LANGUAGE.",
  "language.button": "Language",
  "language.changed": "Okay, from now I go dey yarn you for Pidgin.",
  "language.unknown": "I no sabi dat language yet. Choose one: English, Pidgin, Yoruba, Hausa or Igbo.",
  "language.name.en": "English",
  "language.name.pcm": "Naija Pidgin",
  "language.name.yo": "Yoruba",
  "language.name.ha": "Hausa",
  "language.name.ig": "Igbo",

  "customer.menu.prompt": "Wetin you wan do?",
  "customer.menu.button": "Menu",
  "customer.menu.cancelled": "Okay, I don cancel am. Wetin you wan do?",
  "customer.menu.notUnderstood":
    "Sorry, I no understand dat one. Pick one option, or type word like BALANCE or REWARDS.",
  "customer.menu.nonText": "Na only text message I fit read. See wetin I fit do:",
  "customer.menu.startAgain": "Make we start again. Wetin you wan do?",
  "customer.menu.balance.title": "My points",
  "customer.menu.balance.description": "Your points and when dem go expire",
  "customer.menu.rewards.title": "Rewards",
  "customer.menu.rewards.description": "Wetin your points fit collect",
  "customer.menu.redeem.title": "Collect reward",
  "customer.menu.redeem.description": "Use your points, collect code for counter",
  "customer.menu.history.title": "History",
  "customer.menu.history.description": "Wetin happen to your points lately",
  "customer.menu.refer.title": "Bring your padi",
  "customer.menu.refer.description": "Share your link make you earn points",
  "customer.menu.vendors.title": "My shops",
  "customer.menu.vendors.description": "See or change di shops wey you join",
  "customer.menu.stop.title": "Stop offers",
  "customer.menu.stop.description": "No more promo message",
  "customer.menu.start.title": "Send me offers",
  "customer.menu.start.description": "Start to receive promo message again",

  "customer.welcome.new": "Welcome to {vendor} loyalty programme! Anytime you buy, you go earn points.",
  "customer.welcome.back": "Welcome back to {vendor}!",

  "customer.balance.total": "You get {points, plural, one {# point} other {# points}}.",
  "customer.balance.expiring": "{points, number} for inside go expire on {date}.",
  "customer.balance.hint": "Send REWARDS make you see wetin you fit collect.",

  "customer.rewards.none": "No reward dey yet. Keep dey gather points!",
  "customer.rewards.canGetNow": "Rewards wey you fit collect now:",
  "customer.rewards.line": "{number}. {reward} ({points, plural, one {# point} other {# points}})",
  "customer.rewards.redeemHint": "Send REDEEM make you collect one.",
  "customer.rewards.notEnough":
    "You get {points, plural, one {# point} other {# points}}, e never reach for any reward.",
  "customer.rewards.aimFor": "Wetin you fit aim for next:",
  "customer.rewards.aimLine": "- {reward}: {points, plural, one {# more point} other {# more points}}",
  "customer.rewards.button": "Rewards",
  "customer.rewards.rowPoints": "{points, plural, one {# point} other {# points}}",

  "customer.redeem.choose": "Which reward you want? Reply with im number.",
  "customer.redeem.more": "More rewards. Reply with number.",
  "customer.redeem.retry": "Abeg reply with di reward number, like 1.",
  "customer.redeem.confirm": "You wan use {points, plural, one {# point} other {# points}} collect {reward}? YES / NO",
  "customer.redeem.confirmRetry":
    "Abeg reply YES or NO. You wan use {points, plural, one {# point} other {# points}} collect {reward}? YES / NO",
  "customer.redeem.declined": "Okay, you no collect anything. Wetin you wan do?",
  "customer.redeem.done":
    "Show dis code for counter: {code}\n\n{reward}: you don use {points, plural, one {# point} other {# points}}. {balance, plural, one {# point} other {# points}} remain for you.",
  "customer.redeem.failed.insufficient_points":
    "Your points no reach for dat reward again. Send REWARDS make you see wetin you fit collect.",
  "customer.redeem.failed.out_of_stock": "Sorry, dat reward don finish. Send REWARDS make you see di others.",
  "customer.redeem.failed.limit_reached":
    "You don collect dat reward reach di number wey dem allow. Send REWARDS make you see di others.",
  "customer.redeem.failed.unavailable": "Sorry, dat reward no dey again. Send REWARDS make you see di others.",

  "customer.history.none": "Nothing don happen for your points yet. Buy something make you start to earn!",
  "customer.history.title": "Your points lately:",
  "customer.history.line": "{date}: {points} ({cause})",
  "customer.history.type.earned": "points wey you earn",
  "customer.history.type.redeemed": "reward wey you collect",
  "customer.history.type.expired": "points wey expire",
  "customer.history.type.adjusted": "adjustment",
  "customer.history.type.reversed": "refund",
  "customer.history.type.other": "points",

  "customer.refer.link":
    "Invite your padi dem, earn points when dem buy!\nShare dis link: {link}\nYour referral code: {code}",

  "customer.vendors.none": "You never join any shop. Scan di shop QR code, or send JOIN plus dia code.",
  "customer.vendors.choose": "Your shops. Reply with number make you change.",
  "customer.vendors.more": "More shops. Reply with number.",
  "customer.vendors.retry": "Abeg reply with di shop number, like 1.",
  "customer.vendors.line": "{number}. {vendor}",
  "customer.vendors.lineCurrent": "{number}. {vendor} (na dis one now)",
  "customer.vendors.current": "Na dis one you dey talk to now",
  "customer.vendors.already": "Na dat shop you dey talk to already. Send MENU make you see wetin you fit do.",
  "customer.vendors.switched": "Now you dey talk to {vendor}. Wetin you wan do?",
  "customer.vendors.button": "Shops",

  "customer.offers.on": "You go dey get our offers again. Send STOP anytime make e stop.",
  "customer.offers.off":
    "We no go send you offers again. You fit still check your points. Send START make offers begin again.",

  "customer.pointsEarned":
    "🎉 You don earn {points, plural, one {# point} other {# points}} for {vendor}. Your balance now na {balance, plural, one {# point} other {# points}}. Send BALANCE or REWARDS anytime.",

  "staff.start": "{vendor} staff: put your PIN.",
  "staff.pin.choose":
    "Welcome to {vendor} staff chat! Choose your staff PIN: 4 to 6 numbers, like 4821. You go type am anytime you send STAFF.",
  "staff.pin.chooseRetry": "PIN na 4 to 6 numbers, like 4821. Choose your PIN:",
  "staff.pin.startAgain": "Make we start again. Send STAFF when you ready.",
  "staff.pin.saved": "We don save your PIN. How far {name}, you don enter. Wetin next?",
  "staff.pin.mismatch": "The two PIN no be the same. Choose your PIN again: 4 to 6 numbers.",
  "staff.undo.none":
    "Nothing to undo: you fit undo your own last purchase inside 15 minutes after you log am. Tell the owner make e void the old one.",
  "staff.undo.confirm": "Undo {amount} for {phone} ({points} points)? YES / NO",
  "staff.undo.confirmLast": "Undo your last purchase? YES / NO",
  "staff.undo.retry": "Abeg reply YES or NO.",
  "staff.undo.notUndone": "We no undo am. Wetin next?",
  "staff.undo.notUndoneAgain": "We no undo am. Make we start again. Wetin next?",
  "staff.undo.done": "Don undo: {amount} for {phone}. We don collect {points} points back; we don tell the customer.",
  "staff.undo.doneShortfall":
    "Don undo: {amount} for {phone}. We don collect {points} points back ({spent} don already spend); we don tell the customer.",
  "staff.undo.failed.signedOut": "E no work: put your PIN first.",
  "staff.undo.failed.tooLate": "E no work: 15 minutes don pass, or dem don cancel am before. Ask the oga.",
  "staff.undo.failed.alreadyVoided": "E no work: dem don cancel am before.",
  "staff.nonText": "Na only text message I fit read.",
  "staff.menu.prompt": "Wetin next?",
  "staff.menu.log": "Log purchase",
  "staff.menu.verify": "Check code",
  "staff.menu.exit": "End session",
  "staff.menu.notUnderstood": "Sorry, I no understand. Example: LOG {phone} 5000, or VERIFY ABCD2345.",
  "staff.menu.cancelled": "I don cancel am. Wetin next?",
  "staff.menu.startAgain": "Make we start again. Wetin next?",
  "staff.signedIn": "How far {name}, you don enter. Wetin next?",
  "staff.signedInNoName": "How far, you don enter. Wetin next?",
  "staff.ended": "Staff session don end. Thank you!",
  "staff.sessionOver": "Your staff session don end. Send STAFF make you start again.",
  "staff.pin.cancelled": "I don cancel am. Send STAFF make you start again.",
  "staff.pin.format": "Your PIN na 4 to 6 numbers, like 1234. Put your PIN:",
  "staff.pin.giveUp": "Make we start again. Send STAFF when you ready.",
  "staff.pin.wrong": "Dat PIN no correct. {attempts, plural, one {# chance} other {# chances}} remain. Put your PIN:",
  "staff.pin.lockedFor":
    "Wrong PIN don too much. Staff chat don lock; try again after {minutes, plural, one {# minute} other {# minutes}}.",
  "staff.pin.lockedLater": "Wrong PIN don too much. Staff chat don lock; try again later.",
  "staff.log.askPhone": "Wetin be di customer phone number? Example: {phone}",
  "staff.log.askAmount": "How much dem spend, for naira? Example: 5000",
  "staff.log.unreadable": "I no fit read am. Example: LOG {phone} 5000",
  "staff.log.badPhone": "Dis one no be phone number. Example: {phone}",
  "staff.log.badAmount": "Dis one no be amount. Example: 5000 or ₦5,000.50",
  "staff.log.confirm":
    "Make I log {amount} for {customer} (+{points, plural, one {# point} other {# points}})? YES / NO",
  "staff.log.confirmRetry":
    "Abeg reply YES or NO. Make I log {amount} for {customer} (+{points, plural, one {# point} other {# points}})? YES / NO",
  "staff.log.confirmGeneric": "Make I log dis purchase? YES / NO",
  "staff.log.newCustomer": "Dis one na new customer: I go join dem and tell dem.",
  "staff.log.declined": "I no log am. Wetin next?",
  "staff.log.declinedStartAgain": "I no log am. Make we start again. Wetin next?",
  "staff.log.done":
    "I don record {amount} for {customer}: +{points, plural, one {# point} other {# points}}, balance {balance, number}. Next one: LOG <phone> <amount>",
  "staff.log.cannot":
    "I no fit log dat purchase: {reason, select, pin_required {Put your PIN first.} invalid_amount {Dat amount no correct.} plan_limit {Di programme don full, so dis customer no fit join.} customer_blocked {Dem don hold dis customer membership.} other {Abeg try again.}}",
  "staff.log.failed":
    "I no log am: {reason, select, pin_required {Put your PIN first.} invalid_amount {Dat amount no correct.} plan_limit {Di programme don full, so dis customer no fit join.} customer_blocked {Dem don hold dis customer membership.} other {Abeg try again.}}",
  "staff.verify.askCode": "Wetin be di redemption code? Example: ABCD2345",
  "staff.verify.badCode": "Dis one no be code. Example: ABCD2345",
  "staff.verify.confirm": "Code {code}: {reward}. Make you give am now? YES / NO",
  "staff.verify.confirmFor": "Code {code}: {reward} for {customer}. Make you give am now? YES / NO",
  "staff.verify.retry": "Abeg reply YES if you don give am, or NO.",
  "staff.verify.notPending":
    "Code {code} ({reward}) {status, select, fulfilled {don already collect} cancelled {don cancel} expired {don expire} other {no dey wait}}, nothing to give.",
  "staff.verify.notFound": "No redemption get dat code. Check am well and send VERIFY <code> again.",
  "staff.verify.declined": "Okay, I no mark am as given. Wetin next?",
  "staff.verify.done": "E don do: {code} don mark as given. Wetin next?",
  "staff.verify.failed":
    "I no fit mark am as given: {reason, select, pin_required {Put your PIN first.} not_found {No redemption get dat code.} already_fulfilled {Dem don use dat code before.} cancelled {Dem don cancel dat redemption.} other {Dat code no fit work.}}",

  "platform.stranger":
    "How far! 👋 To join loyalty programme, scan di shop QR code, or send JOIN plus dia code (like: JOIN MAMAPUT).\nYou get business? Send REGISTER to start loyalty programme for am.",
  "platform.slowDown":
    "You dey send message pass as we fit answer. Abeg wait one minute, then send your message again.",
  "platform.unknownVendor":
    'Sorry, no shop get di code "{code}". Check di code for di shop QR poster and send JOIN <code> again.',
  "platform.joinWithoutCode": "Send JOIN plus di shop code, like: JOIN MAMAPUT.",
  "platform.paused": "{vendor} loyalty programme don pause for now. Abeg check back later or talk to di shop.",
  "platform.pausedUnnamed": "Dis shop loyalty programme don pause for now. Abeg check back later or talk to di shop.",
  "platform.blocked": "Dem don hold your membership for {vendor}. Abeg talk to di shop.",
  "platform.programFull": "Sorry, {vendor} loyalty programme don full now. Abeg ask di shop.",
  "platform.staffUnknown": "Dis number never dey set as staff. Tell di owner make e add your phone number and PIN.",
  "platform.staffSessionEnded": "Your staff session don end. Send STAFF make you start new one.",
  "platform.pinLocked": "Wrong PIN don too much. Staff chat don lock until {time}.",
  "platform.somethingWentWrong":
    "Sorry, something no work well with your last message. Abeg send am again, or send MENU.",
  ...ownerPcm,
  ...signupPcm,
  ...claimsPcm,
  ...lifecyclePcm,
  ...billingPcm,
};
