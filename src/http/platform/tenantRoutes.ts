import type { DatabasePool } from "slonik";
import { z } from "zod";
import { withPlatform } from "../../db/withTenant.ts";
import { createTenant } from "../../domain/tenants/createTenant.ts";
import { findTenant } from "../../domain/tenants/findTenant.ts";
import { listTenants } from "../../domain/tenants/listTenants.ts";
import { setTenantSuspended } from "../../domain/tenants/setTenantSuspended.ts";
import { updateTenant } from "../../domain/tenants/updateTenant.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../errors.ts";
import { parsePhone } from "../../../flows/parsers/parsePhone.ts";
import { noBody, noParams, noQuery, platformRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { dateTime, email, idParams, newPassword, pageOf, pageQuery, phoneInput, text } from "../openapi/fields.ts";
import { decodeCursor, toPage } from "../openapi/pagination.ts";
import { serializeTenant, tenantResponse } from "./platformSchemas.ts";

const createTenantBody = z
  .strictObject({
    business_name: text(255),
    phone_number: phoneInput,
    email: email.optional(),
    vendor_code: z
      .string()
      .regex(/^[A-Za-z0-9]{3,20}$/, "must be 3 to 20 letters or digits")
      .optional(),
    owner: z.strictObject({ email, password: newPassword, full_name: text(255) }),
  })
  .meta({ id: "CreateTenant" });

const updateTenantBody = z
  .strictObject({
    business_name: text(255).optional(),
    phone_number: phoneInput.optional(),
    email: email.nullable().optional(),
    plan: z
      .string()
      .regex(/^[a-z0-9_-]{1,50}$/)
      .optional(),
    subscription_ends_at: dateTime.nullable().optional(),
    trial_ends_at: dateTime.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "name at least one field to change")
  .meta({ id: "UpdateTenant" });

const suspendBody = z.strictObject({ reason: text(500).optional() });

const listQuery = pageQuery.extend({
  status: z.enum(["trial", "active", "suspended", "cancelled"]).optional(),
  search: text(100).optional(),
});

const SUSPEND_ACTIONS: readonly ("suspend" | "reactivate")[] = ["suspend", "reactivate"];

const tenantReply = { description: "The tenant", schema: tenantResponse };

const tenantsPage = pageOf(tenantResponse);

/** Platform admin: tenants (create with owner, list, read, update, suspend, reactivate). */
export function tenantRoutes(deps: { pool: DatabasePool }): ApiRoute[] {
  const { pool } = deps;
  return [
    platformRoute({
      method: "post",
      path: "/api/platform/tenants",
      summary: "Onboard a business with its owner (trial plan, 30 days)",
      tag: "platform",
      write: true,
      body: createTenantBody,
      query: noQuery,
      params: noParams,
      responses: { 201: tenantReply, 409: { description: "vendor_code or phone_number already taken" } },
      async handle({ auth, body }) {
        const phone = parsePhone(body.phone_number);
        if (!phone.ok) throw new ValidationError(phone.reason);
        const result = await withPlatform(pool, (tx) =>
          createTenant(tx, {
            businessName: body.business_name,
            phoneNumber: phone.value,
            email: body.email ?? null,
            vendorCode: body.vendor_code ?? null,
            owner: { email: body.owner.email, password: body.owner.password, fullName: body.owner.full_name },
            adminId: auth.adminId,
            now: new Date(),
          }),
        );
        if (!result.ok) {
          throw new ConflictError(
            result.reason === "vendor_code_taken"
              ? "That vendor code is taken"
              : "A business with that phone number exists",
            result.reason,
          );
        }
        return {
          status: 201,
          json: { ...serializeTenant(result.tenant), owner: { id: result.owner.id, email: result.owner.email } },
        };
      },
    }),
    platformRoute({
      method: "get",
      path: "/api/platform/tenants",
      summary: "List tenants, newest first",
      tag: "platform",
      write: false,
      body: noBody,
      query: listQuery,
      params: noParams,
      responses: { 200: { description: "A page of tenants", schema: tenantsPage } },
      async handle({ query }) {
        const after = decodeCursor(query.cursor);
        const rows = await withPlatform(pool, (tx) =>
          listTenants(tx, { status: query.status, search: query.search, after, limit: query.limit }),
        );
        return { status: 200, json: toPage(rows, query.limit, serializeTenant) };
      },
    }),
    platformRoute({
      method: "get",
      path: "/api/platform/tenants/{id}",
      summary: "Read a tenant",
      tag: "platform",
      write: false,
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: { 200: tenantReply, 404: { description: "No such tenant" } },
      async handle({ params }) {
        const tenant = await withPlatform(pool, (tx) => findTenant(tx, params.id));
        if (tenant === null) throw new NotFoundError("No such tenant");
        return { status: 200, json: serializeTenant(tenant) };
      },
    }),
    platformRoute({
      method: "patch",
      path: "/api/platform/tenants/{id}",
      summary: "Update a tenant's details or plan",
      tag: "platform",
      write: true,
      body: updateTenantBody,
      query: noQuery,
      params: idParams,
      responses: { 200: tenantReply, 404: { description: "No such tenant" } },
      async handle({ auth, body, params }) {
        let phoneNumber: string | undefined;
        if (body.phone_number !== undefined) {
          const phone = parsePhone(body.phone_number);
          if (!phone.ok) throw new ValidationError(phone.reason);
          phoneNumber = phone.value;
        }
        const result = await withPlatform(pool, (tx) =>
          updateTenant(tx, {
            tenantId: params.id,
            adminId: auth.adminId,
            changes: {
              businessName: body.business_name,
              email: body.email,
              phoneNumber,
              planSlug: body.plan,
              subscriptionEndsAt: optionalDate(body.subscription_ends_at),
              trialEndsAt: optionalDate(body.trial_ends_at),
            },
          }),
        );
        if (!result.ok) {
          if (result.reason === "not_found") throw new NotFoundError("No such tenant");
          if (result.reason === "unknown_plan") throw new ValidationError("No such plan");
          throw new ConflictError("A business with that phone number exists", "phone_taken");
        }
        return { status: 200, json: serializeTenant(result.tenant) };
      },
    }),
    ...SUSPEND_ACTIONS.map((action) =>
      platformRoute({
        method: "post",
        path: `/api/platform/tenants/{id}/${action}`,
        summary:
          action === "suspend" ? "Suspend a tenant (bot paused, vendor API closed)" : "Reactivate a suspended tenant",
        tag: "platform",
        write: true,
        body: suspendBody,
        query: noQuery,
        params: idParams,
        responses: {
          200: tenantReply,
          404: { description: "No such tenant" },
          409: { description: "The tenant is cancelled" },
        },
        async handle({ auth, body, params }) {
          const result = await withPlatform(pool, (tx) =>
            setTenantSuspended(tx, {
              tenantId: params.id,
              suspended: action === "suspend",
              reason: body.reason ?? null,
              adminId: auth.adminId,
              now: new Date(),
            }),
          );
          if (!result.ok) {
            if (result.reason === "not_found") throw new NotFoundError("No such tenant");
            throw new ConflictError("A cancelled tenant cannot be changed", "tenant_cancelled");
          }
          return { status: 200, json: serializeTenant(result.tenant) };
        },
      }),
    ),
  ];
}

/** undefined stays "not given"; null clears; a string becomes a Date. */
export function optionalDate(value: string | null | undefined): Date | null | undefined {
  return value === undefined || value === null ? value : new Date(value);
}
