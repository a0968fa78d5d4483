import { formatNaira, formatPoints } from "./format.ts";

/**
 * Every English sentence of the owner chat, in one place, so the languages work can move them to
 * catalogs without touching the flow. Functions take what the sentence shows; nothing here reads
 * state or does I/O.
 */

/** Figures for one period of TODAY. */
export type PeriodStats = {
  purchases: number;
  amountKobo: number;
  points: number;
  newCustomers: number;
  redemptions: number;
};

export type RewardLine = { name: string; points: number; active: boolean };
export type StaffLine = { name: string; phoneMasked: string; role: string; pinSet: boolean };
export type PurchaseLine = { amountKobo: number; phoneMasked: string; points: number; at: string; by: string | null };
export type PlanLine = { label: string; used: number; limit: number | null };

const plural = (n: number, one: string, many: string) => `${formatPoints(n)} ${n === 1 ? one : many}`;

export const ownerWords = {
  askPin: (vendorName: string) => `${vendorName} owner: enter your PIN.`,
  pinFormat: () => "Your PIN is 4 to 6 digits, for example 1234. Enter your PIN:",
  pinBad: (attemptsLeft: number) =>
    `That PIN is not right. ${attemptsLeft} ${attemptsLeft === 1 ? "try" : "tries"} left. Enter your PIN:`,
  locked: (wait: string) => `Too many wrong PINs. The owner chat is locked; try again ${wait}.`,
  lockedUntil: (untilText: string) => `Too many wrong PINs. Owner chat is locked until ${untilText}.`,
  startAgain: () => "Let's start again. Send OWNER when you're ready.",
  cancelledSignIn: () => "Cancelled. Send OWNER to start again.",
  signedIn: (name: string) =>
    `Hi ${name}, you're in owner mode (it ends 10 minutes after your last message). What would you like to do?`,
  menuBody: (prefix: string) =>
    `${prefix}\nYou can also type: ADD REWARD <points> <name>, PAUSE REWARD <n>, RATE <points per ₦100>, ADD STAFF <phone> <name>, REMOVE STAFF <n>, BROADCAST <message>.`,
  menuRows: () => [
    { id: "TODAY", title: "Today", description: "Purchases, points and new customers today and this week" },
    { id: "REWARDS", title: "Rewards", description: "Your rewards, numbered" },
    { id: "STAFF LIST", title: "Staff", description: "Your staff, numbered" },
    { id: "VOID", title: "Void a purchase", description: "Cancel one of the last ten purchases" },
    { id: "BROADCAST", title: "Broadcast", description: "Send a message to your customers" },
    { id: "RATE", title: "Earning rate", description: "Points per ₦100 spent" },
    { id: "QR", title: "QR code", description: "Your join link and poster" },
    { id: "PLAN", title: "Plan", description: "Your plan and what you have used" },
    { id: "LOGIN", title: "Dashboard link", description: "Sign in to the web dashboard" },
    { id: "EXIT", title: "Exit owner mode", description: "Back to the customer menu" },
  ],
  menuButton: () => "Owner menu",
  whatNext: () => "What next?",
  notUnderstood: () => "Sorry, I didn't understand that.",
  nonText: () => "I can only read text messages.",
  sessionEnded: () => "Your owner session has ended. Send OWNER to start again.",
  exited: () => "Owner mode ended. Send MENU for your customer menu, or OWNER to come back.",
  cancelled: () => "Cancelled.",
  today: (today: PeriodStats, week: PeriodStats) =>
    [`Today: ${statsText(today)}`, `Last 7 days: ${statsText(week)}`].join("\n"),
  rewardsNone: () => "You have no rewards yet. Add one: ADD REWARD 500 Free drink",
  rewardsList: (rewards: readonly RewardLine[]) =>
    [
      "Your rewards:",
      ...rewards.map((r, i) => `${i + 1}. ${r.name}: ${formatPoints(r.points)} points${r.active ? "" : " (paused)"}`),
      "PAUSE REWARD <n> pauses one; ADD REWARD <points> <name> adds one.",
    ].join("\n"),
  addRewardHelp: () => "Send ADD REWARD, the points and the name, for example: ADD REWARD 500 Free drink",
  rewardAdded: (name: string, points: number) =>
    `Added: ${name} for ${formatPoints(points)} points. Customers see it under REWARDS now.`,
  pauseRewardHelp: () => "Send PAUSE REWARD and its number from REWARDS, for example: PAUSE REWARD 2",
  rewardPaused: (name: string) => `Paused: ${name}. Customers no longer see it.`,
  rateHelp: () => "Send RATE and the points per ₦100 spent, for example: RATE 2",
  confirmRate: (points: number) =>
    `Change earning to ${formatRate(points)} per ₦100 spent, for every purchase from now on? YES / NO`,
  rateSet: (points: number, previous: number | null) =>
    previous === null
      ? `Done: customers now earn ${formatRate(points)} per ₦100 spent.`
      : `Done: customers now earn ${formatRate(points)} per ₦100 spent (it was ${formatRate(previous)}).`,
  notChanged: () => "Not changed.",
  addStaffHelp: () => "Send ADD STAFF, their phone number and name, for example: ADD STAFF 0803 123 4567 Tunde",
  staffAdded: (name: string, phoneMasked: string) =>
    `Added ${name} (${phoneMasked}) as staff. They've been told to send STAFF to this number to choose their PIN.`,
  staffNone: () => "You have no staff yet. Add someone: ADD STAFF 0803 123 4567 Tunde",
  staffList: (staff: readonly StaffLine[]) =>
    [
      "Your staff:",
      ...staff.map(
        (s, i) =>
          `${i + 1}. ${s.name} (${s.phoneMasked})${s.role === "staff" ? "" : `, ${s.role}`}${s.pinSet ? "" : ", PIN not chosen yet"}`,
      ),
      "REMOVE STAFF <n> removes one at once.",
    ].join("\n"),
  removeStaffHelp: () => "Send REMOVE STAFF and their number from STAFF LIST, for example: REMOVE STAFF 2",
  staffRemoved: (name: string) => `${name} is removed: they can no longer use the staff chat or the dashboard.`,
  broadcastHelp: () => "Send BROADCAST followed by your message, for example: BROADCAST Double points this Saturday!",
  confirmBroadcast: (audience: number, used: number, limit: number | null) =>
    `This goes to ${plural(audience, "customer", "customers")} who accept offers. ${
      limit === null
        ? `You've sent ${plural(used, "broadcast", "broadcasts")} this month; your plan has no limit.`
        : `Your plan allows ${limit} a month and you've sent ${used}.`
    } Send it now? YES / NO`,
  broadcastNoAudience: () => "No customer accepts offers yet, so there is no one to send it to.",
  broadcastSent: (audience: number) => `Sending to ${plural(audience, "customer", "customers")} now.`,
  notSent: () => "Not sent.",
  voidNone: () => "There are no purchases to void.",
  voidList: () => "Which purchase should be voided? Reply with its number.",
  voidRow: (p: PurchaseLine) => ({
    title: `${formatNaira(p.amountKobo)} ${p.phoneMasked.slice(-4)}`,
    description: `${p.at}${p.by === null ? "" : ` by ${p.by}`}, ${formatPoints(p.points)} points`,
  }),
  voidPick: (count: number) => `Reply with a number from 1 to ${count}, or CANCEL.`,
  confirmVoid: (p: PurchaseLine) =>
    `Void ${formatNaira(p.amountKobo)} for ${p.phoneMasked} (${p.at}${p.by === null ? "" : `, by ${p.by}`})? Its ${formatPoints(p.points)} points are taken back. YES / NO`,
  voided: (amountKobo: number, phoneMasked: string, reversed: number, shortfall: number, balance: number) =>
    `Voided ${formatNaira(amountKobo)} for ${phoneMasked}: ${formatPoints(reversed)} points taken back${
      shortfall > 0 ? `; ${formatPoints(shortfall)} were already spent and could not be` : ""
    }. Their balance is ${formatPoints(balance)}; they have been told.`,
  notVoided: () => "Not voided.",
  qr: (link: string) => `Your join link (share it, or print the QR poster that follows): ${link}`,
  posterCaption: (vendorCode: string) =>
    `Your QR poster: print it at A5 and put it where customers pay. Code: ${vendorCode}`,
  plan: (plan: string, status: string, endsAt: string | null, lines: readonly PlanLine[], payLink: string | null) =>
    [
      `Plan: ${plan} (${status})${endsAt === null ? "" : `, until ${endsAt}`}.`,
      ...lines.map(
        (l) =>
          `${l.label}: ${formatPoints(l.used)}${l.limit === null ? " (no limit)" : ` of ${formatPoints(l.limit)}`}`,
      ),
      ...(payLink === null ? [] : [`Pay or upgrade: ${payLink}`]),
    ].join("\n"),
  loginLink: (url: string) => `Your dashboard sign-in link, good for 10 minutes and one use: ${url}\nDon't share it.`,
  failed: (reason: string) => `That didn't work: ${reason}`,
  /** To the person added with ADD STAFF (inside their 24-hour window; a template otherwise). */
  staffInvite: (vendorName: string) =>
    `You've been added as staff at ${vendorName}. Send STAFF here to choose your staff PIN, then log purchases with LOG <phone> <amount>.`,
  confirmBroadcastAgain: () => "Please reply YES to send it, or NO.",
  purchasesButton: () => "Purchases",
  notOwner: () =>
    "This number is not the owner of a business here. If you run one, send REGISTER to start a loyalty programme; if you work for one, send STAFF.",
  chooseBusiness: (list: string) => `You own more than one business. Send OWNER and its code: ${list}`,
  notSignedIn: () => "Enter your PIN first.",
  noSuchReward: (n: number) => `There is no reward number ${n}. Send REWARDS to see the list.`,
  noSuchStaff: (n: number) => `There is no staff member number ${n}. Send STAFF LIST to see the list.`,
  staffLimit: () => "Your plan's staff limit is reached. Send PLAN to see your plan.",
  staffTaken: () => "That phone number is already on your staff list.",
  alreadyVoided: () => "That purchase was already voided.",
  purchaseGone: () => "That purchase can't be found any more.",
  rateInvalid: (message: string) => `The rate could not be saved: ${message}`,
  paused: () =>
    "Your programme is paused, so nothing can be changed now. TODAY, REWARDS, STAFF LIST, QR, PLAN and LOGIN still work.",
};

function statsText(s: PeriodStats): string {
  return `${plural(s.purchases, "purchase", "purchases")}, ${formatNaira(s.amountKobo)}, ${formatPoints(s.points)} points given, ${plural(s.newCustomers, "new customer", "new customers")}, ${plural(s.redemptions, "redemption", "redemptions")}.`;
}

function formatRate(points: number): string {
  const shown = Number.isInteger(points) ? formatPoints(points) : String(points);
  return `${shown} ${points === 1 ? "point" : "points"}`;
}
