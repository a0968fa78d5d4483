import { formatPoints } from "./format.ts";

/**
 * Every sentence of the vendor sign-up conversation (REGISTER), in one place so the languages
 * work (#18) can move them to catalogs. Button titles stay within WhatsApp's 20 characters.
 */
export const signupWords = {
  // Before the flow starts (the engine's checks).
  alreadyOwner: (businessName: string) =>
    `This number already runs ${businessName} on LoyaltyLaaS, so it can't register another business. Send OWNER to manage it.`,
  tooManyStarts: "You have started too many sign-ups today. Please try again tomorrow.",
  dailyLimitReached: "We can't take more sign-ups today. Please try again tomorrow.",
  notOnThisNumber: "To register your own business, message the LoyaltyLaaS number, not a shop's number.",

  // The steps.
  askBusinessName:
    "Let's set up a loyalty programme for your business. 🎉\nWhat is your business called? For example: Mama Put Kitchen\n(Send CANCEL at any time to stop.)",
  badBusinessName: "Please send the business name in 2 to 60 characters, for example: Mama Put Kitchen",
  askVendorCode: (code: string) =>
    `Customers join by sending JOIN and your vendor code. I suggest ${code}.\nReply YES to use it, or type another code (3 to 20 letters and digits, for example MAMAPUT1).`,
  badVendorCode: (code: string) =>
    `A vendor code is 3 to 20 letters and digits with at least one letter, for example MAMAPUT1. Reply YES to use ${code}, or type another.`,
  vendorCodeTaken: (taken: string, code: string) =>
    `The code ${taken} is already taken. Reply YES to use ${code}, or type another code.`,
  askOwnerName: (code: string) =>
    `Your vendor code is ${code}. What is your name (the owner)? For example: Ngozi Okafor`,
  badOwnerName: "Please send your name in 2 to 60 characters, for example: Ngozi Okafor",
  askPin:
    "Choose an owner PIN of 4 to 6 digits, for example 4821. You'll use it to manage your programme here (send OWNER). Don't use your bank PIN.",
  badPin: "A PIN is 4 to 6 digits, for example 4821. Choose your owner PIN:",
  askPinAgain: "Type the same PIN again to confirm it:",
  pinMismatch: "The two PINs don't match. Choose your owner PIN again (4 to 6 digits):",
  askRate:
    "How many points should customers earn for every ₦100 they spend? Reply 1 (the usual choice) or another whole number, for example 2.",
  badRate: "Please reply with a whole number of points per ₦100 from 1 to 100, for example 1.",
  askReward:
    "Now your first reward: send the points it costs and its name, for example: 100 Free drink\nOr reply SKIP to add rewards later.",
  badReward:
    "Send the points and the reward's name, for example: 100 Free drink (points from 1 to 1,000,000). Or reply SKIP.",
  summary: (details: {
    businessName: string;
    vendorCode: string;
    ownerName: string;
    pointsPer100: number;
    reward: { points: number; name: string } | null;
  }) =>
    [
      "Please check:",
      `Business: ${details.businessName}`,
      `Vendor code: ${details.vendorCode}`,
      `Owner: ${details.ownerName}`,
      `Earning: ${formatPoints(details.pointsPer100)} point${details.pointsPer100 === 1 ? "" : "s"} per ₦100`,
      `First reward: ${details.reward === null ? "none yet" : `${details.reward.name} for ${formatPoints(details.reward.points)} points`}`,
      "",
      "Reply YES to create your programme (free trial), or CANCEL.",
    ].join("\n"),
  confirmAgain: "Please reply YES to create your programme, or CANCEL to stop.",

  // The end.
  registered: (details: { businessName: string; vendorCode: string; joinLink: string; trialDays: number }) =>
    [
      `🎉 ${details.businessName} is live on a ${details.trialDays}-day free trial!`,
      `Your vendor code is ${details.vendorCode}. Customers join by scanning your QR poster (coming next) or with this link:`,
      details.joinLink,
      "",
      "Print the poster and put it at your till. Send OWNER (with your PIN) to manage rewards, staff and more.",
    ].join("\n"),
  posterCaption: (vendorCode: string) =>
    `Your QR poster: print it at A5 and put it where customers pay. Code: ${vendorCode}`,
  cancelled: "Sign-up cancelled. Send REGISTER whenever you want to start again.",
  gaveUp: "Let's stop here. Send REGISTER whenever you want to start again.",
  timedOut: "Your sign-up timed out. Send REGISTER to start again.",
  nonText: "I can only read text messages. Please type your answer, or send CANCEL.",

  // Buttons (titles ≤ 20 characters; ids are what a person could type).
  buttons: {
    yes: "Yes, create it",
    cancel: "Cancel",
    skip: "Skip for now",
    onePoint: "1 point (usual)",
    twoPoints: "2 points",
    fivePoints: "5 points",
    ownerMode: "Owner mode",
  },
};
