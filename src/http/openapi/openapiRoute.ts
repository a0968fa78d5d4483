import { noBody, noParams, noQuery, publicRoute, type ApiRoute } from "./defineRoute.ts";

/** `GET /api/openapi.json`: the document of `routes` and of itself, built once. */
export function openapiRoute(routes: readonly ApiRoute[], build: (routes: readonly ApiRoute[]) => unknown): ApiRoute {
  let document: unknown;
  const self = publicRoute({
    method: "get",
    path: "/api/openapi.json",
    summary: "This OpenAPI 3.1 document",
    tag: "meta",
    body: noBody,
    query: noQuery,
    params: noParams,
    responses: { 200: { description: "The OpenAPI document" } },
    async handle() {
      document ??= build([...routes, self]);
      return { status: 200, json: document };
    },
  });
  return self;
}
