import { createPool } from "slonik";
import { loadConfig } from "../../src/config.ts";
import { listApiRoutes } from "../../src/http/api/createApiRoutes.ts";
import { buildOpenApiDocument } from "../../src/http/openapi/buildOpenApiDocument.ts";
import { createQueueFactory } from "../../src/queues/queueFactory.ts";
import { createLogger } from "../../src/logger.ts";

/**
 * The app's OpenAPI document, built in this process from the route definitions (the same call
 * `GET /api/openapi.json` makes). The route factories need a pool and queues to close over;
 * nothing is queried, but slonik's pool reads the server's type list when created, so a
 * reachable PostgreSQL is needed (DATABASE_URL, default the local one).
 */
export async function buildApiDocument(
  databaseUrl = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres",
) {
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATABASE_URL: databaseUrl,
    JWT_SECRET: "document-only-document-only-document-only",
  });
  const pool = await createPool(databaseUrl);
  const queues = createQueueFactory({ redisUrl: undefined, databaseUrl, log: createLogger("silent") });
  try {
    return buildOpenApiDocument(listApiRoutes({ config, pool, queues }));
  } finally {
    await queues.close();
    await pool.end();
  }
}
