import type { Catalog } from "../catalog.ts";
import type { Language } from "../languages.ts";
import { en } from "./en.ts";
import { ha } from "./ha.ts";
import { ig } from "./ig.ts";
import { pcm } from "./pcm.ts";
import { yo } from "./yo.ts";

/** Every language's catalog; adding a language means adding its file here and its code to LANGUAGES. */
export const CATALOGS: Record<Language, Catalog> = { en, pcm, yo, ha, ig };
