import { z } from "zod";
import type { Language } from "../../../flows/i18n/languages.ts";

export type TemplateRef = { name: string; language: string };

/**
 * A tenant's choice of approved template, as stored in `tenants.whatsapp_config`: a template
 * name (language `en`) or `{ name, language }`. Tenants that set none get the platform default.
 */
export const templateSettingSchema = z.union([
  z
    .string()
    .min(1)
    .transform((name): TemplateRef => ({ name, language: "en" })),
  z.object({ name: z.string().min(1), language: z.string().min(1).default("en") }),
]);

/**
 * The template a tenant configured under `key` in its `whatsapp_config`, or `fallback` when it
 * set none or the setting is malformed (a broken setting must not stop a purchase being told).
 */
export function tenantTemplate(
  whatsappConfig: Record<string, unknown> | null,
  key: string,
  fallback: TemplateRef,
): TemplateRef {
  const parsed = templateSettingSchema.safeParse(whatsappConfig?.[key]);
  return parsed.success ? parsed.data : fallback;
}

/** Where a tenant's template for `language` lives in `whatsapp_config`: `<key>` for English, `<key>_<language>` for the others. */
export function templateKeyFor(key: string, language: Language): string {
  return language === "en" ? key : `${key}_${language}`;
}

/**
 * The template for a recipient who reads `language`: the tenant's for that language where it named
 * one (`<key>_<language>`), else its English one (`<key>`), else `fallback` (issue #18: "in the
 * recipient's language where the tenant has that template approved, else in English").
 */
export function tenantTemplateFor(
  whatsappConfig: Record<string, unknown> | null,
  key: string,
  language: Language,
  fallback: TemplateRef,
): { template: TemplateRef; language: Language } {
  if (language !== "en") {
    const own = templateSettingSchema.safeParse(whatsappConfig?.[templateKeyFor(key, language)]);
    if (own.success) return { template: own.data, language };
  }
  return { template: tenantTemplate(whatsappConfig, key, fallback), language: "en" };
}
