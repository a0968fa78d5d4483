import { noRows, sql, type Tx } from "../../db/sql.ts";
import type { GraphPhoneNumber } from "../../whatsapp/readPhoneNumber.ts";
import { writeAuditLog } from "../audit/writeAuditLog.ts";
import { findTenant } from "./findTenant.ts";
import { isPhoneNumberIdTaken } from "./isPhoneNumberIdTaken.ts";

export type AssignWhatsappNumberResult = { ok: true } | { ok: false; reason: "not_found" | "taken" };

/**
 * Makes `number` (already read from the Graph API with `accessToken`) the tenant's own WhatsApp
 * number, on the platform path: routing (`whatsapp_config.phone_number_id`, and the display
 * number join links use) and the token in tenant_whatsapp_numbers, with an audit row that never
 * holds the token. With `number: null` the tenant goes back to the shared number.
 * A concurrent assignment of the same id to another tenant fails on the unique indexes.
 */
export async function assignWhatsappNumber(
  tx: Tx,
  input: { tenantId: string; number: GraphPhoneNumber | null; accessToken: string | null; adminId: string },
): Promise<AssignWhatsappNumberResult> {
  const tenant = await findTenant(tx, input.tenantId);
  if (tenant === null) return { ok: false, reason: "not_found" };
  const { number } = input;
  if (number === null || input.accessToken === null) {
    await tx.query(sql.type(noRows)`DELETE FROM tenant_whatsapp_numbers WHERE tenant_id = ${input.tenantId}`);
    await tx.query(sql.type(noRows)`
      UPDATE tenants SET whatsapp_config = COALESCE(whatsapp_config, '{}'::jsonb) - 'phone_number_id' - 'display_phone_number', updated_at = now()
      WHERE id = ${input.tenantId}
    `);
  } else {
    if (await isPhoneNumberIdTaken(tx, number.id, input.tenantId)) return { ok: false, reason: "taken" };
    const display = number.displayPhoneNumber.replace(/\D/g, "");
    await tx.query(sql.type(noRows)`
      INSERT INTO tenant_whatsapp_numbers (tenant_id, phone_number_id, access_token, display_phone_number, verified_name, verified_at, assigned_by)
      VALUES (${input.tenantId}, ${number.id}, ${input.accessToken}, ${display}, ${number.verifiedName}, now(), ${input.adminId})
      ON CONFLICT (tenant_id) DO UPDATE SET
        phone_number_id = EXCLUDED.phone_number_id, access_token = EXCLUDED.access_token,
        display_phone_number = EXCLUDED.display_phone_number, verified_name = EXCLUDED.verified_name,
        verified_at = EXCLUDED.verified_at, assigned_by = EXCLUDED.assigned_by, updated_at = now()
    `);
    await tx.query(sql.type(noRows)`
      UPDATE tenants SET
        whatsapp_config = COALESCE(whatsapp_config, '{}'::jsonb) || ${sql.jsonb({ phone_number_id: number.id, display_phone_number: display })},
        updated_at = now()
      WHERE id = ${input.tenantId}
    `);
  }
  await writeAuditLog(tx, {
    tenantId: input.tenantId,
    actor: { userType: "platform_admin", userId: input.adminId },
    action: "tenant.whatsapp_number_assigned",
    entityType: "tenant",
    entityId: input.tenantId,
    oldValues: {
      phoneNumberId:
        typeof tenant.whatsappConfig["phone_number_id"] === "string" ? tenant.whatsappConfig["phone_number_id"] : null,
    },
    newValues: { phoneNumberId: number?.id ?? null },
  });
  return { ok: true };
}
