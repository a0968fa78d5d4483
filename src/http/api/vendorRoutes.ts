import type { ApiRoute } from "../openapi/defineRoute.ts";
import { broadcastRoutes } from "./broadcastRoutes.ts";
import { businessRoutes } from "./businessRoutes.ts";
import { catalogRoutes } from "./catalogRoutes.ts";
import type { ApiDeps } from "./createApiRoutes.ts";
import { customerRoutes } from "./customerRoutes.ts";
import { purchaseRoutes } from "./purchaseRoutes.ts";
import { redemptionRoutes } from "./redemptionRoutes.ts";
import { staffRoutes } from "./staffRoutes.ts";
import { subscriptionRoutes } from "./subscriptionRoutes.ts";

/** Every `/api/v1` route except login. */
export function vendorRoutes(deps: ApiDeps): ApiRoute[] {
  return [
    ...staffRoutes(deps),
    ...catalogRoutes(deps),
    ...customerRoutes(deps),
    ...redemptionRoutes(deps),
    ...businessRoutes(deps),
    ...broadcastRoutes(deps),
    ...subscriptionRoutes(deps),
    ...purchaseRoutes(deps),
  ];
}
