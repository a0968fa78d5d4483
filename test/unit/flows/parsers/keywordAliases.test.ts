import { describe, expect, it } from "vitest";
import { keywordOfText } from "../../../../flows/chatWords.ts";
import { foldText, LANGUAGES, parseLanguage } from "../../../../flows/i18n/languages.ts";
import { KEYWORD_ALIASES } from "../../../../flows/parsers/keywordAliases.ts";
import { parseKeyword } from "../../../../flows/parsers/parseKeyword.ts";

/** A few things people really type, per language, and the command each means. */
const TYPED: Record<(typeof LANGUAGES)[number], [string, string][]> = {
  en: [
    ["my points", "BALANCE"],
    ["Check balance please", "BALANCE"],
    ["what can I get?", "REWARDS"],
  ],
  pcm: [
    ["wetin be my point", "BALANCE"],
    ["Wetin be my points?", "BALANCE"],
    ["wetin i fit collect", "REWARDS"],
    ["I wan collect", "REDEEM"],
    ["oya", "YES"],
    ["no be so", "NO"],
    ["how far", "MENU"],
    ["stop am", "STOP"],
  ],
  yo: [
    ["pọ́ìǹtì mi", "BALANCE"],
    ["ponti mi", "BALANCE"],
    ["Ẹ̀bùn", "REWARDS"],
    ["gba ẹ̀bùn", "REDEEM"],
    ["Bẹ́ẹ̀ ni", "YES"],
    ["rárá", "NO"],
    ["dúró", "STOP"],
    ["ìtàn", "HISTORY"],
  ],
  ha: [
    ["maki", "BALANCE"],
    ["kyauta", "REWARDS"],
    ["karɓi kyauta", "REDEEM"],
    ["To", "YES"],
    ["A'a", "NO"],
    ["tsaya", "STOP"],
    ["tarihi", "HISTORY"],
  ],
  ig: [
    ["akara m", "BALANCE"],
    ["onyinye", "REWARDS"],
    ["nweta onyinye", "REDEEM"],
    ["Ee", "YES"],
    ["Mba", "NO"],
    ["kwụsị", "STOP"],
    ["akụkọ", "HISTORY"],
  ],
};

describe("keyword aliases", () => {
  it.each(LANGUAGES)(
    "when a %s speaker types everyday words for a command, then the command is understood",
    (language) => {
      for (const [typed, command] of TYPED[language]) {
        expect(parseKeyword(typed).keyword, typed).toBe(command);
      }
    },
  );

  it.each(LANGUAGES)("when every %s alias is typed as written, then it reads as its command", (language) => {
    for (const [command, phrases] of Object.entries(KEYWORD_ALIASES[language])) {
      for (const phrase of phrases) expect(parseKeyword(phrase).keyword, phrase).toBe(command);
    }
  });

  it("when two languages share a word, then it means the same command in both (no alias is ambiguous)", () => {
    const meaning = new Map<string, string>();
    for (const language of LANGUAGES) {
      for (const [command, phrases] of Object.entries(KEYWORD_ALIASES[language])) {
        for (const phrase of phrases) {
          const folded = foldText(phrase);
          expect(meaning.get(folded) ?? command, `${language} "${phrase}"`).toBe(command);
          meaning.set(folded, command);
        }
      }
    }
  });

  it("when STOP or START is typed, then it is understood whatever language the person speaks (WhatsApp policy)", () => {
    for (const typed of ["STOP", "stop", "Stop!", "START", "start"]) {
      expect(["STOP", "START"]).toContain(parseKeyword(typed).keyword);
    }
  });

  it("when an alias is followed by words, then they stay as the command's arguments", () => {
    expect(parseKeyword("ede yoruba")).toEqual({ keyword: "LANGUAGE", args: ["yoruba"], rest: "yoruba" });
    expect(parseKeyword("harshe ha")).toEqual({ keyword: "LANGUAGE", args: ["ha"], rest: "ha" });
  });
});

