import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { platformRoleSchema, vendorRoleSchema } from "./authContext.ts";

/** Access tokens are short-lived: a stolen one is useful for an hour at most. */
export const TOKEN_TTL_SECONDS = 60 * 60;
const ISSUER = "loyaltylaas";

/** The user's token_version when the token was issued; a token without one counts as version 0. */
const ver = z.int().min(0).optional();

export const tokenClaimsSchema = z.discriminatedUnion("kind", [
  z.object({ sub: z.uuid(), kind: z.literal("platform"), role: platformRoleSchema, tenant_id: z.null(), ver }),
  z.object({
    sub: z.uuid(),
    kind: z.literal("vendor"),
    role: vendorRoleSchema.exclude(["api"]),
    tenant_id: z.uuid(),
    ver,
  }),
]);
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

/** Signs an HS256 access token carrying who the caller is. */
export async function signToken(secret: string, claims: TokenClaims, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ kind: claims.kind, role: claims.role, tenant_id: claims.tenant_id, ver: claims.ver ?? 0 })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TOKEN_TTL_SECONDS)
    .sign(secretKey(secret));
}

/** The claims of a valid, unexpired token signed with `secret`, or null for anything else. */
export async function verifyToken(secret: string, token: string): Promise<TokenClaims | null> {
  try {
    const { payload } = await jwtVerify(token, secretKey(secret), { algorithms: ["HS256"], issuer: ISSUER });
    const parsed = tokenClaimsSchema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}
