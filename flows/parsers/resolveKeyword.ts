import { foldText, LANGUAGES } from "../i18n/languages.ts";
import { COMMAND_GROUPS, KEYWORD_ALIASES } from "./keywordAliases.ts";

/** A command as read: its keyword (upper case), argument tokens, raw rest, and near misses. */
export type ResolvedKeyword = {
  keyword: string;
  args: string[];
  rest: string;
  /** Commands a mistyped word is equally close to, when it is close to more than one. */
  suggestions?: string[];
};

const COMMAND_OF = new Map<string, string>(
  COMMAND_GROUPS.flatMap((group) => group.map((word): [string, string] => [word, group[0] ?? word])),
);

/** Every language's alias phrases as word lists, longest first, so "wetin be my point" beats "my point". */
const ALIAS_PHRASES: readonly { words: string[]; command: string }[] = LANGUAGES.flatMap((language) =>
  Object.entries(KEYWORD_ALIASES[language]).flatMap(([command, phrases]) =>
    phrases.map((phrase) => ({ words: foldText(phrase).split(" "), command })),
  ),
).sort((a, b) => b.words.length - a.words.length);

/** Single words a typo may be meant as: the command words and every one-word alias. */
const TYPO_TARGETS: readonly { word: string; command: string }[] = [
  ...[...COMMAND_OF].map(([word, command]) => ({ word, command })),
  ...ALIAS_PHRASES.filter((alias) => alias.words.length === 1).map((alias) => ({
    word: (alias.words[0] ?? "").toUpperCase(),
    command: alias.command,
  })),
];

/**
 * Reads the command in a message that parseKeyword split into a first word and the rest: an
 * alias in any of our languages ("wetin be my point" → BALANCE, "ẹ̀bùn" → REWARDS), a command word
 * as typed, or a word one edit (two for words of 6+ letters) from exactly one command
 * ("balnce" → BALANCE). A word as close to several commands keeps its text and lists them in
 * `suggestions`, so the flow can ask "Did you mean …?". Numbers and codes are never changed.
 */
export function resolveKeyword(text: string, parsed: ResolvedKeyword): ResolvedKeyword {
  const phrase = matchAlias(text, 2);
  if (phrase !== null) return phrase;
  if (COMMAND_OF.has(parsed.keyword)) return parsed;
  const alias = matchAlias(text, 1);
  if (alias !== null) return alias;
  if (!/^\p{L}{4,}$/u.test(parsed.keyword)) return parsed;
  const word = foldText(parsed.keyword).toUpperCase();
  const limit = word.length >= 6 ? 2 : 1;
  let best = limit + 1;
  let commands = new Set<string>();
  for (const target of TYPO_TARGETS) {
    const distance = editDistance(word, target.word, best);
    if (distance < best) {
      best = distance;
      commands = new Set([target.command]);
    } else if (distance === best) {
      commands.add(target.command);
    }
  }
  if (best > limit || commands.size === 0) return parsed;
  const [only] = commands;
  if (commands.size === 1 && only !== undefined) return { ...parsed, keyword: only };
  return { ...parsed, suggestions: [...commands] };
}

/** The longest alias of at least `minWords` words that the message starts with, or null. */
function matchAlias(text: string, minWords: number): ResolvedKeyword | null {
  const tokens = text
    .trim()
    .split(/\s+/)
    .filter((token) => token !== "");
  const folded = tokens.map((token) =>
    foldText(token)
      .split(" ")
      .filter((part) => part !== ""),
  );
  const words = folded.flat();
  for (const alias of ALIAS_PHRASES) {
    if (alias.words.length < minWords || alias.words.length > words.length) continue;
    if (!alias.words.every((word, index) => words[index] === word)) continue;
    // Drop the typed tokens the phrase covered (a token like "a'a" folds to two words).
    let covered = 0;
    let used = 0;
    while (covered < alias.words.length && used < folded.length) {
      covered += folded[used]?.length ?? 0;
      used += 1;
    }
    if (covered !== alias.words.length) continue;
    const args = tokens.slice(used);
    return { keyword: alias.command, args, rest: args.join(" ") };
  }
  return null;
}

/**
 * Optimal string alignment distance (a swap of neighbours counts as one edit: "histroy"),
 * giving up above `max` so a long word costs little.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j += 1) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? max + 1;
}
