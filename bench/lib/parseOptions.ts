import { parseArgs } from "node:util";
import { z } from "zod";

/**
 * Reads `--kebab-case value` (or `--kebab-case=value`) flags into the camelCase keys of a zod
 * object, so each bench declares its options, defaults and bounds in one schema. Unknown
 * flags are an error: a typo must not silently run the default size.
 * @throws Error naming the bad flag.
 */
export function parseOptions<Shape extends z.ZodRawShape>(
  shape: Shape,
  argv: readonly string[] = process.argv.slice(2),
): z.infer<z.ZodObject<Shape>> {
  const keys = Object.keys(shape);
  const options: Record<string, { type: "string" }> = {};
  for (const key of keys) options[toKebab(key)] = { type: "string" };
  const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  const input: Record<string, unknown> = {};
  for (const key of keys) {
    const value = values[toKebab(key)];
    if (value !== undefined) input[key] = value;
  }
  const parsed = z.object(shape).safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${toKebab(String(issue?.path[0] ?? "option"))}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

/** A positive integer flag with a default and an upper bound (every bench loop is bounded). */
export function intOption(fallback: number, max: number) {
  return z.coerce.number().int().positive().max(max).default(fallback);
}

function toKebab(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
