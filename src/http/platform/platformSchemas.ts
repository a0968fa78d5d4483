import { z } from "zod";
import type { Invoice } from "../../domain/billing/invoiceRecord.ts";
import type { Plan } from "../../domain/billing/listPlans.ts";
import type { Tenant } from "../../domain/tenants/tenantRecord.ts";

const iso = z.string().meta({ format: "date-time" });

export const tenantResponse = z
  .object({
    id: z.uuid(),
    business_name: z.string(),
    slug: z.string(),
    vendor_code: z.string(),
    phone_number: z.string(),
    email: z.string().nullable(),
    plan: z.string().nullable(),
    subscription_status: z.string(),
    trial_ends_at: iso.nullable(),
    subscription_starts_at: iso.nullable(),
    subscription_ends_at: iso.nullable(),
    created_at: iso.nullable(),
    updated_at: iso.nullable(),
  })
  .meta({ id: "Tenant" });

export function serializeTenant(t: Tenant): z.infer<typeof tenantResponse> {
  return {
    id: t.id,
    business_name: t.businessName,
    slug: t.slug,
    vendor_code: t.vendorCode,
    phone_number: t.phoneNumber,
    email: t.email,
    plan: t.planSlug,
    subscription_status: t.subscriptionStatus,
    trial_ends_at: isoOrNull(t.trialEndsAt),
    subscription_starts_at: isoOrNull(t.subscriptionStartsAt),
    subscription_ends_at: isoOrNull(t.subscriptionEndsAt),
    created_at: isoOrNull(t.createdAt),
    updated_at: isoOrNull(t.updatedAt),
  };
}

export const planResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    description: z.string().nullable(),
    price_kobo: z.int(),
    billing_period: z.string(),
    features: z.record(z.string(), z.unknown()),
    is_active: z.boolean(),
  })
  .meta({ id: "Plan" });

export function serializePlan(p: Plan): z.infer<typeof planResponse> {
  return {
    id: p.id,
    name: p.name,
    slug: p.slug,
    description: p.description,
    price_kobo: p.priceKobo,
    billing_period: p.billingPeriod,
    features: p.features,
    is_active: p.isActive,
  };
}

export const invoiceResponse = z
  .object({
    id: z.uuid(),
    tenant_id: z.uuid(),
    invoice_number: z.string(),
    amount_kobo: z.int(),
    tax_kobo: z.int(),
    total_kobo: z.int(),
    period_start: z.string(),
    period_end: z.string(),
    status: z.string(),
    payment_method: z.string().nullable(),
    payment_reference: z.string().nullable(),
    paid_at: iso.nullable(),
    due_date: z.string().nullable(),
    created_at: iso.nullable(),
  })
  .meta({ id: "Invoice" });

export function serializeInvoice(i: Invoice): z.infer<typeof invoiceResponse> {
  return {
    id: i.id,
    tenant_id: i.tenantId,
    invoice_number: i.invoiceNumber,
    amount_kobo: i.amountKobo,
    tax_kobo: i.taxKobo,
    total_kobo: i.totalKobo,
    period_start: i.periodStart,
    period_end: i.periodEnd,
    status: i.status,
    payment_method: i.paymentMethod,
    payment_reference: i.paymentReference,
    paid_at: isoOrNull(i.paidAt),
    due_date: i.dueDate,
    created_at: isoOrNull(i.createdAt),
  };
}

export function isoOrNull(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
