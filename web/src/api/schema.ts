/**
 * Generated from the app's OpenAPI document by `npm run web:types` (web/scripts/generateApiTypes.ts).
 * Do not edit: test/integration/web/apiTypes.test.ts fails when this file and the API differ.
 */

export interface paths {
  "/api/openapi.json": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/platform/audit-logs": {
    get: {
      parameters: {
        query?: {
          "limit"?: number;
          "cursor"?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["AuditLog"][];
              "next_cursor": string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/platform/auth/login": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["PlatformLogin"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Token"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        429: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        503: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/platform/auth/session": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["WebSession"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        403: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["PlatformSessionStart"];
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["WebSession"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        429: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["SignedOut"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/platform/metrics": {
    get: {
      parameters: {
        query?: {
          "days"?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["PlatformMetrics"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/platform/plans": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["Plan"][];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/platform/tenants": {
    get: {
      parameters: {
        query?: {
          "limit"?: number;
          "cursor"?: string;
          "status"?: "trial" | "active" | "suspended" | "cancelled";
          "search"?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["Tenant"][];
              "next_cursor": string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CreateTenant"];
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Tenant"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/platform/tenants/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Tenant"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["UpdateTenant"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Tenant"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/platform/tenants/{id}/invoices": {
    get: {
      parameters: {
        query?: {
          "limit"?: number;
          "cursor"?: string;
          "status"?: "pending" | "paid" | "failed" | "refunded";
        };
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["Invoice"][];
              "next_cursor": string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CreateInvoice"];
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Invoice"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/platform/tenants/{id}/invoices/{invoiceId}/mark-paid": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
          "invoiceId": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            "payment_method"?: "paystack" | "flutterwave" | "bank_transfer" | "cash" | "other";
            "payment_reference"?: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Invoice"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/platform/tenants/{id}/reactivate": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            "reason"?: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Tenant"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/platform/tenants/{id}/subscription": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Subscription"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/platform/tenants/{id}/suspend": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            "reason"?: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Tenant"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/platform/tenants/{id}/whatsapp-number": {
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["AssignWhatsappNumber"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["AssignedWhatsappNumber"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        422: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        502: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/analytics/summary": {
    get: {
      parameters: {
        query?: {
          "from"?: string;
          "to"?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["AnalyticsSummary"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/api-keys": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["ApiKey"][];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CreateApiKey"];
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "id": string;
              "name": string;
              "prefix": string;
              "last_used_at": string | null;
              "created_at": string;
              "revoked_at": string | null;
              "expires_at": string | null;
              "scopes": string[] | null;
              "kind": "api" | "pos";
              "key": string;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/api-keys/{id}": {
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["ApiKey"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/audit-logs": {
    get: {
      parameters: {
        query?: {
          "limit"?: number;
          "cursor"?: string;
          "action"?: string;
          "entity_type"?: string;
          "entity_id"?: string;
          "user_id"?: string;
          "since"?: string;
          "until"?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["AuditLog"][];
              "next_cursor": string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/auth/login": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["VendorLogin"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Token"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        429: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        503: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/auth/session": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["WebSession"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        403: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["VendorSessionStart"];
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["WebSession"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        403: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        429: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["SignedOut"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/auth/whatsapp-link": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["WhatsAppLoginLink"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["WhatsAppLinkToken"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        429: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/broadcasts": {
    get: {
      parameters: {
        query?: {
          "limit"?: number;
          "cursor"?: string;
          "status"?: "draft" | "scheduled" | "sending" | "completed" | "failed" | "cancelled";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["Broadcast"][];
              "next_cursor": string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CreateBroadcast"];
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Broadcast"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/broadcasts/audience": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["AudienceQuery"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["AudienceCount"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/broadcasts/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Broadcast"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/broadcasts/{id}/cancel": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Broadcast"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/broadcasts/{id}/schedule": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["ScheduleBroadcast"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Broadcast"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        402: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/broadcasts/{id}/send": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        202: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Broadcast"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        402: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/campaigns": {
    get: {
      parameters: {
        query?: {
          "limit"?: number;
          "cursor"?: string;
          "status"?: "draft" | "scheduled" | "active" | "paused" | "completed" | "cancelled";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["Campaign"][];
              "next_cursor": string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CreateCampaign"];
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Campaign"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/campaigns/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Campaign"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/campaigns/{id}/status": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CampaignTransition"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Campaign"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/claims": {
    get: {
      parameters: {
        query?: {
          "limit"?: number;
          "cursor"?: string;
          "status"?: "pending" | "approved" | "rejected";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["ReceiptClaim"][];
              "next_cursor": string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/claims/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["ReceiptClaim"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/claims/{id}/approve": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["ApproveClaim"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["ReceiptClaim"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/claims/{id}/receipt": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "image/jpeg": string;
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/claims/{id}/reject": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["RejectClaim"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["ReceiptClaim"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/customers": {
    get: {
      parameters: {
        query?: {
          "limit"?: number;
          "cursor"?: string;
          "loyalty_status"?: "active" | "inactive" | "blocked";
          "tag"?: string;
          "opted_in"?: "true" | "false";
          "min_points"?: number | null;
          "max_points"?: number | null;
          "min_purchases"?: number | null;
          "last_purchase_before"?: string;
          "last_purchase_after"?: string;
          "search"?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["Customer"][];
              "next_cursor": string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/customers/{id}": {
    get: {
      parameters: {
        query?: {
          "lots_limit"?: number;
          "lots_offset"?: number | null;
        };
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["CustomerDetail"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["UpdateCustomer"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Customer"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/customers/{id}/adjustments": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["PointsAdjustment"];
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "id": string;
              "customer_id": string;
              "transaction_type": string;
              "points": number;
              "points_remaining": number | null;
              "description": string | null;
              "metadata": {
                [key: string]: unknown;
              };
              "purchase_id": string | null;
              "reward_redemption_id": string | null;
              "campaign_id": string | null;
              "expires_at": string | null;
              "created_by_user_id": string | null;
              "created_at": string;
              "balance": number;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/customers/{id}/block": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Customer"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/customers/{id}/unblock": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Customer"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/exports/customers.csv": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "text/csv": components["schemas"]["CsvFile"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/exports/purchases.csv": {
    get: {
      parameters: {
        query?: {
          "from"?: string;
          "to"?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "text/csv": components["schemas"]["CsvFile"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/imports/customers": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["ImportCustomers"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["ImportCustomersReport"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["ImportCustomersRefused"];
          };
        };
      };
    };
  };
  "/api/v1/invoices": {
    get: {
      parameters: {
        query?: {
          "limit"?: number;
          "cursor"?: string;
          "status"?: "pending" | "paid" | "failed" | "refunded";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["Invoice"][];
              "next_cursor": string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/invoices/{id}/pay": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["PaymentLink"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        502: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        503: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/me": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Me"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/plans": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["PlanSummary"][];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/purchases": {
    get: {
      parameters: {
        query?: {
          "limit"?: number;
          "cursor"?: string;
          "customer_id"?: string;
          "staff_id"?: string;
          "source"?: "whatsapp" | "api" | "manual" | "pos_integration" | "customer_self";
          "from"?: string;
          "to"?: string;
          "voided"?: "true" | "false";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["PurchaseDetail"][];
              "next_cursor": string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["LogPurchase"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Purchase"];
          };
        };
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Purchase"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        402: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/purchases/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["PurchaseDetail"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/purchases/{id}/void": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["VoidPurchase"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["VoidedPurchase"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/qr.png": {
    get: {
      parameters: {
        query?: {
          "size"?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "image/png": string;
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/qr.svg": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "image/svg+xml": string;
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/redemptions": {
    get: {
      parameters: {
        query?: {
          "limit"?: number;
          "cursor"?: string;
          "status"?: "pending" | "confirmed" | "fulfilled" | "cancelled";
          "customer_id"?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["Redemption"][];
              "next_cursor": string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/redemptions/verify": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["VerifyRedemption"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Redemption"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/redemptions/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Redemption"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/redemptions/{id}/cancel": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CancelRedemption"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Redemption"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/redemptions/{id}/fulfil": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Redemption"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/rewards": {
    get: {
      parameters: {
        query?: {
          "limit"?: number;
          "cursor"?: string;
          "active"?: "true" | "false";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["Reward"][];
              "next_cursor": string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CreateReward"];
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Reward"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/rewards/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Reward"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["UpdateReward"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Reward"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/rules": {
    get: {
      parameters: {
        query?: {
          "limit"?: number;
          "cursor"?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["PointsRule"][];
              "next_cursor": string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CreatePointsRule"];
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["PointsRule"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/rules/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["PointsRule"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["UpdatePointsRule"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["PointsRule"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/settings": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Settings"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["UpdateSettings"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Settings"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/staff": {
    get: {
      parameters: {
        query?: {
          "limit"?: number;
          "cursor"?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": {
              "data": components["schemas"]["StaffMember"][];
              "next_cursor": string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CreateStaffMember"];
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["StaffMember"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        402: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/staff/{id}": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["StaffMember"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["UpdateStaffMember"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["StaffMember"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/staff/{id}/disable": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["StaffMember"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/staff/{id}/pin": {
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          "id": string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["SetStaffPin"];
        };
      };
      responses: {
        204: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        404: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
  "/api/v1/subscription": {
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Subscription"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
  };
  "/api/v1/subscription/plan": {
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["ChangePlan"];
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["ChangePlanResult"];
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content?: never;
        };
      };
    };
  };
}

export interface components {
  schemas: {
    "AnalyticsSummary": {
      "from": string;
      "to": string;
      "totals": {
        [key: string]: number;
      };
      "days": {
        [key: string]: string | number;
      }[];
      "top_customers": {
        "id": string;
        "phone_number": string;
        "whatsapp_name": string | null;
        "total_spent_kobo": number;
        "total_purchases": number;
      }[];
    };
    "ApiKey": {
      "id": string;
      "name": string;
      "prefix": string;
      "last_used_at": string | null;
      "created_at": string;
      "revoked_at": string | null;
      "expires_at": string | null;
      "scopes": string[] | null;
      "kind": "api" | "pos";
    };
    "ApproveClaim": {
      "amount_kobo"?: number;
    };
    "AssignWhatsappNumber": {
      "phone_number_id": string;
      "access_token": string;
    };
    "AssignedWhatsappNumber": {
      "tenant_id": string;
      "phone_number_id": string;
      "display_phone_number": string;
      "verified_name": string | null;
    };
    "AudienceCount": {
      "count": number;
    };
    "AudienceQuery": {
      "target_segment": components["schemas"]["BroadcastSegment"];
    };
    "AuditLog": {
      "id": string;
      "user_id": string | null;
      "user_type": string | null;
      "action": string;
      "entity_type": string | null;
      "entity_id": string | null;
      "old_values"?: unknown;
      "new_values"?: unknown;
      "created_at": string | null;
    };
    "Broadcast": {
      "id": string;
      "name": string;
      "message_content": string;
      "target_segment": {
        [key: string]: unknown;
      };
      "status": "draft" | "scheduled" | "sending" | "completed" | "failed" | "cancelled";
      "scheduled_at": string | null;
      "total_recipients": number;
      "sent_count": number;
      "delivered_count": number;
      "read_count": number;
      "failed_count": number;
      "started_at": string | null;
      "completed_at": string | null;
      "cancelled_at": string | null;
      "failure_reason": string | null;
      "created_by_user_id": string | null;
      "created_at": string | null;
    };
    "BroadcastSegment": {
      "loyalty_status"?: ("active" | "inactive") | (("active" | "inactive")[]);
      "tags"?: string[];
      "min_points"?: number;
      "max_points"?: number;
      "last_purchase_before"?: string;
      "last_purchase_after"?: string;
      "min_purchases"?: number;
    };
    "Campaign": {
      "id": string;
      "name": string;
      "description": string | null;
      "campaign_type": string;
      "config": {
        [key: string]: unknown;
      };
      "target_segment": {
        [key: string]: unknown;
      };
      "starts_at": string;
      "ends_at": string;
      "status": string;
      "created_at": string | null;
    };
    "CampaignTransition": {
      "status": "draft" | "scheduled" | "active" | "paused" | "completed" | "cancelled";
    };
    "CancelRedemption": {
      "reason": string;
    };
    "ChangePlan": {
      "plan": string;
    };
    "ChangePlanResult": {
      "action": "pay" | "downgrade_scheduled" | "downgrade_cancelled";
      "payment": {
        "authorization_url": string;
        "reference": string;
        "invoice_id": string;
        "total_kobo": number;
      } | null;
      "effective_at": string | null;
    };
    "ClaimsSettings": {
      "enabled": boolean;
      "max_per_day": number;
      "max_amount_kobo": number;
    };
    "CreateApiKey": {
      "name": string;
      "scopes"?: string[];
      "expires_at"?: string;
      "kind"?: "api" | "pos";
    };
    "CreateBroadcast": {
      "name": string;
      "message_content": string;
      "target_segment": components["schemas"]["BroadcastSegment"];
    };
    "CreateCampaign": {
      "name": string;
      "campaign_type": "bonus_points" | "double_points" | "reward_discount" | "referral" | "reactivation";
      "config": {
        [key: string]: unknown;
      };
      "description"?: string;
      "target_segment"?: {
        [key: string]: unknown;
      };
      "starts_at": string;
      "ends_at": string;
    };
    "CreateInvoice": {
      "amount_kobo": number;
      "tax_kobo"?: number;
      "period_start": string;
      "period_end": string;
      "due_date"?: string;
    };
    "CreatePointsRule": {
      "name": string;
      "rule_type": "per_purchase" | "per_amount_spent" | "first_purchase_bonus" | "referral" | "birthday" | "milestone";
      "config": {
        [key: string]: unknown;
      };
      "description"?: string;
      "priority"?: number;
      "conditions"?: {
        [key: string]: unknown;
      };
      "exclusive"?: boolean;
      "is_active"?: boolean;
      "valid_from"?: string;
      "valid_until"?: string;
    };
    "CreateReward": {
      "name": string;
      "points_required": number;
      "description"?: string | null;
      "stock_quantity"?: number | null;
      "max_redemptions_per_customer"?: number | null;
      "valid_from"?: string | null;
      "valid_until"?: string | null;
      "is_active"?: boolean;
    };
    "CreateStaffMember": {
      "full_name": string;
      "email": string;
      "phone_number": string;
      "role": "owner" | "admin" | "staff";
      "pin"?: string;
      "password"?: string;
    };
    "CreateTenant": {
      "business_name": string;
      "phone_number": string;
      "email"?: string;
      "vendor_code"?: string;
      "owner": {
        "email": string;
        "password": string;
        "full_name": string;
      };
    };
    "CsvFile": string;
    "Customer": {
      "id": string;
      "phone_number": string;
      "whatsapp_name": string | null;
      "loyalty_status": string;
      "opted_in": boolean;
      "total_purchases": number;
      "total_spent_kobo": number;
      "last_purchase_at": string | null;
      "birth_date": string | null;
      "referral_code": string | null;
      "tags": string[];
      "balance": number;
      "created_at": string | null;
      "tier": string | null;
    };
    "CustomerDetail": {
      "id": string;
      "phone_number": string;
      "whatsapp_name": string | null;
      "loyalty_status": string;
      "opted_in": boolean;
      "total_purchases": number;
      "total_spent_kobo": number;
      "last_purchase_at": string | null;
      "birth_date": string | null;
      "referral_code": string | null;
      "tags": string[];
      "balance": number;
      "created_at": string | null;
      "tier": string | null;
      "notes": string | null;
      "expiring_soonest": {
        "points": number;
        "expires_at": string;
      } | null;
      "lots": {
        "id": string;
        "points_remaining": number;
        "expires_at": string | null;
        "created_at": string;
      }[];
      "lots_next_offset": number | null;
      "history": components["schemas"]["LedgerEntry"][];
    };
    "Error": {
      "error": {
        "code": string;
        "message": string;
        "details"?: unknown;
      };
    };
    "ImportCustomers": {
      "csv": string;
      "dry_run"?: boolean;
    };
    "ImportCustomersRefused": {
      "error": {
        "code": "invalid_rows";
        "message": string;
        "rows": {
          "line": number;
          "message": string;
        }[];
      };
    };
    "ImportCustomersReport": {
      "dry_run": boolean;
      "rows": number;
      "created": number;
      "updated": number;
      "unchanged": number;
      "kept_opted_out": number;
    };
    "Invoice": {
      "id": string;
      "tenant_id": string;
      "invoice_number": string;
      "amount_kobo": number;
      "tax_kobo": number;
      "total_kobo": number;
      "period_start": string;
      "period_end": string;
      "status": string;
      "payment_method": string | null;
      "payment_reference": string | null;
      "paid_at": string | null;
      "due_date": string | null;
      "created_at": string | null;
    };
    "LedgerEntry": {
      "id": string;
      "customer_id": string;
      "transaction_type": string;
      "points": number;
      "points_remaining": number | null;
      "description": string | null;
      "metadata": {
        [key: string]: unknown;
      };
      "purchase_id": string | null;
      "reward_redemption_id": string | null;
      "campaign_id": string | null;
      "expires_at": string | null;
      "created_by_user_id": string | null;
      "created_at": string;
    };
    "LogPurchase": {
      "customer_phone": string;
      "amount_kobo": number;
      "idempotency_key"?: string;
      "product_name"?: string;
      "product_category"?: string;
    };
    "Me": {
      "tenant_id": string;
      "user_id": string | null;
      "api_key_id": string | null;
      "role": string;
      "permissions": {
        [key: string]: boolean;
      };
    };
    "PaymentLink": {
      "authorization_url": string;
      "reference": string;
      "invoice_id": string;
      "total_kobo": number;
    };
    "Plan": {
      "id": string;
      "name": string;
      "slug": string;
      "description": string | null;
      "price_kobo": number;
      "billing_period": string;
      "features": {
        [key: string]: unknown;
      };
      "is_active": boolean;
    };
    "PlanSummary": {
      "slug": string;
      "name": string;
      "price_kobo": number;
      "billing_period": "monthly" | "yearly";
      "limits": {
        "max_customers": number | null;
        "max_staff": number | null;
        "broadcasts_per_month": number | null;
        "messages_per_month": number | null;
      };
    } | null;
    "PlatformLogin": {
      "email": string;
      "password": string;
    };
    "PlatformMetrics": {
      "from": string;
      "to": string;
      "days": {
        "date": string;
        "messages_in": number;
        "messages_out": number;
        "failed_sends": number;
      }[];
      "totals": {
        "messages_in": number;
        "messages_out": number;
        "failed_sends": number;
      };
      "tenants": {
        "serving": number;
        "suspended": number;
        "with_traffic": number;
      };
    };
    "PlatformSessionStart": {
      "email": string;
      "password": string;
    };
    "PointsAdjustment": {
      "points": number;
      "reason": string;
    };
    "PointsRule": {
      "id": string;
      "name": string;
      "description": string | null;
      "rule_type": string;
      "config": {
        [key: string]: unknown;
      };
      "priority": number;
      "conditions": {
        [key: string]: unknown;
      };
      "exclusive": boolean;
      "is_active": boolean;
      "valid_from": string | null;
      "valid_until": string | null;
      "created_at": string | null;
    };
    "Purchase": {
      "id": string;
      "customer_id": string;
      "customer_phone": string;
      "amount_kobo": number;
      "product_name": string | null;
      "product_category": string | null;
      "source": string | null;
      "points_awarded": number;
      "idempotency_key": string | null;
      "balance": number;
      "created_at": string;
    };
    "PurchaseDetail": {
      "id": string;
      "customer_id": string;
      "customer_phone": string;
      "amount_kobo": number;
      "product_name": string | null;
      "source": string | null;
      "logged_by_user_id": string | null;
      "logged_via": string | null;
      "points_awarded": number;
      "idempotency_key": string | null;
      "created_at": string;
      "voided_at": string | null;
      "voided_by_user_id": string | null;
      "void_reason": string | null;
      "points_reversed": number | null;
      "points_shortfall": number | null;
    };
    "ReceiptClaim": {
      "id": string;
      "customer_id": string;
      "customer_phone": string;
      "amount_kobo": number;
      "status": "pending" | "approved" | "rejected";
      "receipt_url": string;
      "receipt_mime_type": string;
      "receipt_bytes": number;
      "reviewed_by_user_id": string | null;
      "reviewed_at": string | null;
      "rejection_reason": string | null;
      "purchase_id": string | null;
      "created_at": string;
    };
    "Redemption": {
      "id": string;
      "customer_id": string;
      "customer_phone": string;
      "reward_id": string;
      "reward_name": string;
      "points_deducted": number;
      "status": string;
      "code": string;
      "verified_at": string | null;
      "fulfilled_at": string | null;
      "cancelled_at": string | null;
      "cancellation_reason": string | null;
      "created_at": string;
    };
    "RejectClaim": {
      "reason": string;
    };
    "Reward": {
      "id": string;
      "name": string;
      "description": string | null;
      "points_required": number;
      "stock_quantity": number | null;
      "max_redemptions_per_customer": number | null;
      "valid_from": string | null;
      "valid_until": string | null;
      "is_active": boolean;
      "total_redemptions": number;
    };
    "ScheduleBroadcast": {
      "scheduled_at": string;
    };
    "SetStaffPin": {
      "pin": string | null;
    };
    "Settings": {
      "business_name": string;
      "vendor_code": string;
      "subscription_status": string;
      "timezone": string;
      "currency": string;
      "country": string;
      "language": "en" | "pcm" | "yo" | "ha" | "ig";
      "points_expiry_days": number | null;
      "redemption_window_days": number;
      "inactive_after_days": number;
      "tiers": components["schemas"]["Tier"][];
      "claims": components["schemas"]["ClaimsSettings"];
      "greeting_message": string | null;
      "templates": {
        "broadcast": {
          "name": string;
          "language": string;
        } | null;
        "expiry_reminder": {
          "name": string;
          "language": string;
        } | null;
        "points_earned": {
          "name": string;
          "language": string;
        } | null;
        "birthday": {
          "name": string;
          "language": string;
        } | null;
        "tier_up": {
          "name": string;
          "language": string;
        } | null;
        "referral_earned": {
          "name": string;
          "language": string;
        } | null;
        "customer_invite": {
          "name": string;
          "language": string;
        } | null;
        "redemption_expired": {
          "name": string;
          "language": string;
        } | null;
        "claim_approved": {
          "name": string;
          "language": string;
        } | null;
        "claim_rejected": {
          "name": string;
          "language": string;
        } | null;
        "purchase_voided": {
          "name": string;
          "language": string;
        } | null;
        "staff_invite": {
          "name": string;
          "language": string;
        } | null;
      };
      "templates_by_language": {
        "pcm": {
          "broadcast": {
            "name": string;
            "language": string;
          } | null;
          "expiry_reminder": {
            "name": string;
            "language": string;
          } | null;
          "points_earned": {
            "name": string;
            "language": string;
          } | null;
          "birthday": {
            "name": string;
            "language": string;
          } | null;
          "tier_up": {
            "name": string;
            "language": string;
          } | null;
          "referral_earned": {
            "name": string;
            "language": string;
          } | null;
          "customer_invite": {
            "name": string;
            "language": string;
          } | null;
          "redemption_expired": {
            "name": string;
            "language": string;
          } | null;
          "claim_approved": {
            "name": string;
            "language": string;
          } | null;
          "claim_rejected": {
            "name": string;
            "language": string;
          } | null;
          "purchase_voided": {
            "name": string;
            "language": string;
          } | null;
          "staff_invite": {
            "name": string;
            "language": string;
          } | null;
        };
        "yo": {
          "broadcast": {
            "name": string;
            "language": string;
          } | null;
          "expiry_reminder": {
            "name": string;
            "language": string;
          } | null;
          "points_earned": {
            "name": string;
            "language": string;
          } | null;
          "birthday": {
            "name": string;
            "language": string;
          } | null;
          "tier_up": {
            "name": string;
            "language": string;
          } | null;
          "referral_earned": {
            "name": string;
            "language": string;
          } | null;
          "customer_invite": {
            "name": string;
            "language": string;
          } | null;
          "redemption_expired": {
            "name": string;
            "language": string;
          } | null;
          "claim_approved": {
            "name": string;
            "language": string;
          } | null;
          "claim_rejected": {
            "name": string;
            "language": string;
          } | null;
          "purchase_voided": {
            "name": string;
            "language": string;
          } | null;
          "staff_invite": {
            "name": string;
            "language": string;
          } | null;
        };
        "ha": {
          "broadcast": {
            "name": string;
            "language": string;
          } | null;
          "expiry_reminder": {
            "name": string;
            "language": string;
          } | null;
          "points_earned": {
            "name": string;
            "language": string;
          } | null;
          "birthday": {
            "name": string;
            "language": string;
          } | null;
          "tier_up": {
            "name": string;
            "language": string;
          } | null;
          "referral_earned": {
            "name": string;
            "language": string;
          } | null;
          "customer_invite": {
            "name": string;
            "language": string;
          } | null;
          "redemption_expired": {
            "name": string;
            "language": string;
          } | null;
          "claim_approved": {
            "name": string;
            "language": string;
          } | null;
          "claim_rejected": {
            "name": string;
            "language": string;
          } | null;
          "purchase_voided": {
            "name": string;
            "language": string;
          } | null;
          "staff_invite": {
            "name": string;
            "language": string;
          } | null;
        };
        "ig": {
          "broadcast": {
            "name": string;
            "language": string;
          } | null;
          "expiry_reminder": {
            "name": string;
            "language": string;
          } | null;
          "points_earned": {
            "name": string;
            "language": string;
          } | null;
          "birthday": {
            "name": string;
            "language": string;
          } | null;
          "tier_up": {
            "name": string;
            "language": string;
          } | null;
          "referral_earned": {
            "name": string;
            "language": string;
          } | null;
          "customer_invite": {
            "name": string;
            "language": string;
          } | null;
          "redemption_expired": {
            "name": string;
            "language": string;
          } | null;
          "claim_approved": {
            "name": string;
            "language": string;
          } | null;
          "claim_rejected": {
            "name": string;
            "language": string;
          } | null;
          "purchase_voided": {
            "name": string;
            "language": string;
          } | null;
          "staff_invite": {
            "name": string;
            "language": string;
          } | null;
        };
      };
      "whatsapp_phone_number_id": string | null;
      "whatsapp_display_phone_number": string | null;
      "join_link": string;
    };
    "SignedOut": {
      "signed_out": true;
    };
    "StaffMember": {
      "id": string;
      "email": string;
      "full_name": string;
      "phone_number": string | null;
      "role": "owner" | "admin" | "staff";
      "pin_enabled": boolean;
      "is_active": boolean;
      "created_at": string | null;
    };
    "Subscription": {
      "plan": components["schemas"]["PlanSummary"];
      "pending_plan": {
        "slug": string;
        "name": string;
        "price_kobo": number;
        "billing_period": "monthly" | "yearly";
        "limits": {
          "max_customers": number | null;
          "max_staff": number | null;
          "broadcasts_per_month": number | null;
          "messages_per_month": number | null;
        };
      } | null;
      "status": "trial" | "active" | "suspended" | "cancelled";
      "on_trial": boolean;
      "suspended_for_nonpayment": boolean;
      "trial_ends_at": string | null;
      "current_period": {
        "start": string;
        "end": string;
      } | null;
      "month": string;
      "usage": {
        "customers": {
          "used": number;
          "limit": number | null;
        };
        "staff": {
          "used": number;
          "limit": number | null;
        };
        "broadcasts_this_month": {
          "used": number;
          "limit": number | null;
        };
        "messages_this_month": {
          "used": number;
          "limit": number | null;
        };
      };
      "customers_turned_away": number;
      "card": {
        "last4": string | null;
        "brand": string | null;
      } | null;
      "open_invoice": {
        "id": string;
        "invoice_number": string;
        "total_kobo": number;
        "due_date": string | null;
        "status": string;
      } | null;
    };
    "Tenant": {
      "id": string;
      "business_name": string;
      "slug": string;
      "vendor_code": string;
      "phone_number": string;
      "email": string | null;
      "plan": string | null;
      "subscription_status": string;
      "trial_ends_at": string | null;
      "subscription_starts_at": string | null;
      "subscription_ends_at": string | null;
      "created_at": string | null;
      "updated_at": string | null;
    };
    "Tier": {
      "name": string;
      "min_points": number;
      "multiplier": number;
    };
    "Token": {
      "token": string;
      "token_type": "Bearer";
      "expires_in": number;
    };
    "UpdateCustomer": {
      "tags"?: string[];
      "notes"?: string | null;
      "birth_date"?: string | null;
    };
    "UpdatePointsRule": {
      "name"?: string;
      "rule_type"?: "per_purchase" | "per_amount_spent" | "first_purchase_bonus" | "referral" | "birthday" | "milestone";
      "config"?: {
        [key: string]: unknown;
      };
      "description"?: string | null;
      "priority"?: number;
      "conditions"?: {
        [key: string]: unknown;
      };
      "exclusive"?: boolean;
      "is_active"?: boolean;
      "valid_from"?: string | null;
      "valid_until"?: string | null;
    };
    "UpdateReward": {
      "name"?: string;
      "points_required"?: number;
      "description"?: string | null;
      "stock_quantity"?: number | null;
      "max_redemptions_per_customer"?: number | null;
      "valid_from"?: string | null;
      "valid_until"?: string | null;
      "is_active"?: boolean;
    };
    "UpdateSettings": {
      "timezone"?: string;
      "currency"?: string;
      "country"?: string;
      "language"?: "en" | "pcm" | "yo" | "ha" | "ig";
      "points_expiry_days"?: number | null;
      "redemption_window_days"?: number;
      "inactive_after_days"?: number;
      "tiers"?: {
        "name": string;
        "min_points": number;
        "multiplier": number;
      }[];
      "claims"?: {
        "enabled"?: boolean;
        "max_per_day"?: number;
        "max_amount_kobo"?: number;
      };
      "greeting_message"?: string | null;
      "templates"?: {
        "broadcast"?: string | {
          "name": string;
          "language"?: string;
        } | null;
        "expiry_reminder"?: string | {
          "name": string;
          "language"?: string;
        } | null;
        "points_earned"?: string | {
          "name": string;
          "language"?: string;
        } | null;
        "birthday"?: string | {
          "name": string;
          "language"?: string;
        } | null;
        "tier_up"?: string | {
          "name": string;
          "language"?: string;
        } | null;
        "referral_earned"?: string | {
          "name": string;
          "language"?: string;
        } | null;
        "customer_invite"?: string | {
          "name": string;
          "language"?: string;
        } | null;
        "redemption_expired"?: string | {
          "name": string;
          "language"?: string;
        } | null;
        "claim_approved"?: string | {
          "name": string;
          "language"?: string;
        } | null;
        "claim_rejected"?: string | {
          "name": string;
          "language"?: string;
        } | null;
        "purchase_voided"?: string | {
          "name": string;
          "language"?: string;
        } | null;
        "staff_invite"?: string | {
          "name": string;
          "language"?: string;
        } | null;
      };
      "templates_by_language"?: {
        "pcm"?: {
          "broadcast"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "expiry_reminder"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "points_earned"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "birthday"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "tier_up"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "referral_earned"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "customer_invite"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "redemption_expired"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "claim_approved"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "claim_rejected"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "purchase_voided"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "staff_invite"?: string | {
            "name": string;
            "language"?: string;
          } | null;
        };
        "yo"?: {
          "broadcast"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "expiry_reminder"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "points_earned"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "birthday"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "tier_up"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "referral_earned"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "customer_invite"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "redemption_expired"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "claim_approved"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "claim_rejected"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "purchase_voided"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "staff_invite"?: string | {
            "name": string;
            "language"?: string;
          } | null;
        };
        "ha"?: {
          "broadcast"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "expiry_reminder"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "points_earned"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "birthday"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "tier_up"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "referral_earned"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "customer_invite"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "redemption_expired"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "claim_approved"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "claim_rejected"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "purchase_voided"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "staff_invite"?: string | {
            "name": string;
            "language"?: string;
          } | null;
        };
        "ig"?: {
          "broadcast"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "expiry_reminder"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "points_earned"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "birthday"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "tier_up"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "referral_earned"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "customer_invite"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "redemption_expired"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "claim_approved"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "claim_rejected"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "purchase_voided"?: string | {
            "name": string;
            "language"?: string;
          } | null;
          "staff_invite"?: string | {
            "name": string;
            "language"?: string;
          } | null;
        };
      };
    };
    "UpdateStaffMember": {
      "full_name"?: string;
      "phone_number"?: string | null;
      "role"?: "owner" | "admin" | "staff";
      "permissions"?: {
        [key: string]: boolean;
      };
      "password"?: string;
      "is_active"?: boolean;
    };
    "UpdateTenant": {
      "business_name"?: string;
      "phone_number"?: string;
      "email"?: string | null;
      "plan"?: string;
      "subscription_ends_at"?: string | null;
      "trial_ends_at"?: string | null;
    };
    "VendorLogin": {
      "vendor_code": string;
      "email": string;
      "password": string;
    };
    "VendorSessionStart": {
      "vendor_code": string;
      "email": string;
      "password": string;
    } | (Record<string, never>);
    "VerifyRedemption": {
      "code": string;
    };
    "VoidPurchase": {
      "reason": string;
    };
    "VoidedPurchase": {
      "id": string;
      "customer_id": string;
      "customer_phone": string;
      "amount_kobo": number;
      "product_name": string | null;
      "source": string | null;
      "logged_by_user_id": string | null;
      "logged_via": string | null;
      "points_awarded": number;
      "idempotency_key": string | null;
      "created_at": string;
      "voided_at": string | null;
      "voided_by_user_id": string | null;
      "void_reason": string | null;
      "points_reversed": number | null;
      "points_shortfall": number | null;
      "balance": number;
    };
    "WebSession": {
      "kind": "vendor" | "platform";
      "csrf_token": string;
      "expires_at": string;
      "role": string;
      "tenant_id": string | null;
      "user_id": string;
    };
    "WhatsAppLinkToken": {
      "token": string;
      "token_type": "Bearer";
      "expires_in": number;
    };
    "WhatsAppLoginLink": {
      "token": string;
    };
  };
}

export type Schemas = components["schemas"];
