import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from "@asteasolutions/zod-to-openapi";
import type { ApiRoute } from "./defineRoute.ts";
import { errorSchema } from "./fields.ts";

/**
 * The OpenAPI 3.1 document of the given routes, generated from the same zod schemas that
 * validate their requests (nothing written twice).
 */
export function buildOpenApiDocument(routes: readonly ApiRoute[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A JWT from a login route, or a vendor API key (`llk_…`) on /api/v1 routes",
  });
  for (const route of routes) {
    const responses: Record<string, ResponseConfig> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      responses[status] = {
        description: spec.description,
        ...(spec.schema === undefined
          ? {}
          : { content: { [spec.contentType ?? "application/json"]: { schema: spec.schema } } }),
      };
    }
    responses["400"] ??= { description: "Invalid request", content: { "application/json": { schema: errorSchema } } };
    if (route.access.kind !== "public") {
      responses["401"] ??= {
        description: "Missing or invalid credentials",
        content: { "application/json": { schema: errorSchema } },
      };
      responses["403"] ??= {
        description: "Not allowed for this caller",
        content: { "application/json": { schema: errorSchema } },
      };
    }
    registry.registerPath({
      method: route.method,
      path: route.path,
      summary: route.summary,
      tags: [route.tag],
      ...(route.access.kind === "public" ? {} : { security: [{ bearer: [] }] }),
      ...(route.access.kind === "vendor"
        ? { "x-roles": ["owner", ...route.access.roles.filter((r) => r !== "owner")] }
        : {}),
      request: {
        ...(route.params === null ? {} : { params: route.params }),
        ...(route.query === null ? {} : { query: route.query }),
        ...(route.body === null
          ? {}
          : { body: { required: true, content: { "application/json": { schema: route.body } } } }),
      },
      responses,
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "LoyaltyLaaS API",
      version: "1.0.0",
      description: "Vendor API (/api/v1) and platform admin API (/api/platform). Errors: { error: { code, message } }.",
    },
  });
}
