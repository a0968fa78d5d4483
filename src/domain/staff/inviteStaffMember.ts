import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";
import { createStaffMember } from "./createStaffMember.ts";
import type { StaffMember } from "./staffRecord.ts";

/** How long someone added in the owner chat may take to choose their PIN at their first STAFF. */
export const PIN_SETUP_MS = 7 * 24 * 60 * 60 * 1000;

export type InviteStaffMemberResult =
  | { ok: true; staff: StaffMember }
  | { ok: false; reason: "plan_limit" | "phone_taken" };

const idRow = z.object({ id: z.string() });

/**
 * The owner chat's ADD STAFF: a staff member with this WhatsApp number and no PIN, who chooses
 * their own PIN (typed twice) at their first STAFF within 7 days. No password: they use the
 * chat, and an owner can give them a dashboard login later. Goes through
 * {@link createStaffMember}, so the plan's max_staff and the audit row are the API's. The email
 * column is required and unique per tenant: a reserved `.invalid` address made from the number
 * stands in (RFC 2606: it can never receive mail).
 */
export async function inviteStaffMember(
  tx: Tx,
  input: { tenantId: string; phone: string; fullName: string; createdByUserId: string; now: Date },
): Promise<InviteStaffMemberResult> {
  const created = await createStaffMember(tx, {
    tenantId: input.tenantId,
    email: `${input.phone}@staff.invalid`,
    fullName: input.fullName,
    phoneNumber: input.phone,
    role: "staff",
    createdByUserId: input.createdByUserId,
  });
  if (!created.ok) return { ok: false, reason: created.reason === "plan_limit" ? "plan_limit" : "phone_taken" };
  await tx.query(sql.type(idRow)`
    UPDATE vendor_users SET pin_setup_until = ${sql.timestamp(new Date(input.now.getTime() + PIN_SETUP_MS))}
    WHERE id = ${created.staff.id}
    RETURNING id
  `);
  return { ok: true, staff: created.staff };
}
