import { sql } from "../../db/sql.ts";

/**
 * An invoice still to be paid, as a condition on `tenant_invoices` (alias `i`): pending or
 * failed, and not a renewal for a period a later payment has superseded (a suspended business
 * that bought another plan owes nothing for the period it skipped).
 */
export const isOpenInvoice = sql.fragment`(
  COALESCE(i.status, 'pending') IN ('pending', 'failed')
  AND NOT (i.kind = 'renewal' AND i.billing_period_start < COALESCE(
    (SELECT (b.current_period_start AT TIME ZONE 'UTC')::date FROM tenant_billing b WHERE b.tenant_id = i.tenant_id), '-infinity'::date))
)`;
