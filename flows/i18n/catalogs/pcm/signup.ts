import type { signupEn } from "../en/signup.ts";
import type { Translation } from "../translation.ts";

/**
 * Group `signup.` in Nigerian Pidgin: same keys and placeholders as ../en/signup.ts.
 * AWAITING REVIEW BY A NATIVE SPEAKER: written by the team in everyday Lagos Pidgin.
 */
export const signupPcm: Translation<typeof signupEn> = {
  "signup.alreadyOwner":
    "Dis number don already dey run {vendor} for LoyaltyLaaS, so e no fit register another business. Send OWNER to manage am.",
  "signup.tooManyStarts": "You don start sign-up too many times today. Abeg try again tomorrow.",
  "signup.dailyLimitReached": "We no fit take more sign-up today. Abeg try again tomorrow.",
  "signup.notOnThisNumber": "To register your own business, message the LoyaltyLaaS number, no be shop number.",

  "signup.askBusinessName":
    "Make we set up loyalty programme for your business. 🎉\nWetin be the name of your business? Like: Mama Put Kitchen\n(Send CANCEL anytime to stop.)",
  "signup.badBusinessName": "Abeg send the business name, 2 to 60 letters, like: Mama Put Kitchen",
  "signup.askVendorCode":
    "Customers dey join when dem send JOIN and your vendor code. I suggest {code}.\nReply YES to use am, or type another code (3 to 20 letters and numbers, like MAMAPUT1).",
  "signup.badVendorCode":
    "Vendor code na 3 to 20 letters and numbers, with at least one letter, like MAMAPUT1. Reply YES to use {code}, or type another one.",
  "signup.vendorCodeTaken": "Person don already take the code {taken}. Reply YES to use {code}, or type another code.",
  "signup.askOwnerName": "Your vendor code na {code}. Wetin be your name (the owner)? Like: Ngozi Okafor",
  "signup.badOwnerName": "Abeg send your name, 2 to 60 letters, like: Ngozi Okafor",
  "signup.askPin":
    "Choose owner PIN wey get 4 to 6 numbers, like 4821. You go use am to manage your programme here (send OWNER). No use your bank PIN.",
  "signup.badPin": "PIN na 4 to 6 numbers, like 4821. Choose your owner PIN:",
  "signup.askPinAgain": "Type the same PIN again to confirm am:",
  "signup.pinMismatch": "The two PIN no match. Choose your owner PIN again (4 to 6 numbers):",
  "signup.askRate":
    "How many points customers go get for every ₦100 wey dem spend? Reply 1 (wetin people dey use) or another full number, like 2.",
  "signup.badRate": "Abeg reply with full number of points for every ₦100, from 1 to 100, like 1.",
  "signup.askReward":
    "Now your first reward: send how many points e cost and the name, like: 100 Free drink\nOr reply SKIP to add rewards later.",
  "signup.badReward":
    "Send the points and the reward name, like: 100 Free drink (points from 1 to 1,000,000). Or reply SKIP.",
  "signup.summary":
    "Abeg check am:\nBusiness: {vendor}\nVendor code: {code}\nOwner: {name}\nPoints: {points, plural, one {# point} other {# points}} for every ₦100\nFirst reward: {reward} for {cost, plural, one {# point} other {# points}}\n\nReply YES to create your programme (free trial), or CANCEL.",
  "signup.summaryNoReward":
    "Abeg check am:\nBusiness: {vendor}\nVendor code: {code}\nOwner: {name}\nPoints: {points, plural, one {# point} other {# points}} for every ₦100\nFirst reward: nothing yet\n\nReply YES to create your programme (free trial), or CANCEL.",
  "signup.confirmAgain": "Abeg reply YES to create your programme, or CANCEL to stop.",

  "signup.registered":
    "🎉 {vendor} don start with {days}-day free trial!\nYour vendor code na {code}. Customers go join when dem scan your QR poster (e dey come next) or with dis link:\n{link}\n\nPrint the poster and put am for where you dey collect money. Send OWNER (with your PIN) to manage rewards, staff and more.",
  "signup.posterCaption": "Your QR poster: print am for A5 and put am where customers dey pay. Code: {code}",
  "signup.cancelled": "Sign-up don cancel. Send REGISTER anytime you wan start again.",
  "signup.gaveUp": "Make we stop here. Send REGISTER anytime you wan start again.",
  "signup.timedOut": "Your sign-up don time out. Send REGISTER to start again.",
  "signup.nonText": "Na only text message I fit read. Abeg type your answer, or send CANCEL.",

  "signup.button.yes": "Yes, create am",
  "signup.button.cancel": "Cancel",
  "signup.button.skip": "Skip am for now",
  "signup.button.onePoint": "1 point (normal)",
  "signup.button.twoPoints": "2 points",
  "signup.button.fivePoints": "5 points",
  "signup.button.ownerMode": "Owner mode",
};
