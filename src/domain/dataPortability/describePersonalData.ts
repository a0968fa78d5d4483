import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const heldRow = z.object({
  business_name: z.string(),
  vendor_code: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  whatsapp_name: z.string().nullable(),
  email: z.string().nullable(),
  birth_date: z.string().nullable(),
  opted_in: z.boolean().nullable(),
  balance: z.number().int(),
  purchases: z.number().int(),
  ledger_rows: z.number().int(),
  messages: z.number().int(),
  joined_at: z.date().nullable(),
});

export type PersonalDataHeld = {
  businessName: string;
  vendorCode: string;
  name: string | null;
  email: string | null;
  birthDate: string | null;
  marketing: boolean;
  balance: number;
  purchases: number;
  ledgerRows: number;
  messages: number;
  joinedAt: Date | null;
};

/**
 * What is held about a phone number, per vendor (NDPR right of access; `MY DATA` in chat): the
 * profile fields, marketing consent, and how many purchases, points rows and messages. Runs on
 * the platform path because a person's data spans vendors; the caller is the person themselves
 * (their WhatsApp number is the proof), never a vendor.
 */
export async function describePersonalData(tx: Tx, phone: string): Promise<PersonalDataHeld[]> {
  const rows = await tx.any(sql.type(heldRow)`
    SELECT t.business_name, t.vendor_code, c.first_name, c.last_name, c.whatsapp_name, c.email,
           to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.opted_in,
           COALESCE(b.current_balance, 0) AS balance,
           (SELECT count(*)::int FROM purchases p WHERE p.customer_id = c.id) AS purchases,
           (SELECT count(*)::int FROM points_transactions pt WHERE pt.customer_id = c.id) AS ledger_rows,
           (SELECT count(*)::int FROM whatsapp_messages m WHERE m.customer_id = c.id) AS messages,
           c.created_at AS joined_at
    FROM customers c
    JOIN tenants t ON t.id = c.tenant_id
    LEFT JOIN customer_points_balance b ON b.customer_id = c.id
    WHERE c.phone_number = ${phone} AND c.deleted_at IS NULL
    ORDER BY t.business_name
  `);
  return rows.map((row) => ({
    businessName: row.business_name,
    vendorCode: row.vendor_code,
    name: [row.first_name, row.last_name].filter((part) => part !== null).join(" ") || row.whatsapp_name,
    email: row.email,
    birthDate: row.birth_date,
    marketing: row.opted_in === true,
    balance: row.balance,
    purchases: row.purchases,
    ledgerRows: row.ledger_rows,
    messages: row.messages,
    joinedAt: row.joined_at,
  }));
}
