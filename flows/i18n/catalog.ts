import { en, type MessageKey } from "./catalogs/en.ts";

export type { MessageKey };

/** One language's messages: every key of the English catalog, nothing else. */
export type Catalog = { readonly [Key in MessageKey]: string };

/** The keys in the order the English catalog lists them. */
export const MESSAGE_KEYS: readonly MessageKey[] = Object.keys(en).filter((key): key is MessageKey => key in en);
