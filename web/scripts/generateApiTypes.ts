import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildApiDocument } from "./buildApiDocument.ts";
import { renderApiTypes } from "./renderApiTypes.ts";

/** `npm run web:types`: writes web/src/api/schema.ts from the current API (commit the result). */
export const API_TYPES_FILE = path.resolve(import.meta.dirname, "../src/api/schema.ts");

if (import.meta.main) {
  writeFileSync(API_TYPES_FILE, renderApiTypes(await buildApiDocument()));
  process.stdout.write(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)}\n`);
}
