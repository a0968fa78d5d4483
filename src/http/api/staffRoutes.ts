import { isSupportedCountry } from "libphonenumber-js";
import type { DatabasePool } from "slonik";
import { z } from "zod";
import { parsePhone } from "../../../flows/parsers/parsePhone.ts";
import { withTenant } from "../../db/withTenant.ts";
import { authorizeStaffChange, type AuthorizeStaffChangeResult } from "../../domain/staff/authorizeStaffChange.ts";
import { createStaffMember } from "../../domain/staff/createStaffMember.ts";
import { listStaff } from "../../domain/staff/listStaff.ts";
import { setStaffPin } from "../../domain/staff/setStaffPin.ts";
import { staffRoleSchema } from "../../domain/staff/staffRecord.ts";
import { updateStaffMember } from "../../domain/staff/updateStaffMember.ts";
import { getTenantSettings } from "../../domain/tenants/getTenantSettings.ts";
import { ConflictError, ForbiddenError, NotFoundError, PlanLimitError, ValidationError } from "../../errors.ts";
import type { VendorAuth } from "../auth/authContext.ts";
import { noBody, noParams, noQuery, vendorRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { email, idParams, newPassword, pageOf, pageQuery, phoneInput, text } from "../openapi/fields.ts";
import { decodeCursor, toPage } from "../openapi/pagination.ts";
import { MANAGERS } from "./roles.ts";
import { serializeStaff, staffResponse } from "./vendorSchemas.ts";

const pin = z.string().regex(/^\d{4,6}$/, "must be 4 to 6 digits");

const createStaffBody = z
  .strictObject({
    full_name: text(255),
    email,
    phone_number: phoneInput,
    role: staffRoleSchema,
    pin: pin.optional(),
    password: newPassword.optional(),
  })
  .meta({ id: "CreateStaffMember" });

const permissionsBody = z
  .record(z.string().regex(/^[a-z_]{1,50}$/), z.boolean())
  .refine((p) => Object.keys(p).length <= 30);

const updateStaffBody = z
  .strictObject({
    full_name: text(255).optional(),
    phone_number: phoneInput.nullable().optional(),
    role: staffRoleSchema.optional(),
    permissions: permissionsBody.optional(),
    password: newPassword.optional(),
    is_active: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "name at least one field to change")
  .meta({ id: "UpdateStaffMember" });

const staffReply = { description: "The staff member (never a hash or PIN)", schema: staffResponse };

const staffPage = pageOf(staffResponse);

const setStaffPinBody = z.strictObject({ pin: pin.nullable() }).meta({ id: "SetStaffPin" });

/** Vendor: staff members, their roles and PINs. Only an owner may create or promote owners and admins. */
export function staffRoutes(deps: { pool: DatabasePool }): ApiRoute[] {
  const { pool } = deps;
  return [
    vendorRoute({
      method: "post",
      path: "/api/v1/staff",
      summary: "Add a staff member (optional PIN for the staff chat); respects the plan's max_staff",
      tag: "staff",
      roles: MANAGERS,
      permission: "can_manage_staff",
      body: createStaffBody,
      query: noQuery,
      params: noParams,
      responses: {
        201: staffReply,
        402: { description: "The plan's staff limit is reached" },
        409: { description: "Email or phone taken" },
      },
      async handle({ auth, body }) {
        requireOwnerForRole(auth, body.role);
        const result = await withTenant(pool, auth.tenantId, async (tx) => {
          const phone = await normalisePhone(tx, auth.tenantId, body.phone_number);
          return createStaffMember(tx, {
            tenantId: auth.tenantId,
            email: body.email,
            fullName: body.full_name,
            phoneNumber: phone,
            role: body.role,
            ...(body.password === undefined ? {} : { password: body.password }),
            ...(body.pin === undefined ? {} : { pin: body.pin }),
            createdByUserId: auth.userId,
          });
        });
        if (!result.ok) {
          if (result.reason === "plan_limit")
            throw new PlanLimitError("Your plan's staff limit is reached; upgrade to add more staff");
          if (result.reason === "invalid_pin") throw new ValidationError("The PIN must be 4 to 6 digits");
          throw new ConflictError(
            result.reason === "email_taken" ? "A user with that email exists" : "A user with that phone exists",
            result.reason,
          );
        }
        return { status: 201, json: serializeStaff(result.staff) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/staff",
      summary: "List staff members",
      tag: "staff",
      roles: MANAGERS,
      permission: "can_manage_staff",
      body: noBody,
      query: pageQuery,
      params: noParams,
      responses: { 200: { description: "A page of staff members", schema: staffPage } },
      async handle({ auth, query }) {
        const after = decodeCursor(query.cursor);
        const rows = await withTenant(pool, auth.tenantId, (tx) => listStaff(tx, { after, limit: query.limit }));
        return { status: 200, json: toPage(rows, query.limit, serializeStaff) };
      },
    }),
    vendorRoute({
      method: "get",
      path: "/api/v1/staff/{id}",
      summary: "Read a staff member",
      tag: "staff",
      roles: MANAGERS,
      permission: "can_manage_staff",
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: { 200: staffReply, 404: { description: "No such staff member" } },
      async handle({ auth, params }) {
        const [staff] = await withTenant(pool, auth.tenantId, (tx) =>
          listStaff(tx, { id: params.id, after: null, limit: 1 }),
        );
        if (staff === undefined) throw new NotFoundError("No such staff member");
        return { status: 200, json: serializeStaff(staff) };
      },
    }),
    vendorRoute({
      method: "patch",
      path: "/api/v1/staff/{id}",
      summary: "Update a staff member (name, phone, role, permissions, password, active)",
      tag: "staff",
      roles: MANAGERS,
      permission: "can_manage_staff",
      body: updateStaffBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: staffReply,
        403: { description: "Only an owner changes an owner; nobody changes their own role" },
        404: { description: "No such staff member" },
      },
      async handle({ auth, body, params }) {
        if (body.role !== undefined) requireOwnerForRole(auth, body.role);
        if (body.permissions !== undefined && auth.role !== "owner")
          throw new ForbiddenError("Only an owner may change permissions");
        const result = await withTenant(pool, auth.tenantId, async (tx) => {
          requireStaffChange(
            await authorizeStaffChange(tx, { actor: auth, staffUserId: params.id, newRole: body.role }),
          );
          const phone =
            body.phone_number === undefined || body.phone_number === null
              ? body.phone_number
              : await normalisePhone(tx, auth.tenantId, body.phone_number);
          return updateStaffMember(tx, {
            tenantId: auth.tenantId,
            staffUserId: params.id,
            userId: auth.userId,
            changes: {
              fullName: body.full_name,
              phoneNumber: phone,
              role: body.role,
              permissions: body.permissions,
              password: body.password,
              isActive: body.is_active,
            },
          });
        });
        return { status: 200, json: serializeStaff(unwrapStaffUpdate(result)) };
      },
    }),
    vendorRoute({
      method: "post",
      path: "/api/v1/staff/{id}/disable",
      summary: "Disable a staff member (no login, no staff chat)",
      tag: "staff",
      roles: MANAGERS,
      permission: "can_manage_staff",
      body: noBody,
      query: noQuery,
      params: idParams,
      responses: {
        200: staffReply,
        403: { description: "Only an owner changes an owner; nobody changes their own role" },
        404: { description: "No such staff member" },
      },
      async handle({ auth, params }) {
        const result = await withTenant(pool, auth.tenantId, async (tx) => {
          requireStaffChange(await authorizeStaffChange(tx, { actor: auth, staffUserId: params.id }));
          return updateStaffMember(tx, {
            tenantId: auth.tenantId,
            staffUserId: params.id,
            userId: auth.userId,
            changes: { isActive: false },
          });
        });
        return { status: 200, json: serializeStaff(unwrapStaffUpdate(result)) };
      },
    }),
    vendorRoute({
      method: "put",
      path: "/api/v1/staff/{id}/pin",
      summary: "Set or reset a staff member's PIN (stored hashed; audited)",
      tag: "staff",
      roles: MANAGERS,
      permission: "can_manage_staff",
      body: setStaffPinBody,
      query: noQuery,
      params: idParams,
      responses: {
        204: { description: "The PIN was set (null removes it)" },
        403: { description: "Only an owner changes an owner's PIN" },
        404: { description: "No such staff member" },
      },
      async handle({ auth, body, params }) {
        const result = await withTenant(pool, auth.tenantId, async (tx) => {
          requireStaffChange(await authorizeStaffChange(tx, { actor: auth, staffUserId: params.id }));
          return setStaffPin(tx, {
            tenantId: auth.tenantId,
            staffUserId: params.id,
            pin: body.pin,
            userId: personId(auth),
          });
        });
        if (!result.ok) {
          if (result.reason === "not_found") throw new NotFoundError("No such staff member");
          throw new ValidationError("The PIN must be 4 to 6 digits");
        }
        return { status: 204, contentType: "text/plain", body: "" };
      },
    }),
  ];
}

/** The acting person's id; routes open to API keys never call this. */
export function personId(auth: VendorAuth): string {
  if (auth.userId === null) throw new ForbiddenError("This action needs a person, not an API key");
  return auth.userId;
}

function requireOwnerForRole(auth: VendorAuth, role: string): void {
  if ((role === "owner" || role === "admin") && auth.role !== "owner") {
    throw new ForbiddenError("Only an owner may add or promote owners and admins");
  }
}

/** Turns a refused staff change into its HTTP error: 404 for a stranger, 403 for a protected target. */
function requireStaffChange(result: AuthorizeStaffChangeResult): void {
  if (result.ok) return;
  if (result.reason === "not_found") throw new NotFoundError("No such staff member");
  if (result.reason === "owner_protected") throw new ForbiddenError("Only an owner may change an owner");
  throw new ForbiddenError("Nobody may change their own role");
}

function unwrapStaffUpdate(result: Awaited<ReturnType<typeof updateStaffMember>>) {
  if (result.ok) return result.staff;
  if (result.reason === "not_found") throw new NotFoundError("No such staff member");
  if (result.reason === "last_owner")
    throw new ConflictError("The last owner cannot be demoted or disabled", "last_owner");
  if (result.reason === "plan_limit")
    throw new PlanLimitError("Your plan's staff limit is reached; upgrade or disable another staff member first");
  throw new ConflictError("A user with that phone exists", "phone_taken");
}

/** A typed phone number as a WhatsApp id, read with the tenant's country. */
export async function normalisePhone(
  tx: Parameters<typeof getTenantSettings>[0],
  tenantId: string,
  typed: string,
): Promise<string> {
  const settings = await getTenantSettings(tx, tenantId);
  const phone = parsePhone(typed, isSupportedCountry(settings.country) ? settings.country : "NG");
  if (!phone.ok) throw new ValidationError(phone.reason);
  return phone.value;
}
