import { z } from "zod";

/**
 * Renders an OpenAPI 3.1 document as TypeScript types in the shape openapi-typescript emits
 * (`paths`, `components`, `operations`), which openapi-fetch's `createClient<paths>` reads.
 * Written here rather than run with openapi-typescript because that tool needs TypeScript 5's
 * compiler API, and this project is on TypeScript 7 (no JS API, and a second `typescript`
 * package would take over the `tsc` command). It covers what zod-to-openapi produces: $ref,
 * anyOf/oneOf/allOf, const, enum, type arrays, objects, records, arrays and scalars.
 */
export function renderApiTypes(document: unknown): string {
  const doc = documentSchema.parse(document);
  const lines: string[] = [
    "/**",
    " * Generated from the app's OpenAPI document by `npm run web:types` (web/scripts/generateApiTypes.ts).",
    " * Do not edit: test/integration/web/apiTypes.test.ts fails when this file and the API differ.",
    " */",
    "",
    "export interface paths {",
  ];
  for (const path of Object.keys(doc.paths).sort()) {
    const item = doc.paths[path] ?? {};
    lines.push(`  ${JSON.stringify(path)}: {`);
    for (const method of METHODS) {
      const op = item[method];
      if (op !== undefined) lines.push(`    ${method}: ${renderOperation(op, "    ")};`);
    }
    lines.push("  };");
  }
  lines.push("}", "", "export interface components {", "  schemas: {");
  const schemas = doc.components?.schemas ?? {};
  for (const name of Object.keys(schemas).sort()) {
    lines.push(`    ${JSON.stringify(name)}: ${renderSchema(schemas[name], "    ")};`);
  }
  lines.push("  };", "}", "");
  lines.push('export type Schemas = components["schemas"];', "");
  return lines.join("\n");
}

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

type Json = unknown;

const parameterSchema = z.object({
  name: z.string(),
  in: z.enum(["query", "path", "header", "cookie"]),
  required: z.boolean().optional(),
  schema: z.unknown(),
});
const mediaSchema = z.record(z.string(), z.object({ schema: z.unknown().optional() }).loose());
const operationSchema = z
  .object({
    parameters: z.array(parameterSchema).optional(),
    requestBody: z.object({ required: z.boolean().optional(), content: mediaSchema }).optional(),
    responses: z.record(z.string(), z.object({ content: mediaSchema.optional() }).loose()),
  })
  .loose();
type Operation = z.infer<typeof operationSchema>;
const documentSchema = z.object({
  paths: z.record(
    z.string(),
    z
      .object({
        get: operationSchema.optional(),
        put: operationSchema.optional(),
        post: operationSchema.optional(),
        delete: operationSchema.optional(),
        patch: operationSchema.optional(),
      })
      .loose(),
  ),
  components: z
    .object({ schemas: z.record(z.string(), z.unknown()).optional() })
    .loose()
    .optional(),
});

function renderOperation(op: Operation, indent: string): string {
  const inner = `${indent}  `;
  const out: string[] = ["{", `${inner}parameters: {`];
  for (const place of ["query", "header", "path", "cookie"] as const) {
    const params = (op.parameters ?? []).filter((p) => p.in === place);
    if (params.length === 0) {
      out.push(`${inner}  ${place}?: never;`);
      continue;
    }
    const anyRequired = params.some((p) => p.required === true);
    const fields = params.map(
      (p) =>
        `${inner}    ${JSON.stringify(p.name)}${p.required === true ? "" : "?"}: ${renderSchema(p.schema, `${inner}    `)};`,
    );
    out.push(`${inner}  ${place}${anyRequired ? "" : "?"}: {`, ...fields, `${inner}  };`);
  }
  out.push(`${inner}};`);
  if (op.requestBody === undefined) out.push(`${inner}requestBody?: never;`);
  else
    out.push(
      `${inner}requestBody${op.requestBody.required === true ? "" : "?"}: {`,
      `${inner}  content: ${renderContent(op.requestBody.content, `${inner}  `)};`,
      `${inner}};`,
    );
  out.push(`${inner}responses: {`);
  for (const status of Object.keys(op.responses).sort()) {
    const response = op.responses[status];
    out.push(
      `${inner}  ${/^\d+$/.test(status) ? status : JSON.stringify(status)}: {`,
      `${inner}    headers: { [name: string]: unknown };`,
    );
    if (response?.content === undefined) out.push(`${inner}    content?: never;`);
    else out.push(`${inner}    content: ${renderContent(response.content, `${inner}    `)};`);
    out.push(`${inner}  };`);
  }
  out.push(`${inner}};`, `${indent}}`);
  return out.join("\n");
}

