/** English, group `signup.`: see ../en.ts for the catalog's rules. Vendor sign-up (REGISTER). */
export const signupEn = {
  // Before the flow starts (the engine's checks).
  "signup.alreadyOwner":
    "This number already runs {vendor} on LoyaltyLaaS, so it can't register another business. Send OWNER to manage it.",
  "signup.tooManyStarts": "You have started too many sign-ups today. Please try again tomorrow.",
  "signup.dailyLimitReached": "We can't take more sign-ups today. Please try again tomorrow.",
  "signup.notOnThisNumber": "To register your own business, message the LoyaltyLaaS number, not a shop's number.",

  // The steps.
  "signup.askBusinessName":
    "Let's set up a loyalty programme for your business. 🎉\nWhat is your business called? For example: Mama Put Kitchen\n(Send CANCEL at any time to stop.)",
  "signup.badBusinessName": "Please send the business name in 2 to 60 characters, for example: Mama Put Kitchen",
  "signup.askVendorCode":
    "Customers join by sending JOIN and your vendor code. I suggest {code}.\nReply YES to use it, or type another code (3 to 20 letters and digits, for example MAMAPUT1).",
  "signup.badVendorCode":
    "A vendor code is 3 to 20 letters and digits with at least one letter, for example MAMAPUT1. Reply YES to use {code}, or type another.",
  "signup.vendorCodeTaken": "The code {taken} is already taken. Reply YES to use {code}, or type another code.",
  "signup.askOwnerName": "Your vendor code is {code}. What is your name (the owner)? For example: Ngozi Okafor",
  "signup.badOwnerName": "Please send your name in 2 to 60 characters, for example: Ngozi Okafor",
  "signup.askPin":
    "Choose an owner PIN of 4 to 6 digits, for example 4821. You'll use it to manage your programme here (send OWNER). Don't use your bank PIN.",
  "signup.badPin": "A PIN is 4 to 6 digits, for example 4821. Choose your owner PIN:",
  "signup.askPinAgain": "Type the same PIN again to confirm it:",
  "signup.pinMismatch": "The two PINs don't match. Choose your owner PIN again (4 to 6 digits):",
  "signup.askRate":
    "How many points should customers earn for every ₦100 they spend? Reply 1 (the usual choice) or another whole number, for example 2.",
  "signup.badRate": "Please reply with a whole number of points per ₦100 from 1 to 100, for example 1.",
  "signup.askReward":
    "Now your first reward: send the points it costs and its name, for example: 100 Free drink\nOr reply SKIP to add rewards later.",
  "signup.badReward":
    "Send the points and the reward's name, for example: 100 Free drink (points from 1 to 1,000,000). Or reply SKIP.",
  "signup.summary":
    "Please check:\nBusiness: {vendor}\nVendor code: {code}\nOwner: {name}\nEarning: {points, plural, one {# point} other {# points}} per ₦100\nFirst reward: {reward} for {cost, plural, one {# point} other {# points}}\n\nReply YES to create your programme (free trial), or CANCEL.",
  "signup.summaryNoReward":
    "Please check:\nBusiness: {vendor}\nVendor code: {code}\nOwner: {name}\nEarning: {points, plural, one {# point} other {# points}} per ₦100\nFirst reward: none yet\n\nReply YES to create your programme (free trial), or CANCEL.",
  "signup.confirmAgain": "Please reply YES to create your programme, or CANCEL to stop.",

  // The end.
  "signup.registered":
    "🎉 {vendor} is live on a {days}-day free trial!\nYour vendor code is {code}. Customers join by scanning your QR poster (coming next) or with this link:\n{link}\n\nPrint the poster and put it at your till. Send OWNER (with your PIN) to manage rewards, staff and more.",
  "signup.posterCaption": "Your QR poster: print it at A5 and put it where customers pay. Code: {code}",
  "signup.cancelled": "Sign-up cancelled. Send REGISTER whenever you want to start again.",
  "signup.gaveUp": "Let's stop here. Send REGISTER whenever you want to start again.",
  "signup.timedOut": "Your sign-up timed out. Send REGISTER to start again.",
  "signup.nonText": "I can only read text messages. Please type your answer, or send CANCEL.",

  // Buttons (titles ≤ 20 characters; ids are what a person could type).
  "signup.button.yes": "Yes, create it",
  "signup.button.cancel": "Cancel",
  "signup.button.skip": "Skip for now",
  "signup.button.onePoint": "1 point (usual)",
  "signup.button.twoPoints": "2 points",
  "signup.button.fivePoints": "5 points",
  "signup.button.ownerMode": "Owner mode",
};
