import type { DatabasePool } from "slonik";
import type { z } from "zod";
import type { Tx } from "../../db/sql.ts";
import { withTenant } from "../../db/withTenant.ts";
import { NotFoundError } from "../../errors.ts";
import type { VendorAuth, VendorRole } from "../auth/authContext.ts";
import { noBody, noParams, noQuery, vendorRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { idParams, pageOf, type pageQuery } from "../openapi/fields.ts";
import { decodeCursor, toPage } from "../openapi/pagination.ts";

/** Who may call a group of a resource's routes (see `vendorRoute`). */
export type CrudAccess = { roles: readonly VendorRole[]; permission?: string };

/** What every operation's handler gets: the caller, and a transaction as that caller's tenant. */
export type CrudContext = { auth: VendorAuth; tx: Tx };

type PageQuery = z.ZodObject<typeof pageQuery.shape>;

/**
 * One vendor resource's REST shape: `POST {path}`, `GET {path}` (a page), `GET {path}/{id}`,
 * `PATCH {path}/{id}`, `DELETE {path}/{id}`. Each operation is optional; handlers run in one
 * `withTenant` transaction (row-level security on) and return domain rows, which the factory
 * serializes, pages and turns into 201/200/204, or a 404 `No such {noun}` for a missing id.
 */
export type CrudSpec<
  Row extends { id: string },
  Create extends z.ZodType,
  Update extends z.ZodType,
  List extends PageQuery,
> = {
  /** `/api/v1/rewards`. */
  path: string;
  tag: string;
  /** `reward`: in summaries' 404 texts ("No such reward"). */
  noun: string;
  response: z.ZodType;
  serialize: (row: Row) => unknown;
  /** Reads (list and read one). */
  readAccess: CrudAccess;
  /** Writes (create, update, delete). */
  writeAccess: CrudAccess;
  create?: { summary: string; body: Create; handle(ctx: CrudContext, body: z.output<Create>): Promise<Row> };
  list?: {
    summary: string;
    query: List;
    handle(ctx: CrudContext, query: z.output<List>, after: string | null): Promise<readonly Row[]>;
  };
  read?: { summary: string; handle(ctx: CrudContext, id: string): Promise<Row | null> };
  update?: {
    summary: string;
    body: Update;
    handle(ctx: CrudContext, id: string, body: z.output<Update>): Promise<Row | null>;
  };
  /** Resolves to false when there is no such row. */
  remove?: { summary: string; handle(ctx: CrudContext, id: string): Promise<boolean> };
};

/** The routes of one resource, from its spec (see `CrudSpec`). */
export function crudRoutes<
  Row extends { id: string },
  Create extends z.ZodType,
  Update extends z.ZodType,
  List extends PageQuery,
>(pool: DatabasePool, spec: CrudSpec<Row, Create, Update, List>): ApiRoute[] {
  const inTenant = <T>(auth: VendorAuth, fn: (ctx: CrudContext) => Promise<T>): Promise<T> =>
    withTenant(pool, auth.tenantId, (tx) => fn({ auth, tx }));
  const missing = `No such ${spec.noun}`;
  const one = { description: `The ${spec.noun}`, schema: spec.response };
  const notFound = { description: missing };
  const itemPath = `${spec.path}/{id}`;
  const common = { tag: spec.tag };
  const routes: ApiRoute[] = [];

  const { create, list, read, update, remove } = spec;
  if (create !== undefined) {
    routes.push(
      vendorRoute({
        ...common,
        ...spec.writeAccess,
        method: "post",
        path: spec.path,
        summary: create.summary,
        body: create.body,
        query: noQuery,
        params: noParams,
        responses: { 201: one },
        async handle({ auth, body }) {
          const row = await inTenant(auth, (ctx) => create.handle(ctx, body));
          return { status: 201, json: spec.serialize(row) };
        },
      }),
    );
  }
  if (list !== undefined) {
    routes.push(
      vendorRoute({
        ...common,
        ...spec.readAccess,
        method: "get",
        path: spec.path,
        summary: list.summary,
        body: noBody,
        query: list.query,
        params: noParams,
        responses: { 200: { description: `A page of ${spec.tag}`, schema: pageOf(spec.response) } },
        async handle({ auth, query }) {
          const after = decodeCursor(query.cursor);
          const rows = await inTenant(auth, (ctx) => list.handle(ctx, query, after));
          return { status: 200, json: toPage(rows, query.limit, spec.serialize) };
        },
      }),
    );
  }
  if (read !== undefined) {
    routes.push(
      vendorRoute({
        ...common,
        ...spec.readAccess,
        method: "get",
        path: itemPath,
        summary: read.summary,
        body: noBody,
        query: noQuery,
        params: idParams,
        responses: { 200: one, 404: notFound },
        async handle({ auth, params }) {
          const row = await inTenant(auth, (ctx) => read.handle(ctx, params.id));
          if (row === null) throw new NotFoundError(missing);
          return { status: 200, json: spec.serialize(row) };
        },
      }),
    );
  }
  if (update !== undefined) {
    routes.push(
      vendorRoute({
        ...common,
        ...spec.writeAccess,
        method: "patch",
        path: itemPath,
        summary: update.summary,
        body: update.body,
        query: noQuery,
        params: idParams,
        responses: { 200: one, 404: notFound },
        async handle({ auth, body, params }) {
          const row = await inTenant(auth, (ctx) => update.handle(ctx, params.id, body));
          if (row === null) throw new NotFoundError(missing);
          return { status: 200, json: spec.serialize(row) };
        },
      }),
    );
  }
  if (remove !== undefined) {
    routes.push(
      vendorRoute({
        ...common,
        ...spec.writeAccess,
        method: "delete",
        path: itemPath,
        summary: remove.summary,
        body: noBody,
        query: noQuery,
        params: idParams,
        responses: { 204: { description: "Deleted" }, 404: notFound },
        async handle({ auth, params }) {
          const found = await inTenant(auth, (ctx) => remove.handle(ctx, params.id));
          if (!found) throw new NotFoundError(missing);
          return { status: 204, contentType: "text/plain", body: "" };
        },
      }),
    );
  }
  return routes;
}
