import type { RequestHandler } from "express";
import { hasScope, scopeForRoute } from "../auth/apiKeyScopes.ts";
import { z } from "zod";
import { AppError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "../../errors.ts";
import type { AuthContext, PlatformAuth, VendorAuth, VendorRole } from "../auth/authContext.ts";
import { isStorableJson } from "./fields.ts";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Who may call a route. */
export type Access =
  | { kind: "public" }
  /** Platform admins; `write` routes are closed to the read-only `support` role. */
  | { kind: "platform"; write: boolean }
  /**
   * Vendor callers with one of `roles` (owners always). `permission` names a key of the user's
   * `permissions` JSON: `true` opens the route to any role, `false` closes it to non-owners.
   */
  | { kind: "vendor"; roles: readonly VendorRole[]; permission?: string };

export type Reply = (
  | { status: number; json: unknown }
  | { status: number; contentType: string; body: string | Buffer }
  /** Written chunk by chunk as the iterable yields (an export), with backpressure; `filename` makes it a download. */
  | { status: number; contentType: string; stream: AsyncIterable<string>; filename?: string }
) & {
  /** Response headers beside the body (the session routes set cookies). */
  headers?: Record<string, string>;
};

/** The request headers a route may read (the session routes read the cookie and Authorization). */
export type RequestHeaders = {
  authorization?: string | undefined;
  cookie?: string | undefined;
  csrfToken?: string | undefined;
};

export type ResponseSpec = { description: string; schema?: z.ZodType; contentType?: string };

type Schemas<B extends z.ZodType, Q extends z.ZodObject, P extends z.ZodObject> = {
  method: HttpMethod;
  /** OpenAPI style: `/api/v1/rewards/{id}`. */
  path: string;
  summary: string;
  tag: string;
  body: B;
  query: Q;
  params: P;
  responses: Record<number, ResponseSpec>;
  /** Runs before authentication (e.g. a rate limiter on login). */
  before?: RequestHandler[];
};

export type RouteInput<Auth, B extends z.ZodType, Q extends z.ZodObject, P extends z.ZodObject> = {
  auth: Auth;
  body: z.output<B>;
  query: z.output<Q>;
  params: z.output<P>;
  headers: RequestHeaders;
};

type Handler<Auth, B extends z.ZodType, Q extends z.ZodObject, P extends z.ZodObject> = (
  input: RouteInput<Auth, B, Q, P>,
) => Promise<Reply>;

/** A route with its types erased: what the router mounts and the OpenAPI document lists. */
export type ApiRoute = {
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body: z.ZodType | null;
  query: z.ZodObject | null;
  params: z.ZodObject | null;
  responses: Record<number, ResponseSpec>;
  before: RequestHandler[];
  run(raw: {
    auth: AuthContext | null;
    body: unknown;
    query: unknown;
    params: unknown;
    headers?: RequestHeaders;
  }): Promise<Reply>;
};

/** For routes without a body, query or path parameters; any field sent is refused. */
export const noBody = z.strictObject({});
export const noQuery = z.strictObject({});
export const noParams = z.strictObject({});

export function publicRoute<B extends z.ZodType, Q extends z.ZodObject, P extends z.ZodObject>(
  spec: Schemas<B, Q, P> & { handle: Handler<null, B, Q, P> },
): ApiRoute {
  return build(spec, { kind: "public" }, () => null);
}

export function platformRoute<B extends z.ZodType, Q extends z.ZodObject, P extends z.ZodObject>(
  spec: Schemas<B, Q, P> & { write: boolean; handle: Handler<PlatformAuth, B, Q, P> },
): ApiRoute {
  return build(spec, { kind: "platform", write: spec.write }, (auth) => {
    if (auth?.kind !== "platform") throw new ForbiddenError("This route is for platform admins");
    if (spec.write && auth.role === "support") throw new ForbiddenError("The support role is read-only");
    return auth;
  });
}

export function vendorRoute<B extends z.ZodType, Q extends z.ZodObject, P extends z.ZodObject>(
  spec: Schemas<B, Q, P> & {
    roles: readonly VendorRole[];
    permission?: string;
    /** Open to the owner of a business suspended for non-payment (billing routes, to pay). */
    allowWhileSuspended?: boolean;
    handle: Handler<VendorAuth, B, Q, P>;
  },
): ApiRoute {
  const access: Access = {
    kind: "vendor",
    roles: spec.roles,
    ...(spec.permission === undefined ? {} : { permission: spec.permission }),
  };
  return build(spec, access, (auth) => {
    if (auth?.kind !== "vendor") throw new ForbiddenError("This route is for vendor users");
    if (!isVendorAllowed(auth, spec.roles, spec.permission)) throw new ForbiddenError("Your role may not do that");
    if (auth.billingOnly === true && spec.allowWhileSuspended !== true) {
      throw new AppError(
        403,
        "tenant_suspended",
        "This business's account is paused for non-payment: pay the open invoice to reactivate it",
      );
    }
    if (!hasScope(auth.scopes, spec.method, spec.path)) {
      throw new ForbiddenError(`This API key lacks the scope ${scopeForRoute(spec.method, spec.path)}`);
    }
    return auth;
  });
}

/** Owners may do everything; others by role, widened or narrowed by their permissions JSON. */
export function isVendorAllowed(
  auth: VendorAuth,
  roles: readonly VendorRole[],
  permission: string | undefined,
): boolean {
  if (auth.role === "owner") return true;
  const grant = permission === undefined ? undefined : auth.permissions[permission];
  if (grant === false) return false;
  return roles.includes(auth.role) || grant === true;
}

function build<Auth, B extends z.ZodType, Q extends z.ZodObject, P extends z.ZodObject>(
  spec: Schemas<B, Q, P> & { handle: Handler<Auth, B, Q, P> },
  access: Access,
  authorize: (auth: AuthContext | null) => Auth,
): ApiRoute {
  const bodySchema: z.ZodType = spec.body;
  const querySchema: z.ZodObject = spec.query;
  const paramsSchema: z.ZodObject = spec.params;
  return {
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    tag: spec.tag,
    access,
    body: bodySchema === noBody ? null : bodySchema,
    query: querySchema === noQuery ? null : querySchema,
    params: paramsSchema === noParams ? null : paramsSchema,
    responses: spec.responses,
    before: spec.before ?? [],
    async run(raw) {
      if (access.kind !== "public" && raw.auth === null) throw new UnauthorizedError();
      const auth = authorize(raw.auth);
      // A malformed id cannot name anything: not found, like an id of another tenant.
      const params = spec.params.safeParse(raw.params);
      if (!params.success) throw new NotFoundError();
      // NUL or an unpaired surrogate anywhere in the input could only reach PostgreSQL as an
      // error (a 500): refuse it up front, whatever field it is in.
      if (!isStorableJson(raw.body, -24) || !isStorableJson(raw.query, -24)) {
        throw new ValidationError("The request contains NUL characters or unpaired surrogates");
      }
      const query = spec.query.parse(raw.query ?? {});
      const body = spec.body.parse(raw.body ?? {});
      return spec.handle({ auth, body, query, params: params.data, headers: raw.headers ?? {} });
    },
  };
}
