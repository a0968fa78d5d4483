import { z } from "zod";
import { sql } from "../../db/sql.ts";

const tagsOrEmpty = z.array(z.string()).catch(() => []);

/** A customer row as the domain sees it. */
export const customerRecordSchema = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    phone_number: z.string(),
    whatsapp_name: z.string().nullable(),
    loyalty_status: z.string().nullable(),
    opted_in: z.boolean().nullable(),
    total_purchases: z.number().int().nullable(),
    total_spent_ngn: z.number().int().nullable(),
    last_purchase_at: z.date().nullable(),
    birth_date: z.string().nullable(),
    referral_code: z.string().nullable(),
    referred_by_customer_id: z.string().nullable(),
    tags: z.unknown(),
    created_at: z.date().nullable(),
    tier_name: z.string().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    phoneNumber: row.phone_number,
    whatsappName: row.whatsapp_name,
    loyaltyStatus: row.loyalty_status ?? "active",
    optedIn: row.opted_in ?? false,
    totalPurchases: row.total_purchases ?? 0,
    totalSpentKobo: row.total_spent_ngn ?? 0,
    lastPurchaseAt: row.last_purchase_at,
    /** `YYYY-MM-DD` or null. */
    birthDate: row.birth_date,
    referralCode: row.referral_code,
    referredByCustomerId: row.referred_by_customer_id,
    tags: tagsOrEmpty.parse(row.tags),
    createdAt: row.created_at,
    /** The highest VIP tier recorded (it never goes down); null below the first or without tiers. */
    tierName: row.tier_name,
  }));

export type Customer = z.output<typeof customerRecordSchema>;

/** The column list matching {@link customerRecordSchema}. */
export const customerColumns = sql.fragment`
  id, tenant_id, phone_number, whatsapp_name, loyalty_status, opted_in, total_purchases,
  total_spent_ngn, last_purchase_at, birth_date::text AS birth_date, referral_code,
  referred_by_customer_id, tags, created_at, tier_name
`;