function renderContent(content: z.infer<typeof mediaSchema>, indent: string): string {
  const entries = Object.entries(content).map(
    ([type, media]) => `${indent}  ${JSON.stringify(type)}: ${renderSchema(media.schema, `${indent}  `)};`,
  );
  return ["{", ...entries, `${indent}}`].join("\n");
}

const schemaObject = z.record(z.string(), z.unknown());

/** A JSON schema as a TypeScript type. */
export function renderSchema(input: Json, indent: string): string {
  const parsed = schemaObject.safeParse(input);
  if (!parsed.success) return input === true ? "unknown" : input === false ? "never" : "unknown";
  const s = parsed.data;
  const ref = z.string().safeParse(s["$ref"]);
  if (ref.success) {
    const name = ref.data.replace("#/components/schemas/", "");
    return `components["schemas"][${JSON.stringify(name)}]`;
  }
  for (const key of ["anyOf", "oneOf"] as const) {
    const list = z.array(z.unknown()).safeParse(s[key]);
    if (list.success) return union(list.data.map((item) => renderSchema(item, indent)));
  }
  const all = z.array(z.unknown()).safeParse(s["allOf"]);
  if (all.success) return all.data.map((item) => wrap(renderSchema(item, indent))).join(" & ");
  if ("const" in s) return JSON.stringify(s["const"]);
  const enumValues = z.array(z.unknown()).safeParse(s["enum"]);
  if (enumValues.success) return union(enumValues.data.map((v) => JSON.stringify(v)));
  const types = z.union([z.string(), z.array(z.string())]).safeParse(s["type"]);
  if (!types.success) {
    if (s["properties"] !== undefined) return renderObject(s, indent);
    return "unknown";
  }
  const list = Array.isArray(types.data) ? types.data : [types.data];
  return union(list.map((type) => renderType(type, s, indent)));
}

function renderType(type: string, s: Record<string, unknown>, indent: string): string {
  switch (type) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array": {
      const items = s["items"];
      return `${wrap(items === undefined ? "unknown" : renderSchema(items, indent))}[]`;
    }
    case "object":
      return renderObject(s, indent);
    default:
      return "unknown";
  }
}

function renderObject(s: Record<string, unknown>, indent: string): string {
  const properties = schemaObject.safeParse(s["properties"]);
  const required = new Set(z.array(z.string()).catch([]).parse(s["required"]));
  const extra = s["additionalProperties"];
  const fields: string[] = [];
  if (properties.success) {
    for (const [name, schema] of Object.entries(properties.data)) {
      fields.push(
        `${indent}  ${JSON.stringify(name)}${required.has(name) ? "" : "?"}: ${renderSchema(schema, `${indent}  `)};`,
      );
    }
  }
  if (extra !== undefined && extra !== false) {
    const value = extra === true ? "unknown" : renderSchema(extra, `${indent}  `);
    fields.push(`${indent}  [key: string]: ${value === "unknown" || fields.length === 0 ? value : "unknown"};`);
  }
  if (fields.length === 0) return properties.success ? "Record<string, never>" : "Record<string, unknown>";
  return ["{", ...fields, `${indent}}`].join("\n");
}

function union(parts: string[]): string {
  const unique = [...new Set(parts)];
  return unique.length === 0 ? "never" : unique.length === 1 ? (unique[0] ?? "never") : unique.map(wrap).join(" | ");
}

function wrap(type: string): string {
  return /^[\w"[\]]+$/.test(type) || type.startsWith("{") ? type : `(${type})`;
}
