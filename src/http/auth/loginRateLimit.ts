import type { RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { z } from "zod";
import { TooManyRequestsError } from "../../errors.ts";

const loginKey = z.object({ email: z.string().max(255), vendor_code: z.string().max(50).optional() }).loose();

/**
 * Limits failed login attempts per client IP and email (and vendor code): 10 per 15 minutes by
 * default. Successful logins do not count, so a person who gets in is never locked out; a
 * guesser is. Answers like every other error: 429 `{ error: { code: "rate_limited" } }`.
 */
export function createLoginRateLimit(options: { limit?: number; windowMs?: number } = {}): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs ?? 15 * 60 * 1000,
    limit: options.limit ?? 10,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req) => {
      const body = loginKey.safeParse(req.body);
      const who = body.success
        ? `${body.data.vendor_code?.toUpperCase() ?? ""}:${body.data.email.trim().toLowerCase()}`
        : "";
      return `${ipKeyGenerator(req.ip ?? "unknown")}|${who}`;
    },
    handler: (_req, _res, next) => next(new TooManyRequestsError("Too many login attempts, try again later")),
  });
}
