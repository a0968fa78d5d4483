import type { Router } from "express";
import type { DatabasePool } from "slonik";
import type { Config } from "../../config.ts";
import type { PaystackClient } from "../../paystack/paystackClient.ts";
import type { QueueFactory } from "../../queues/queueFactory.ts";
import { createAuthenticator } from "../auth/authenticate.ts";
import { loginRoutes } from "../auth/loginRoutes.ts";
import { sessionRoutes } from "../auth/sessionRoutes.ts";
import { whatsappLinkRoutes } from "../auth/whatsappLinkRoutes.ts";
import { buildOpenApiDocument } from "../openapi/buildOpenApiDocument.ts";
import type { ApiRoute } from "../openapi/defineRoute.ts";
import { mountRoutes } from "../openapi/mountRoutes.ts";
import { openapiRoute } from "../openapi/openapiRoute.ts";
import { billingRoutes } from "../platform/billingRoutes.ts";
import { consoleRoutes } from "../platform/consoleRoutes.ts";
import { platformMetricsRoutes } from "../platform/platformMetricsRoutes.ts";
import { tenantRoutes } from "../platform/tenantRoutes.ts";
import { whatsappNumberRoutes } from "../platform/whatsappNumberRoutes.ts";
import { audienceRoutes } from "./audienceRoutes.ts";
import { vendorRoutes } from "./vendorRoutes.ts";

/** `queues`: where routes enqueue background work (a broadcast sent now starts in a worker). */
export type ApiDeps = {
  config: Config;
  pool: DatabasePool;
  queues: QueueFactory;
  /** Paystack for paying invoices (billing); null or absent: no online payments. */
  paystack?: PaystackClient | null;
};

/** Every route of the vendor API, the platform API and the OpenAPI document, as definitions. */
export function listApiRoutes(deps: ApiDeps): ApiRoute[] {
  const routes = [
    ...loginRoutes({ pool: deps.pool, jwtSecret: deps.config.jwtSecret }),
    ...sessionRoutes({
      pool: deps.pool,
      jwtSecret: deps.config.jwtSecret,
      secureCookies: deps.config.nodeEnv === "production",
    }),
    ...whatsappLinkRoutes({ pool: deps.pool, jwtSecret: deps.config.jwtSecret }),
    ...tenantRoutes(deps),
    ...whatsappNumberRoutes(deps),
    ...billingRoutes(deps),
    ...vendorRoutes(deps),
    ...audienceRoutes(deps),
    ...platformMetricsRoutes(deps),
    ...consoleRoutes(deps),
  ];
  return [...routes, openapiRoute(routes, buildOpenApiDocument)];
}

/** The express router of `/api/v1`, `/api/platform` and `/api/openapi.json`. */
export function createApiRoutes(deps: ApiDeps): Router {
  return mountRoutes(listApiRoutes(deps), createAuthenticator({ pool: deps.pool, jwtSecret: deps.config.jwtSecret }));
}
