import type { Router } from "express";
import type { DatabasePool } from "slonik";
import type { Config } from "../../config.ts";
import type { QueueFactory } from "../../jobs/queueFactory.ts";
import { createAuthenticator } from "../auth/authenticate.ts";
import { loginRoutes } from "../auth/loginRoutes.ts";
import { buildOpenApiDocument } from "../openapi/buildOpenApiDocument.ts";
import type { ApiRoute } from "../openapi/defineRoute.ts";
import { mountRoutes } from "../openapi/mountRoutes.ts";
import { openapiRoute } from "../openapi/openapiRoute.ts";
import { billingRoutes } from "../platform/billingRoutes.ts";
import { tenantRoutes } from "../platform/tenantRoutes.ts";
import { whatsappNumberRoutes } from "../platform/whatsappNumberRoutes.ts";
import { vendorRoutes } from "./vendorRoutes.ts";

/** `queues`: where routes enqueue background work (a broadcast sent now starts in a worker). */
export type ApiDeps = { config: Config; pool: DatabasePool; queues: QueueFactory };

/** Every route of the vendor API, the platform API and the OpenAPI document, as definitions. */
export function listApiRoutes(deps: ApiDeps): ApiRoute[] {
  const routes = [
    ...loginRoutes({ pool: deps.pool, jwtSecret: deps.config.jwtSecret }),
    ...tenantRoutes(deps),
    ...whatsappNumberRoutes(deps),
    ...billingRoutes(deps),
    ...vendorRoutes(deps),
  ];
  return [...routes, openapiRoute(routes, buildOpenApiDocument)];
}

/** The express router of `/api/v1`, `/api/platform` and `/api/openapi.json`. */
export function createApiRoutes(deps: ApiDeps): Router {
  return mountRoutes(listApiRoutes(deps), createAuthenticator({ pool: deps.pool, jwtSecret: deps.config.jwtSecret }));
}
