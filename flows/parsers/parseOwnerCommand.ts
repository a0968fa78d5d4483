import { parseKeyword } from "./parseKeyword.ts";
import { parsePhone } from "./parsePhone.ts";

/** The most a reward may cost in points, and the longest name (the rewards.name column is longer). */
export const MAX_REWARD_POINTS = 1_000_000;
export const MAX_REWARD_NAME = 100;
/** Earning rates above this many points per ₦100 are typing mistakes. */
export const MAX_RATE = 1000;
/** A broadcast is one template parameter: at most 1,024 characters (Meta's limit). */
export const MAX_BROADCAST = 1024;
export const MAX_STAFF_NAME = 100;

/** What an owner typed, read as one of the owner commands (docs/chat.md). */
export type OwnerCommand =
  | { kind: "today" }
  | { kind: "rewards" }
  | { kind: "addReward"; points: number; name: string }
  | { kind: "addRewardHelp" }
  | { kind: "pauseReward"; number: number }
  | { kind: "pauseRewardHelp" }
  | { kind: "rate"; points: number }
  | { kind: "rateHelp" }
  | { kind: "addStaff"; phone: string; name: string }
  | { kind: "addStaffHelp" }
  | { kind: "staffList" }
  | { kind: "removeStaff"; number: number }
  | { kind: "removeStaffHelp" }
  | { kind: "broadcast"; text: string }
  | { kind: "broadcastHelp" }
  | { kind: "void" }
  | { kind: "qr" }
  | { kind: "plan" }
  | { kind: "login" }
  | { kind: "exit" }
  | { kind: "menu" };

const NUMBER = /^\d{1,7}$/;
const RATE = /^\d{1,4}(?:\.\d{1,2})?$/;

/**
 * Reads an owner's message as a command, forgiving case and spacing; null when it is none.
 * A known command with missing or wrong arguments gives its `…Help` kind, so the owner is shown
 * an example rather than "not understood".
 */
export function parseOwnerCommand(text: string): OwnerCommand | null {
  const { keyword, args, rest } = parseKeyword(text);
  const second = (args[0] ?? "").toUpperCase();
  const afterSecond = rest.replace(/^\S+\s*/u, "").trim();
  switch (keyword) {
    case "TODAY":
    case "STATS":
      return { kind: "today" };
    case "REWARDS":
      return { kind: "rewards" };
    case "ADD":
      if (second === "REWARD") return addReward(afterSecond);
      if (second === "STAFF") return addStaff(afterSecond);
      return null;
    case "PAUSE":
      if (second !== "REWARD") return null;
      return numbered(afterSecond, (number) => ({ kind: "pauseReward", number }), { kind: "pauseRewardHelp" });
    case "RATE": {
      const value = rest.replace(/^₦?\s*/u, "");
      if (!RATE.test(value)) return { kind: "rateHelp" };
      const points = Number(value);
      return points > 0 && points <= MAX_RATE ? { kind: "rate", points } : { kind: "rateHelp" };
    }
    case "STAFF":
      return second === "LIST" && args.length === 1 ? { kind: "staffList" } : null;
    case "REMOVE":
      if (second !== "STAFF") return null;
      return numbered(afterSecond, (number) => ({ kind: "removeStaff", number }), { kind: "removeStaffHelp" });
    case "BROADCAST":
      if (rest === "") return { kind: "broadcastHelp" };
      return rest.length <= MAX_BROADCAST ? { kind: "broadcast", text: rest } : { kind: "broadcastHelp" };
    case "VOID":
      return { kind: "void" };
    case "QR":
      return { kind: "qr" };
    case "PLAN":
      return { kind: "plan" };
    case "LOGIN":
    case "DASHBOARD":
      return { kind: "login" };
    case "EXIT":
    case "DONE":
    case "LOGOUT":
    case "END":
      return { kind: "exit" };
    case "MENU":
    case "HELP":
    case "OWNER":
      return { kind: "menu" };
    default:
      return null;
  }
}

function numbered(text: string, make: (n: number) => OwnerCommand, help: OwnerCommand): OwnerCommand {
  if (!NUMBER.test(text)) return help;
  const number = Number(text);
  return number >= 1 ? make(number) : help;
}

function addReward(text: string): OwnerCommand {
  const match = /^(\d{1,7})\s+(.+)$/su.exec(text);
  if (!match) return { kind: "addRewardHelp" };
  const points = Number(match[1]);
  const name = (match[2] ?? "").trim();
  if (points < 1 || points > MAX_REWARD_POINTS || !isCleanName(name, MAX_REWARD_NAME)) return { kind: "addRewardHelp" };
  return { kind: "addReward", points, name };
}

/** `<phone> <name>`: the longest run of leading tokens that is a phone number, the rest the name. */
function addStaff(text: string): OwnerCommand {
  const tokens = text.split(/\s+/).filter((token) => token.length > 0);
  for (let take = Math.min(tokens.length - 1, 5); take >= 1; take -= 1) {
    const phone = parsePhone(tokens.slice(0, take).join(" "));
    if (!phone.ok) continue;
    const name = tokens.slice(take).join(" ");
    if (!isCleanName(name, MAX_STAFF_NAME) || !/\p{L}/u.test(name)) return { kind: "addStaffHelp" };
    return { kind: "addStaff", phone: phone.value, name };
  }
  return { kind: "addStaffHelp" };
}

/** A name a person typed that can be stored and shown: no control characters, whole code points. */
function isCleanName(name: string, max: number): boolean {
  return name.length > 0 && name.length <= max && name.isWellFormed() && !/\p{Cc}/u.test(name);
}
