import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const existsRow = z.object({ x: z.number() });

/**
 * Whether another tenant already brought this WhatsApp phone_number_id (platform path): two
 * tenants on one number would make inbound routing ambiguous.
 */
export async function isPhoneNumberIdTaken(tx: Tx, phoneNumberId: string, exceptTenantId: string): Promise<boolean> {
  return tx.exists(sql.type(existsRow)`
    SELECT 1 AS x FROM tenants
    WHERE whatsapp_config->>'phone_number_id' = ${phoneNumberId} AND id <> ${exceptTenantId} AND deleted_at IS NULL
  `);
}
