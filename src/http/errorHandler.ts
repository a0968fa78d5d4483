import type { ErrorRequestHandler, RequestHandler } from "express";
import { z } from "zod";
import { AppError } from "../errors.ts";
import type { Logger } from "../logger.ts";

/** Every unknown route answers a JSON 404, like every other error. */
export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: "not_found", message: `No route for ${req.method} ${req.path}` } });
};

/**
 * The one error middleware: typed application errors keep their status and code; body-parser
 * errors (malformed JSON, too large) are 4xx; anything else is logged and answered as a 500
 * that reveals nothing.
 */
export function createErrorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const requestLog = req.log ?? log;
    if (err instanceof AppError) {
      if (err.status >= 500) requestLog.error({ err }, "request failed");
      res.status(err.status).json({
        error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) },
      });
      return;
    }
    if (err instanceof z.ZodError) {
      res.status(400).json({
        error: { code: "validation_error", message: "The request is invalid", details: z.flattenError(err) },
      });
      return;
    }
    const parserError = bodyParserError.safeParse(err);
    if (parserError.success) {
      const { status, type } = parserError.data;
      const code = type === "entity.too.large" ? "payload_too_large" : "invalid_body";
      const message = type === "entity.parse.failed" ? "The body is not valid JSON" : "The request body was rejected";
      requestLog.warn({ status, type }, "request body rejected");
      res.status(status).json({ error: { code, message } });
      return;
    }
    requestLog.error({ err }, "unhandled error");
    res.status(500).json({ error: { code: "internal_error", message: "Something went wrong" } });
  };
}

const bodyParserError = z.object({
  status: z.number().int().min(400).max(499),
  type: z.string(),
});
