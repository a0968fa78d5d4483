import { readFileSync } from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { MESSAGE_KEYS } from "../../../flows/i18n/catalog.ts";
import { CATALOGS } from "../../../flows/i18n/catalogs/index.ts";
import { LANGUAGES } from "../../../flows/i18n/languages.ts";

/** Every placeholder a message uses, with its kind (plain, number, plural, select), sorted. */
function placeholdersOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: unknown): void => {
    if (!Array.isArray(elements)) return;
    for (const element of elements) {
      if (typeof element !== "object" || element === null) continue;
      const value = "value" in element && typeof element.value === "string" ? element.value : null;
      const type = "type" in element && typeof element.type === "number" ? element.type : null;
      // Types from @formatjs/icu-messageformat-parser: 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural.
      if (value !== null && type !== null && type >= 1 && type <= 6)
        found.add(`${value}:${type === 6 || type === 2 ? "number" : type === 5 ? "select" : "text"}`);
      if ("options" in element && typeof element.options === "object" && element.options !== null) {
        for (const option of Object.values(element.options)) {
          if (typeof option === "object" && option !== null && "value" in option) walk(option.value);
        }
      }
    }
  };
  walk(new IntlMessageFormat(message, "en", undefined, { ignoreTag: true }).getAst());
  return [...found].sort();
}

/** Reads number placeholders written plainly (`{points}`) as numbers too: what matters is the value a flow passes. */
function names(placeholders: string[]): string[] {
  return placeholders.map((p) => p.replace(/:text$/, ":any").replace(/:number$/, ":any")).sort();
}

describe("message catalogs", () => {
  it("when a catalog is compared with English, then it has exactly the same keys", () => {
    for (const language of LANGUAGES) {
      const keys = Object.keys(CATALOGS[language]).sort();
      expect(keys, language).toEqual([...MESSAGE_KEYS].sort());
    }
  });

  it("when every message is parsed, then each catalog uses the same placeholders as English, no more and no fewer", () => {
    const problems: string[] = [];
    for (const key of MESSAGE_KEYS) {
      const english = placeholdersOf(CATALOGS.en[key]);
      for (const language of LANGUAGES) {
        const theirs = placeholdersOf(CATALOGS[language][key]);
        const selectsMatch = english.filter((p) => p.endsWith(":select")).every((p) => theirs.includes(p));
        if (JSON.stringify(names(theirs)) !== JSON.stringify(names(english)) || !selectsMatch) {
          problems.push(`${language} ${key}: ${theirs.join(",")} vs en ${english.join(",")}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("when a message has a select, then every catalog covers the same choices as English", () => {
    const selectChoices = (message: string): string[] => {
      const choices: string[] = [];
      const walk = (elements: unknown): void => {
        if (!Array.isArray(elements)) return;
        for (const element of elements) {
          if (typeof element !== "object" || element === null || !("options" in element)) continue;
          if (
            !("type" in element) ||
            element.type !== 5 ||
            typeof element.options !== "object" ||
            element.options === null
          )
            continue;
          choices.push(...Object.keys(element.options));
        }
      };
      walk(new IntlMessageFormat(message, "en", undefined, { ignoreTag: true }).getAst());
      return choices.sort();
    };
    for (const key of MESSAGE_KEYS) {
      for (const language of LANGUAGES) {
        expect(selectChoices(CATALOGS[language][key]), `${language} ${key}`).toEqual(selectChoices(CATALOGS.en[key]));
      }
    }
  });

  it("when a translated catalog is opened, then its header says it awaits review by a native speaker", () => {
    for (const language of LANGUAGES.filter((l) => l !== "en")) {
      const source = readFileSync(new URL(`../../../flows/i18n/catalogs/${language}.ts`, import.meta.url), "utf8");
      expect(source.slice(0, 600).toUpperCase(), language).toContain("AWAITING REVIEW BY A NATIVE SPEAKER");
    }
  });

  it("when a catalog is checked, then no message is empty and command words stay in capitals", () => {
    for (const language of LANGUAGES) {
      for (const key of MESSAGE_KEYS) {
        const message = CATALOGS[language][key];
        expect(message.trim().length, `${language} ${key}`).toBeGreaterThan(0);
        // Every command an English message tells people to send is told in every language.
        for (const command of CATALOGS.en[key].match(
          /\b(?:BALANCE|REWARDS|REDEEM|MENU|STOP|START|STAFF|JOIN|LOG|VERIFY|YES|NO|LANGUAGE)\b/g,
        ) ?? []) {
          expect(message, `${language} ${key} names ${command}`).toContain(command);
        }
      }
    }
  });
});
