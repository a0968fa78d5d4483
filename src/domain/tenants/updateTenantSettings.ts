import { z } from "zod";
import { noRows, sql, type Tx } from "../../db/sql.ts";
import { vendorOrSystem, writeAuditLog } from "../audit/writeAuditLog.ts";

/** Keys a vendor may set; null removes a key (back to its default). */
export type SettingsChanges = {
  settings: Record<string, unknown>;
  /** `greeting_message`, `phone_number_id`, `display_phone_number` of `tenants.whatsapp_config`. */
  whatsapp: Record<string, unknown>;
};

const jsonRecord = z.record(z.string(), z.json());

/**
 * Merges changes into the current tenant's `settings` and `whatsapp_config` (a null value
 * removes the key), with an audit row (`settings.updated`) naming the keys changed.
 */
export async function updateTenantSettings(
  tx: Tx,
  input: { tenantId: string; userId: string | null; changes: SettingsChanges },
): Promise<void> {
  const { settings, whatsapp } = input.changes;
  const removeSettings = Object.keys(settings).filter((key) => settings[key] === null);
  const removeWhatsapp = Object.keys(whatsapp).filter((key) => whatsapp[key] === null);
  const setSettings = jsonRecord.parse(Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== null)));
  const setWhatsapp = jsonRecord.parse(Object.fromEntries(Object.entries(whatsapp).filter(([, v]) => v !== null)));
  await tx.query(sql.type(noRows)`
    UPDATE tenants SET
      settings = (COALESCE(settings, '{}'::jsonb) - ${sql.array(removeSettings, "text")}::text[]) || ${sql.jsonb(setSettings)},
      whatsapp_config = (COALESCE(whatsapp_config, '{}'::jsonb) - ${sql.array(removeWhatsapp, "text")}::text[]) || ${sql.jsonb(setWhatsapp)},
      updated_at = now()
    WHERE id = ${input.tenantId}
  `);
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: vendorOrSystem(input.userId),
    action: "settings.updated",
    entityType: "tenant",
    entityId: input.tenantId,
    newValues: { settings: Object.keys(settings), whatsapp: Object.keys(whatsapp) },
  });
}
