import type { Language } from "../i18n/languages.ts";

/**
 * The command words the flows read, grouped by the command they mean (the first word of each
 * group). Typed exactly they pass through unchanged (the flows list their own synonyms); they
 * are also what a typo is matched against.
 */
export const COMMAND_GROUPS: readonly (readonly string[])[] = [
  ["MENU", "HELP", "HI", "HELLO", "HEY"],
  ["BALANCE", "POINTS", "BAL"],
  ["REWARDS", "REWARD"],
  ["REDEEM"],
  ["HISTORY"],
  ["REFER", "REFERRAL", "INVITE"],
  ["VENDORS", "VENDOR", "SHOPS"],
  ["STOP", "UNSUBSCRIBE"],
  ["START", "SUBSCRIBE"],
  ["CANCEL", "BACK", "QUIT"],
  ["YES", "Y", "YEA", "YEAH", "YEP", "OK", "OKAY", "CONFIRM", "SURE"],
  ["NO", "N", "NOPE", "NAH"],
  ["MORE"],
  ["JOIN"],
  ["LANGUAGE"],
  ["STAFF"],
  ["LOG"],
  ["VERIFY", "CHECK"],
  ["EXIT", "DONE", "LOGOUT", "END"],
  // Sign-up, owner and later commands (DESIGN.md §7): never "corrected" into another word.
  ["REGISTER"], ["OWNER"], ["TODAY"], ["ADD"], ["PAUSE"], ["RATE"], ["REMOVE"], ["BROADCAST"], ["VOID"],
  ["QR"], ["PLAN"], ["LOGIN"], ["CLAIMS"], ["APPROVE"], ["REJECT"], ["UNDO"], ["SKIP"], ["DELETE"],
];

/**
 * What people say for a command in each language, folded (lower case, no accents or tone marks,
 * punctuation as spaces): a whole message or its first words. The command is the English word,
 * so buttons, list rows and the flows stay language-neutral; STOP and START are understood in
 * English in every language (WhatsApp policy) besides these.
 */
export const KEYWORD_ALIASES: Record<Language, Readonly<Record<string, readonly string[]>>> = {
  en: {
    BALANCE: ["my points", "my balance", "check balance", "check my points", "how many points"],
    REWARDS: ["my rewards", "what can i get"],
    HISTORY: ["my history"],
    LANGUAGE: ["lang", "change language"],
  },
  pcm: {
    BALANCE: ["wetin be my point", "wetin be my points", "my point", "how many point i get", "how many points i get", "check my point"],
    REWARDS: ["wetin i fit collect", "wetin i fit get", "wetin i go get"],
    REDEEM: ["i wan collect", "collect", "i wan redeem"],
    HISTORY: ["wetin don happen"],
    MENU: ["how far", "wetin dey", "abeg help"],
    YES: ["yes o", "na so", "oya", "ehen"],
    NO: ["no o", "no be so", "abeg no"],
    STOP: ["stop am", "no send again"],
    CANCEL: ["leave am", "forget am"],
    REFER: ["bring padi"],
    LANGUAGE: ["langwej"],
  },
  yo: {
    BALANCE: ["pointi", "pointi mi", "iye pointi mi", "elo ni pointi mi"],
    REWARDS: ["ebun", "awon ebun"],
    REDEEM: ["gba ebun"],
    HISTORY: ["itan"],
    MENU: ["e kaaro", "e kaasan", "e kaale", "bawo"],
    YES: ["beeni", "bee ni", "o dara"],
    NO: ["rara", "beeko", "bee ko"],
    STOP: ["duro", "da duro"],
    START: ["bere"],
    CANCEL: ["fagile", "fi sile"],
    REFER: ["pe ore"],
    VENDORS: ["soobu", "soobu mi"],
    LANGUAGE: ["ede"],
  },
  ha: {
    BALANCE: ["maki", "makina", "maki na"],
    REWARDS: ["kyauta", "kyaututtuka"],
    REDEEM: ["karbi kyauta", "karba"],
    HISTORY: ["tarihi"],
    MENU: ["sannu", "ina kwana", "barka"],
    YES: ["eh", "to", "na am", "haka ne"],
    NO: ["a a", "aa", "babu"],
    STOP: ["tsaya", "daina", "dakata"],
    START: ["fara"],
    CANCEL: ["soke", "fasa"],
    REFER: ["gayyata"],
    VENDORS: ["shaguna", "shago"],
    LANGUAGE: ["harshe"],
  },
  ig: {
    BALANCE: ["akara", "akara m"],
    REWARDS: ["onyinye"],
    REDEEM: ["nweta onyinye"],
    HISTORY: ["akuko"],
    MENU: ["ndewo", "kedu", "nnoo"],
    YES: ["ee", "eh"],
    NO: ["mba", "mba o"],
    STOP: ["kwusi", "kwusi ya"],
    START: ["malite"],
    CANCEL: ["kagbuo", "hapu"],
    REFER: ["kpoo enyi"],
    VENDORS: ["ulo ahia"],
    LANGUAGE: ["asusu"],
  },
};
