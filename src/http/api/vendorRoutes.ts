import type { ApiRoute } from "../openapi/defineRoute.ts";
import { claimRoutes } from "./claimRoutes.ts";
import { dataPortabilityRoutes } from "./dataPortabilityRoutes.ts";
import { broadcastRoutes } from "./broadcastRoutes.ts";
import { businessRoutes } from "./businessRoutes.ts";
import { campaignRoutes } from "./campaignRoutes.ts";
import type { ApiDeps } from "./createApiRoutes.ts";
import { customerRoutes } from "./customerRoutes.ts";
import { purchaseRoutes } from "./purchaseRoutes.ts";
import { redemptionRoutes } from "./redemptionRoutes.ts";
import { rewardRoutes } from "./rewardRoutes.ts";
import { ruleRoutes } from "./ruleRoutes.ts";
import { staffRoutes } from "./staffRoutes.ts";
import { subscriptionRoutes } from "./subscriptionRoutes.ts";

/** Every `/api/v1` route except login. */
export function vendorRoutes(deps: ApiDeps): ApiRoute[] {
  return [
    ...staffRoutes(deps),
    ...rewardRoutes(deps),
    ...ruleRoutes(deps),
    ...campaignRoutes(deps),
    ...customerRoutes(deps),
    ...redemptionRoutes(deps),
    ...businessRoutes(deps),
    ...broadcastRoutes(deps),
    ...dataPortabilityRoutes(deps),
    ...claimRoutes(deps),
    ...subscriptionRoutes(deps),
    ...purchaseRoutes(deps),
  ];
}
