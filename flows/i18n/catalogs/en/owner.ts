/** English, group `owner.`: see ../en.ts for the catalog's rules. The owner chat (OWNER) and its notices. */
export const ownerEn = {
  "owner.askPin": "{vendor} owner: enter your PIN.",
  "owner.pin.format": "Your PIN is 4 to 6 digits, for example 1234. Enter your PIN:",
  "owner.pin.wrong": "That PIN is not right. {attempts, plural, one {# try} other {# tries}} left. Enter your PIN:",
  "owner.pin.lockedFor":
    "Too many wrong PINs. The owner chat is locked; try again in {minutes, plural, one {# minute} other {# minutes}}.",
  "owner.pin.lockedLater": "Too many wrong PINs. The owner chat is locked; try again later.",
  "owner.pin.lockedUntil": "Too many wrong PINs. Owner chat is locked until {time}.",
  "owner.pin.startAgain": "Let's start again. Send OWNER when you're ready.",
  "owner.pin.cancelled": "Cancelled. Send OWNER to start again.",
  "owner.signedIn":
    "Hi {name}, you're in owner mode (it ends 10 minutes after your last message). What would you like to do?",
  "owner.signedInNoName":
    "Hi there, you're in owner mode (it ends 10 minutes after your last message). What would you like to do?",

  "owner.menu.hint":
    "You can also type: ADD REWARD <points> <name>, PAUSE REWARD <n>, RATE <points per ₦100>, ADD STAFF <phone> <name>, REMOVE STAFF <n>, BROADCAST <message>, CLAIMS.",
  "owner.menu.button": "Owner menu",
  "owner.menu.today.title": "Today",
  "owner.menu.today.description": "Purchases, points and new customers today and this week",
  "owner.menu.rewards.title": "Rewards",
  "owner.menu.rewards.description": "Your rewards, numbered",
  "owner.menu.staff.title": "Staff",
  "owner.menu.staff.description": "Your staff, numbered",
  "owner.menu.void.title": "Void a purchase",
  "owner.menu.void.description": "Cancel one of the last ten purchases",
  "owner.menu.broadcast.title": "Broadcast",
  "owner.menu.broadcast.description": "Send a message to your customers",
  "owner.menu.rate.title": "Earning rate",
  "owner.menu.rate.description": "Points per ₦100 spent",
  "owner.menu.qr.title": "QR code",
  "owner.menu.qr.description": "Your join link and poster",
  "owner.menu.plan.title": "Plan",
  "owner.menu.plan.description": "Your plan and what you have used",
  "owner.menu.login.title": "Dashboard link",
  "owner.menu.login.description": "Sign in to the web dashboard",
  "owner.menu.exit.title": "Exit owner mode",
  "owner.menu.exit.description": "Back to the customer menu",
  "owner.whatNext": "What next?",
  "owner.notUnderstood": "Sorry, I didn't understand that.",
  "owner.nonText": "I can only read text messages.",
  "owner.sessionEnded": "Your owner session has ended. Send OWNER to start again.",
  "owner.exited": "Owner mode ended. Send MENU for your customer menu, or OWNER to come back.",

  "owner.today": "Today: {today}\nLast 7 days: {week}",
  "owner.today.period":
    "{purchases, plural, one {# purchase} other {# purchases}}, {amount}, {points, plural, one {# point} other {# points}} given, {customers, plural, one {# new customer} other {# new customers}}, {redemptions, plural, one {# redemption} other {# redemptions}}.",

  "owner.rewards.none": "You have no rewards yet. Add one: ADD REWARD 500 Free drink",
  "owner.rewards.title": "Your rewards:",
  "owner.rewards.line": "{number}. {reward}: {points, plural, one {# point} other {# points}}",
  "owner.rewards.linePaused": "{number}. {reward}: {points, plural, one {# point} other {# points}} (paused)",
  "owner.rewards.hint": "PAUSE REWARD <n> pauses one; ADD REWARD <points> <name> adds one.",
  "owner.rewards.addHelp": "Send ADD REWARD, the points and the name, for example: ADD REWARD 500 Free drink",
  "owner.rewards.added":
    "Added: {reward} for {points, plural, one {# point} other {# points}}. Customers see it under REWARDS now.",
  "owner.rewards.pauseHelp": "Send PAUSE REWARD and its number from REWARDS, for example: PAUSE REWARD 2",
  "owner.rewards.paused": "Paused: {reward}. Customers no longer see it.",

  "owner.rate.help": "Send RATE and the points per ₦100 spent, for example: RATE 2",
  "owner.rate.confirm":
    "Change earning to {points, plural, one {# point} other {# points}} per ₦100 spent, for every purchase from now on? YES / NO",
  "owner.rate.set": "Done: customers now earn {points, plural, one {# point} other {# points}} per ₦100 spent.",
  "owner.rate.changed":
    "Done: customers now earn {points, plural, one {# point} other {# points}} per ₦100 spent (it was {previous, plural, one {# point} other {# points}}).",
  "owner.rate.notChanged": "Not changed.",

  "owner.staff.addHelp": "Send ADD STAFF, their phone number and name, for example: ADD STAFF 0803 123 4567 Tunde",
  "owner.staff.added":
    "Added {name} ({phone}) as staff. They've been told to send STAFF to this number to choose their PIN.",
  "owner.staff.none": "You have no staff yet. Add someone: ADD STAFF 0803 123 4567 Tunde",
  "owner.staff.title": "Your staff:",
  "owner.staff.line": "{number}. {name} ({phone})",
  "owner.staff.lineNoPin": "{number}. {name} ({phone}), PIN not chosen yet",
  "owner.staff.lineAdmin": "{number}. {name} ({phone}), admin",
  "owner.staff.lineAdminNoPin": "{number}. {name} ({phone}), admin, PIN not chosen yet",
  "owner.staff.noPhone": "no phone",
  "owner.staff.hint": "REMOVE STAFF <n> removes one at once.",
  "owner.staff.removeHelp": "Send REMOVE STAFF and their number from STAFF LIST, for example: REMOVE STAFF 2",
  "owner.staff.removed": "{name} is removed: they can no longer use the staff chat or the dashboard.",

  "owner.broadcast.help":
    "Send BROADCAST followed by your message, for example: BROADCAST Double points this Saturday!",
  "owner.broadcast.confirm":
    "This goes to {audience, plural, one {# customer} other {# customers}} who accept offers. Your plan allows {limit, number} a month and you've sent {used, number}. Send it now? YES / NO",
  "owner.broadcast.confirmNoLimit":
    "This goes to {audience, plural, one {# customer} other {# customers}} who accept offers. You've sent {used, plural, one {# broadcast} other {# broadcasts}} this month; your plan has no limit. Send it now? YES / NO",
  "owner.broadcast.confirmAgain": "Please reply YES to send it, or NO.",
  "owner.broadcast.noAudience": "No customer accepts offers yet, so there is no one to send it to.",
  "owner.broadcast.sent": "Sending to {audience, plural, one {# customer} other {# customers}} now.",
  "owner.broadcast.notSent": "Not sent.",

  "owner.void.none": "There are no purchases to void.",
  "owner.void.choose": "Which purchase should be voided? Reply with its number.",
  "owner.void.button": "Purchases",
  "owner.void.rowTitle": "{number}. {amount} {phone}",
  "owner.void.rowDescription": "{when}, {points, plural, one {# point} other {# points}}",
  "owner.void.rowDescriptionBy": "{when} by {name}, {points, plural, one {# point} other {# points}}",
  "owner.void.pick": "Reply with a number from 1 to {count}, or CANCEL.",
  "owner.void.confirm":
    "Void {amount} for {phone} ({when})? Its {points, plural, one {# point is} other {# points are}} taken back. YES / NO",
  "owner.void.confirmBy":
    "Void {amount} for {phone} ({when}, by {name})? Its {points, plural, one {# point is} other {# points are}} taken back. YES / NO",
  "owner.void.done":
    "Voided {amount} for {phone}: {points, plural, one {# point} other {# points}} taken back. Their balance is {balance, plural, one {# point} other {# points}}; they have been told.",
  "owner.void.doneShortfall":
    "Voided {amount} for {phone}: {points, plural, one {# point} other {# points}} taken back; {spent, plural, one {# was} other {# were}} already spent and could not be. Their balance is {balance, plural, one {# point} other {# points}}; they have been told.",
  "owner.void.notVoided": "Not voided.",

  "owner.qr": "Your join link (share it, or print the QR poster that follows): {link}",
  "owner.posterCaption": "Your QR poster: print it at A5 and put it where customers pay. Code: {code}",
  "owner.plan.header":
    "Plan: {plan} ({status, select, trial {free trial} active {active} suspended {suspended} cancelled {cancelled} other {{status}}}).",
  "owner.plan.headerUntil":
    "Plan: {plan} ({status, select, trial {free trial} active {active} suspended {suspended} cancelled {cancelled} other {{status}}}), until {date}.",
  "owner.plan.line": "{label}: {used, number} of {limit, number}",
  "owner.plan.lineNoLimit": "{label}: {used, number} (no limit)",
  "owner.plan.label.customers": "Customers",
  "owner.plan.label.staff": "Staff",
  "owner.plan.label.broadcasts": "Broadcasts this month",
  "owner.plan.label.purchases": "Purchases this month",
  "owner.plan.payLink": "Pay or upgrade: {link}",
  "owner.loginLink": "Your dashboard sign-in link, good for 10 minutes and one use: {link}\nDon't share it.",

  "owner.failed": "That didn't work: {reason}",
  "owner.failed.notSignedIn": "Enter your PIN first.",
  "owner.failed.noSuchReward": "There is no reward number {number}. Send REWARDS to see the list.",
  "owner.failed.noSuchStaff": "There is no staff member number {number}. Send STAFF LIST to see the list.",
  "owner.failed.staffLimit": "Your plan's staff limit is reached. Send PLAN to see your plan.",
  "owner.failed.staffTaken": "That phone number is already on your staff list.",
  "owner.failed.alreadyVoided": "That purchase was already voided.",
  "owner.failed.purchaseGone": "That purchase can't be found any more.",
  "owner.failed.rateNotSaved": "The rate could not be saved. Send RATE and a number above zero, for example: RATE 2",
  "owner.failed.broadcastLimit":
    "Your plan allows {limit, plural, one {# broadcast} other {# broadcasts}} a month and {used, number} have been sent this month. Upgrade your plan to send more.",
  "owner.failed.broadcastInvalid": "A broadcast needs a message of 1 to {count, number} characters.",
  "owner.failed.broadcastNotSent": "The broadcast could not be started. Please try again.",
  "owner.paused":
    "Your programme is paused, so nothing can be changed now. TODAY, REWARDS, STAFF LIST, QR, PLAN and LOGIN still work.",

  "owner.notOwner":
    "This number is not the owner of a business here. If you run one, send REGISTER to start a loyalty programme; if you work for one, send STAFF.",
  "owner.chooseBusiness": "You own more than one business. Send OWNER and its code: {list}",
  "owner.chooseBusiness.item": "{vendor} ({code})",

  // Notices the owner's actions send to others, in the recipient's language.
  "owner.notice.staffInvite":
    "You've been added as staff at {vendor}. Send STAFF here to choose your staff PIN, then log purchases with LOG <phone> <amount>.",
  "owner.notice.purchaseVoided":
    "A purchase of {amount} at {vendor} was cancelled. {points, plural, one {# point} other {# points}} from it {points, plural, one {was} other {were}} taken back. Your balance is {balance, plural, one {# point} other {# points}}.",
  "owner.notice.purchaseVoidedNoPoints":
    "A purchase of {amount} at {vendor} was cancelled. Your balance is {balance, plural, one {# point} other {# points}}.",
};
