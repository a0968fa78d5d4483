import type { DatabasePool } from "slonik";
import { z } from "zod";
import { withPlatform } from "../../db/withTenant.ts";
import { consumeLoginLink } from "../../domain/auth/consumeLoginLink.ts";
import { ForbiddenError, UnauthorizedError } from "../../errors.ts";
import { noParams, noQuery, publicRoute, type ApiRoute } from "../openapi/defineRoute.ts";
import { createLoginRateLimit } from "./loginRateLimit.ts";
import { signToken, TOKEN_TTL_SECONDS } from "./tokens.ts";

const linkBody = z
  .strictObject({
    token: z
      .string()
      .min(20)
      .max(128)
      .regex(/^[A-Za-z0-9_-]+$/, "must be the token from the link"),
  })
  .meta({ id: "WhatsAppLoginLink" });

const tokenResponse = z
  .object({ token: z.string(), token_type: z.literal("Bearer"), expires_in: z.int() })
  .meta({ id: "WhatsAppLinkToken" });

/**
 * `POST /api/v1/auth/whatsapp-link`: exchanges the one-time token of a link the owner chat sent
 * (LOGIN) for the same bearer token `POST /api/v1/auth/login` gives. The dashboard page
 * `/dashboard/login#<token>` reads the token from the fragment (kept out of server logs) and posts
 * it here. Used, expired and unknown tokens are one 401.
 */
export function whatsappLinkRoutes(deps: { pool: DatabasePool; jwtSecret: string }): ApiRoute[] {
  const limit = createLoginRateLimit();
  return [
    publicRoute({
      method: "post",
      path: "/api/v1/auth/whatsapp-link",
      summary: "Sign in with a one-time link from the WhatsApp owner chat (LOGIN): valid 10 minutes, once",
      tag: "auth",
      body: linkBody,
      query: noQuery,
      params: noParams,
      before: [limit],
      responses: {
        200: { description: "A bearer token, as from /api/v1/auth/login", schema: tokenResponse },
        401: { description: "The link is unknown, used or expired" },
        429: { description: "Too many failed attempts" },
      },
      async handle({ body }) {
        const result = await withPlatform(deps.pool, (tx) =>
          consumeLoginLink(tx, { token: body.token, now: new Date() }),
        );
        if (!result.ok) {
          if (result.reason === "tenant_suspended") throw new ForbiddenError("This business's account is suspended");
          throw new UnauthorizedError(
            "This sign-in link is not valid any more. Send LOGIN in the owner chat for a new one.",
          );
        }
        const token = await signToken(deps.jwtSecret, {
          sub: result.userId,
          kind: "vendor",
          role: result.role,
          tenant_id: result.tenantId,
        });
        return { status: 200, json: { token, token_type: "Bearer", expires_in: TOKEN_TTL_SECONDS } };
      },
    }),
  ];
}
