import { z } from "zod";
import { sql, type Tx } from "../../db/sql.ts";

const jsonObjectOrEmpty = z.record(z.string(), z.unknown()).catch(() => ({}));

export const planRecordSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    description: z.string().nullable(),
    price_ngn: z.number().int(),
    billing_period: z.string(),
    features: z.unknown(),
    is_active: z.boolean().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    priceKobo: row.price_ngn,
    billingPeriod: row.billing_period,
    features: jsonObjectOrEmpty.parse(row.features),
    isActive: row.is_active ?? true,
  }));

export type Plan = z.output<typeof planRecordSchema>;

/** The subscription plans, cheapest first. */
export async function listPlans(tx: Tx): Promise<readonly Plan[]> {
  return tx.any(sql.type(planRecordSchema)`
    SELECT id, name, slug, description, price_ngn, billing_period, features, is_active
    FROM subscription_plans ORDER BY price_ngn, name
  `);
}
