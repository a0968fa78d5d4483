/**
 * Typed application errors. The HTTP error middleware maps them to a status and the JSON body
 * `{ error: { code, message } }`; anything else is a 500 with a generic message.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, "validation_error", message, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Authentication required") {
    super(401, "unauthorized", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You are not allowed to do that") {
    super(403, "forbidden", message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super(404, "not_found", message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = "conflict") {
    super(409, code, message);
  }
}

export class PlanLimitError extends AppError {
  constructor(message: string) {
    super(402, "plan_limit_reached", message);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message = "Too many requests, try again later") {
    super(429, "rate_limited", message);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message: string) {
    super(503, "service_unavailable", message);
  }
}