describe("sign-up and owner words", () => {
  it("when the everyday word of any language for REGISTER, OWNER, TODAY, EXIT or SKIP is typed, then it reads as that command, and the English word still does", () => {
    const words: [string, string][] = [
      ["REGISTER", "REGISTER"],
      ["sign up", "REGISTER"],
      ["i wan register", "REGISTER"],
      ["forúkọsílẹ̀", "REGISTER"],
      ["rajista", "REGISTER"],
      ["debanye", "REGISTER"],
      ["OWNER", "OWNER"],
      ["i be owner", "OWNER"],
      ["èmi ni ọ̀gá", "OWNER"],
      ["ni ne mai shago", "OWNER"],
      ["abụ m onye nwe", "OWNER"],
      ["today", "TODAY"],
      ["how market today", "TODAY"],
      ["òní", "TODAY"],
      ["yau", "TODAY"],
      ["taa", "TODAY"],
      ["exit", "EXIT"],
      ["comot", "EXIT"],
      ["jáde", "EXIT"],
      ["fita", "EXIT"],
      ["pụọ", "EXIT"],
      ["skip", "SKIP"],
      ["skip am", "SKIP"],
      ["fò ó", "SKIP"],
      ["tsallake", "SKIP"],
      ["gafee", "SKIP"],
    ];
    for (const [typed, command] of words) expect(parseKeyword(typed).keyword, typed).toBe(command);
  });

  it("when a customer greets the shop owner or thanks God, then it is not read as OWNER", () => {
    for (const typed of ["Mai shago, ina kwana", "Ọlọ́hun a bukun fun yin", "Ọ̀gá, ẹ kú iṣẹ́", "onye nwe ụlọ ahịa"])
      expect(parseKeyword(typed).keyword, typed).not.toBe("OWNER");
  });

  it("when a customer mistypes a command, then the owner words added no new guess: typos still read as before", () => {
    expect(parseKeyword("shop").suggestions?.sort()).toEqual(["STOP", "VENDORS"]);
    expect(parseKeyword("balnce").keyword).toBe("BALANCE");
    expect(parseKeyword("rewads").keyword).toBe("REWARDS");
    expect(parseKeyword("STOP").keyword).toBe("STOP");
    expect(parseKeyword("START").keyword).toBe("START");
  });
});

describe("typos", () => {
  it("when a word is one or two letters from exactly one command, then it is taken as that command", () => {
    for (const [typed, command] of [
      ["histroy", "HISTORY"],
      ["balnce", "BALANCE"],
      ["reedem", "REDEEM"],
      ["rewads", "REWARDS"],
      ["venders", "VENDORS"],
      ["Menuu", "MENU"],
    ]) {
      expect(parseKeyword(typed ?? "").keyword, typed).toBe(command);
    }
  });

  it("when a word is as close to two commands, then neither is guessed and both are suggested", () => {
    const read = parseKeyword("logn");
    expect(read.keyword).toBe("LOGN");
    expect(read.suggestions?.sort()).toEqual(["LOG", "LOGIN"]);
  });

  it("when a word is far from every command, or short, or has digits, then it is left alone", () => {
    for (const typed of ["xyzzy", "thanks", "hmm", "ABCD2345", "1", "0801 234 5678"]) {
      const read = parseKeyword(typed);
      expect(read.suggestions, typed).toBeUndefined();
      expect(read.keyword, typed).toBe(typed.split(" ")[0]?.toUpperCase());
    }
  });

  it("when a message is emoji alone, then it is read as MENU; text with emoji keeps its words", () => {
    for (const typed of ["👍", "👍🏾", "🙏🙏", "❤️", " 😀 "])
      expect(keywordOfText({ type: "TEXT", text: typed }), typed).toBe("MENU");
    expect(keywordOfText({ type: "TEXT", text: "balance 👍" })).toBe("BALANCE");
    expect(keywordOfText({ type: "TEXT", text: "?" })).toBe("");
  });
});

describe("language names", () => {
  it("when a person names a language in any usual way, then it is read as one of the five", () => {
    const names: [string, string][] = [
      ["english", "en"],
      ["EN", "en"],
      ["pidgin", "pcm"],
      ["Naija", "pcm"],
      ["pcm", "pcm"],
      ["Yorùbá", "yo"],
      ["yoruba", "yo"],
      ["yo-NG", "yo"],
      ["hausa", "ha"],
      ["ha", "ha"],
      ["igbo", "ig"],
      ["Ibo", "ig"],
      ["en_GB", "en"],
    ];
    for (const [typed, language] of names) expect(parseLanguage(typed), typed).toBe(language);
    for (const typed of ["french", "fr", "", "zz-NG"]) expect(parseLanguage(typed), typed).toBeNull();
  });
});
