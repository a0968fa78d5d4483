import { ownerEn } from "./en/owner.ts";
import { signupEn } from "./en/signup.ts";
import { claimsEn } from "./en/claims.ts";
import { lifecycleEn } from "./en/lifecycle.ts";
import { billingEn } from "./en/billing.ts";
/**
 * English: the reference catalog. Its keys are the keys of every catalog (a test fails on a
 * missing or extra key or placeholder). Messages are ICU MessageFormat (intl-messageformat):
 * `{name}` a value, `{n, plural, one {…} other {…}}` a count, `{s, select, a {…} other {…}}` a
 * choice. Amounts and dates arrive formatted for the language. Command words people type
 * (BALANCE, YES, LOG …) stay in capitals: they are understood in every language.
 *
 * Group keys by flow (`customer.`, `staff.`, `platform.`, …). The larger groups (`owner.`,
 * `signup.`, `claims.`, `lifecycle.`, `billing.`) live in a file per language (en/owner.ts, pcm/owner.ts …),
 * spread in at the end; a new group adds its file in every language folder.
 */
export const en = {
  "common.yes": "Yes",
  "common.no": "No",
  "common.choose": "Choose",
  "common.more": "More…",
  "common.page": "Page {page} of {pages}",
  "common.didYouMean": "Did you mean one of these? Tap one, or send MENU to see everything.",

  "language.prompt": "Which language should I use? You can change it any time: send LANGUAGE.",
  "language.button": "Language",
  "language.changed": "OK, I will speak English from now on.",
  "language.unknown": "I don't know that language yet. Choose one: English, Pidgin, Yoruba, Hausa or Igbo.",
  "language.name.en": "English",
  "language.name.pcm": "Nigerian Pidgin",
  "language.name.yo": "Yoruba",
  "language.name.ha": "Hausa",
  "language.name.ig": "Igbo",

  "customer.menu.prompt": "What would you like to do?",
  "customer.menu.button": "Menu",
  "customer.menu.cancelled": "OK, cancelled. What would you like to do?",
  "customer.menu.notUnderstood":
    "Sorry, I didn't understand that. Pick an option, or type a word like BALANCE or REWARDS.",
  "customer.menu.nonText": "I can only read text messages. Here is what I can do:",
  "customer.menu.startAgain": "Let's start again. What would you like to do?",
  "customer.menu.balance.title": "My points",
  "customer.menu.balance.description": "Your points and when they expire",
  "customer.menu.rewards.title": "Rewards",
  "customer.menu.rewards.description": "Rewards you can get with your points",
  "customer.menu.redeem.title": "Redeem a reward",
  "customer.menu.redeem.description": "Use your points and get a code for the till",
  "customer.menu.history.title": "History",
  "customer.menu.history.description": "Your recent points activity",
  "customer.menu.refer.title": "Refer a friend",
  "customer.menu.refer.description": "Share your link and earn points",
  "customer.menu.vendors.title": "My vendors",
  "customer.menu.vendors.description": "See or switch the vendors you belong to",
  "customer.menu.stop.title": "Stop offers",
  "customer.menu.stop.description": "No more promotional messages",
  "customer.menu.start.title": "Get offers",
  "customer.menu.start.description": "Receive promotional messages again",

  "customer.welcome.new": "Welcome to {vendor}'s loyalty programme! You earn points every time you buy.",
  "customer.welcome.back": "Welcome back to {vendor}!",

  "customer.balance.total": "You have {points, plural, one {# point} other {# points}}.",
  "customer.balance.expiring": "{points, plural, one {# of them expires} other {# of them expire}} on {date}.",
  "customer.balance.hint": "Send REWARDS to see what you can get.",

  "customer.rewards.none": "There are no rewards yet. Keep earning points!",
  "customer.rewards.canGetNow": "Rewards you can get now:",
  "customer.rewards.line": "{number}. {reward} ({points, plural, one {# point} other {# points}})",
  "customer.rewards.redeemHint": "Send REDEEM to get one.",
  "customer.rewards.notEnough":
    "You have {points, plural, one {# point} other {# points}}, not enough for a reward yet.",
  "customer.rewards.aimFor": "Next to aim for:",
  "customer.rewards.aimLine": "- {reward}: {points, plural, one {# more point} other {# more points}}",
  "customer.rewards.button": "Rewards",
  "customer.rewards.rowPoints": "{points, plural, one {# point} other {# points}}",

  "customer.redeem.choose": "Which reward would you like? Reply with its number.",
  "customer.redeem.more": "More rewards. Reply with a number.",
  "customer.redeem.retry": "Please reply with the number of a reward, for example 1.",
  "customer.redeem.confirm": "Redeem {reward} for {points, plural, one {# point} other {# points}}? YES / NO",
  "customer.redeem.confirmRetry":
    "Please reply YES or NO. Redeem {reward} for {points, plural, one {# point} other {# points}}? YES / NO",
  "customer.redeem.declined": "OK, nothing redeemed. What would you like to do?",
  "customer.redeem.done":
    "Show this code at the till: {code}\n\n{reward}: {points, plural, one {# point} other {# points}} used. You have {balance, plural, one {# point} other {# points}} left.",
  "customer.redeem.failed.insufficient_points":
    "You don't have enough points for that reward any more. Send REWARDS to see what you can get.",
  "customer.redeem.failed.out_of_stock": "Sorry, that reward is out of stock. Send REWARDS to see the others.",
  "customer.redeem.failed.limit_reached":
    "You've already redeemed that reward as many times as allowed. Send REWARDS to see the others.",
  "customer.redeem.failed.unavailable": "Sorry, that reward is not available any more. Send REWARDS to see the others.",

  "customer.history.none": "No points activity yet. Buy something to start earning!",
  "customer.history.title": "Your recent points:",
  "customer.history.line": "{date}: {points} ({cause})",
  "customer.history.type.earned": "points earned",
  "customer.history.type.redeemed": "reward redeemed",
  "customer.history.type.expired": "points expired",
  "customer.history.type.adjusted": "adjustment",
  "customer.history.type.reversed": "refund",
  "customer.history.type.other": "points",

  "customer.refer.link":
    "Invite friends and earn points when they shop!\nShare this link: {link}\nYour referral code: {code}",

  "customer.vendors.none": "You haven't joined any vendor yet. Scan a vendor's QR code, or send JOIN and their code.",
  "customer.vendors.choose": "Your vendors. Reply with a number to switch.",
  "customer.vendors.more": "More vendors. Reply with a number.",
  "customer.vendors.retry": "Please reply with a vendor's number, for example 1.",
  "customer.vendors.line": "{number}. {vendor}",
  "customer.vendors.lineCurrent": "{number}. {vendor} (current)",
  "customer.vendors.current": "You're talking to this one now",
  "customer.vendors.already": "You're already talking to that vendor. Send MENU to see what you can do.",
  "customer.vendors.switched": "You're now talking to {vendor}. What would you like to do?",
  "customer.vendors.button": "Vendors",

  "customer.offers.on": "You'll get our offers again. Send STOP any time to stop them.",
  "customer.offers.off":
    "You won't get offers from us any more. You can still check your points. Send START to get offers again.",

  "customer.pointsEarned":
    "🎉 You earned {points, plural, one {# point} other {# points}} at {vendor}. Your balance is now {balance, plural, one {# point} other {# points}}. Send BALANCE or REWARDS any time.",

  "staff.start": "{vendor} staff: enter your PIN.",
  "staff.pin.choose":
    "Welcome to {vendor}'s staff chat! Choose your staff PIN: 4 to 6 digits, for example 4821. You will type it each time you send STAFF.",
  "staff.pin.chooseRetry": "A PIN is 4 to 6 digits, for example 4821. Choose your PIN:",
  "staff.pin.startAgain": "Let's start again. Send STAFF when you're ready.",
  "staff.pin.saved": "Your PIN is saved. Hi {name}, you're signed in. What next?",
  "staff.pin.mismatch": "The two PINs were different. Choose your PIN again: 4 to 6 digits.",
  "staff.undo.none":
    "Nothing to undo: you can undo your own last purchase for 15 minutes after logging it. Ask the owner to void an older one.",
  "staff.undo.confirm": "Undo {amount} for {phone} ({points} points)? YES / NO",
  "staff.undo.confirmLast": "Undo your last purchase? YES / NO",
  "staff.undo.retry": "Please reply YES or NO.",
  "staff.undo.notUndone": "Not undone. What next?",
  "staff.undo.notUndoneAgain": "Not undone. Let's start again. What next?",
  "staff.undo.done": "Undone: {amount} for {phone}. {points} points taken back; the customer is told.",
  "staff.undo.doneShortfall":
    "Undone: {amount} for {phone}. {points} points taken back ({spent} were already spent); the customer is told.",
  "staff.undo.failed.signedOut": "Couldn't undo it: enter your PIN first.",
  "staff.undo.failed.tooLate": "Couldn't undo it: 15 minutes have passed, or it was already voided. Ask the owner.",
  "staff.undo.failed.alreadyVoided": "Couldn't undo it: it was already voided.",
  "staff.nonText": "I can only read text messages.",
  "staff.menu.prompt": "What next?",
  "staff.menu.log": "Log a purchase",
  "staff.menu.verify": "Verify a code",
  "staff.menu.exit": "End session",
  "staff.menu.notUnderstood": "Sorry, I didn't understand that. For example: LOG {phone} 5000, or VERIFY ABCD2345.",
  "staff.menu.cancelled": "Cancelled. What next?",
  "staff.menu.startAgain": "Let's start again. What next?",
  "staff.signedIn": "Hi {name}, you're signed in. What next?",
  "staff.signedInNoName": "Hi there, you're signed in. What next?",
  "staff.ended": "Staff session ended. Thank you!",
  "staff.sessionOver": "Your staff session has ended. Send STAFF to start again.",
  "staff.pin.cancelled": "Cancelled. Send STAFF to start again.",
  "staff.pin.format": "Your PIN is 4 to 6 digits, for example 1234. Enter your PIN:",
  "staff.pin.giveUp": "Let's start again. Send STAFF when you're ready.",
  "staff.pin.wrong": "That PIN is not right. {attempts, plural, one {# try} other {# tries}} left. Enter your PIN:",
  "staff.pin.lockedFor":
    "Too many wrong PINs. The staff chat is locked; try again in {minutes, plural, one {# minute} other {# minutes}}.",
  "staff.pin.lockedLater": "Too many wrong PINs. The staff chat is locked; try again later.",
  "staff.log.askPhone": "What is the customer's phone number? For example {phone}",
  "staff.log.askAmount": "How much did they spend, in naira? For example 5000",
  "staff.log.unreadable": "I couldn't read that. For example: LOG {phone} 5000",
  "staff.log.badPhone": "That doesn't look like a phone number. For example {phone}",
  "staff.log.badAmount": "That doesn't look like an amount. For example 5000 or ₦5,000.50",
  "staff.log.confirm": "Log {amount} for {customer} (+{points, plural, one {# point} other {# points}})? YES / NO",
  "staff.log.confirmRetry":
    "Please reply YES or NO. Log {amount} for {customer} (+{points, plural, one {# point} other {# points}})? YES / NO",
  "staff.log.confirmGeneric": "Log this purchase? YES / NO",
  "staff.log.newCustomer": "This is a new customer: they will be joined and told.",
  "staff.log.declined": "Not logged. What next?",
  "staff.log.declinedStartAgain": "Not logged. Let's start again. What next?",
  "staff.log.done":
    "Recorded {amount} for {customer}: +{points, plural, one {# point} other {# points}}, balance {balance, number}. Next: LOG <phone> <amount>",
  "staff.log.cannot":
    "Can't log that purchase: {reason, select, pin_required {Enter your PIN first.} invalid_amount {That amount is not valid.} plan_limit {The program is full: this customer cannot be added.} customer_blocked {This customer's membership is on hold.} other {Please try again.}}",
  "staff.log.failed":
    "Not logged: {reason, select, pin_required {Enter your PIN first.} invalid_amount {That amount is not valid.} plan_limit {The program is full: this customer cannot be added.} customer_blocked {This customer's membership is on hold.} other {Please try again.}}",
  "staff.verify.askCode": "What is the redemption code? For example ABCD2345",
  "staff.verify.badCode": "That doesn't look like a code. For example ABCD2345",
  "staff.verify.confirm": "Code {code}: {reward}. Give it now? YES / NO",
  "staff.verify.confirmFor": "Code {code}: {reward} for {customer}. Give it now? YES / NO",
  "staff.verify.retry": "Please reply YES to mark it as given, or NO.",
  "staff.verify.notPending":
    "Code {code} ({reward}) is {status, select, fulfilled {fulfilled} cancelled {cancelled} expired {expired} other {not pending}}, nothing to give.",
  "staff.verify.notFound": "No redemption has that code. Check it and send VERIFY <code> again.",
  "staff.verify.declined": "OK, not marked as given. What next?",
  "staff.verify.done": "Done: {code} is marked as given. What next?",
  "staff.verify.failed":
    "Couldn't mark it as given: {reason, select, pin_required {Enter your PIN first.} not_found {No redemption with that code.} already_fulfilled {That code was already used.} cancelled {That redemption was cancelled.} other {That code cannot be used.}}",

  "platform.stranger":
    "Hi! 👋 To join a loyalty program, scan your vendor's QR code, or send JOIN followed by their code (for example: JOIN MAMAPUT).\nRun a business? Send REGISTER to start a loyalty programme for it.",
  "platform.slowDown":
    "You're sending messages faster than we can answer them. Please wait a minute, then send your message again.",
  "platform.unknownVendor":
    'Sorry, there is no vendor with the code "{code}". Check the code on the vendor\'s QR poster and send JOIN <code> again.',
  "platform.joinWithoutCode": "Send JOIN followed by the vendor's code, for example: JOIN MAMAPUT.",
  "platform.paused":
    "{vendor}'s loyalty program is paused at the moment. Please check back later or speak to the vendor.",
  "platform.pausedUnnamed":
    "This vendor's loyalty program is paused at the moment. Please check back later or speak to the vendor.",
  "platform.blocked": "Your membership at {vendor} is on hold. Please speak to the vendor.",
  "platform.programFull": "Sorry, {vendor}'s loyalty program is full right now. Please ask the vendor.",
  "platform.staffUnknown": "This number is not set up as staff. Ask the owner to add your phone number and a PIN.",
  "platform.staffSessionEnded": "Your staff session has ended. Send STAFF to start a new one.",
  "platform.pinLocked": "Too many wrong PINs. Staff chat is locked until {time}.",
  "platform.somethingWentWrong":
    "Sorry, something went wrong with your last message. Please send it again, or send MENU.",
  ...ownerEn,
  ...signupEn,
  ...claimsEn,
  ...lifecycleEn,
  ...billingEn,
};

/** A key of the catalogs. */
export type MessageKey = keyof typeof en;
