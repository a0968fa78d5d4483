import { UniqueIntegrityConstraintViolationError, type DatabasePool } from "slonik";
import { z } from "zod";
import type { Config } from "../../config.ts";
import { withPlatform } from "../../db/withTenant.ts";
import { assignWhatsappNumber, type AssignWhatsappNumberResult } from "../../domain/tenants/assignWhatsappNumber.ts";
import { AppError, ConflictError, NotFoundError } from "../../errors.ts";
import { readPhoneNumber } from "../../whatsapp/readPhoneNumber.ts";
import { idParams } from "../openapi/fields.ts";
import { noBody, noQuery, platformRoute, type ApiRoute } from "../openapi/defineRoute.ts";

const assignBody = z
  .strictObject({
    phone_number_id: z.string().regex(/^\d{5,30}$/, "must be the numeric phone number id"),
    access_token: z
      .string()
      .min(20)
      .max(1024)
      .regex(/^[\x21-\x7e]+$/, "must be a Graph API access token"),
  })
  .meta({ id: "AssignWhatsappNumber" });

const assignedResponse = z
  .object({
    tenant_id: z.uuid(),
    phone_number_id: z.string(),
    display_phone_number: z.string(),
    verified_name: z.string().nullable(),
  })
  .meta({ id: "AssignedWhatsappNumber" });

/**
 * Platform admin: give a tenant its own WhatsApp number, or take it back (docs/architecture.md,
 * "Routing and identity"). Vendors cannot set the number themselves: whoever names a
 * phone_number_id receives its inbound.
 */
export function whatsappNumberRoutes(deps: { config: Config; pool: DatabasePool }): ApiRoute[] {
  const { config, pool } = deps;
  return [
    platformRoute({
      method: "put",
      path: "/api/platform/tenants/{id}/whatsapp-number",
      summary: "Assign a tenant its own WhatsApp number, after reading it from the Graph API with the tenant's token",
      tag: "platform",
      write: true,
      body: assignBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: { description: "The number, as the Graph API described it", schema: assignedResponse },
        404: { description: "No such tenant" },
        409: { description: "The number belongs to another tenant" },
        422: {
          description: "The platform's shared number, or the Graph API did not confirm the number with that token",
        },
        502: { description: "The Graph API could not be reached" },
      },
      async handle({ auth, body, params }) {
        if (body.phone_number_id === config.whatsapp.phoneNumberId) {
          throw new AppError(422, "shared_number", "That is the platform's shared number; a tenant cannot own it");
        }
        const read = await readPhoneNumber(config.whatsapp, body.phone_number_id, body.access_token);
        if (!read.ok) {
          if (read.reason === "unreachable")
            throw new AppError(502, "graph_unavailable", "The Graph API could not be reached; try again");
          throw new AppError(422, "number_not_confirmed", "The Graph API did not confirm that number with that token");
        }
        const result = await assignOrConflict(() =>
          withPlatform(pool, (tx) =>
            assignWhatsappNumber(tx, {
              tenantId: params.id,
              number: read.number,
              accessToken: body.access_token,
              adminId: auth.adminId,
            }),
          ),
        );
        requireAssigned(result);
        return {
          status: 200,
          json: {
            tenant_id: params.id,
            phone_number_id: read.number.id,
            display_phone_number: read.number.displayPhoneNumber.replace(/\D/g, ""),
            verified_name: read.number.verifiedName,
          },
        };
      },
    }),
    platformRoute({
      method: "delete",
      path: "/api/platform/tenants/{id}/whatsapp-number",
      summary: "Take a tenant's own WhatsApp number back (it is served on the shared number again)",
      tag: "platform",
      write: true,
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: { 204: { description: "The tenant has no own number now" }, 404: { description: "No such tenant" } },
      async handle({ auth, params }) {
        const result = await withPlatform(pool, (tx) =>
          assignWhatsappNumber(tx, { tenantId: params.id, number: null, accessToken: null, adminId: auth.adminId }),
        );
        requireAssigned(result);
        return { status: 204, contentType: "text/plain", body: "" };
      },
    }),
  ];
}

/** A race past the check in assignWhatsappNumber ends on the unique indexes: the same 409. */
async function assignOrConflict(fn: () => Promise<AssignWhatsappNumberResult>): Promise<AssignWhatsappNumberResult> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof UniqueIntegrityConstraintViolationError) return { ok: false, reason: "taken" };
    throw err;
  }
}

function requireAssigned(result: AssignWhatsappNumberResult): void {
  if (result.ok) return;
  if (result.reason === "not_found") throw new NotFoundError("No such tenant");
  throw new ConflictError("That WhatsApp number is assigned to another tenant", "phone_number_id_taken");
}
