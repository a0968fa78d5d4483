import { z } from "zod";

export type TemplateRef = { name: string; language: string };

/**
 * A tenant's choice of approved template, as stored in `tenants.whatsapp_config`: a template
 * name (language `en`) or `{ name, language }`. Tenants that set none get the platform default.
 */
export const templateSettingSchema = z.union([
  z.string().min(1).transform((name): TemplateRef => ({ name, language: "en" })),
  z.object({ name: z.string().min(1), language: z.string().min(1).default("en") }),
]);

/**
 * The template a tenant configured under `key` in its `whatsapp_config`, or `fallback` when it
 * set none or the setting is malformed (a broken setting must not stop a purchase being told).
 */
export function tenantTemplate(whatsappConfig: Record<string, unknown> | null, key: string, fallback: TemplateRef): TemplateRef {
  const parsed = templateSettingSchema.safeParse(whatsappConfig?.[key]);
  return parsed.success ? parsed.data : fallback;
}
