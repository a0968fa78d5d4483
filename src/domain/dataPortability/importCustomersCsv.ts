import { parse } from "csv-parse/sync";
import { isSupportedCountry } from "libphonenumber-js";
import { z } from "zod";
import { parsePhone } from "../../../flows/parsers/parsePhone.ts";
import { sql, type Tx } from "../../db/sql.ts";
import { vendorOrSystem, writeAuditLog } from "../audit/writeAuditLog.ts";
import { findOrCreateCustomer } from "../customers/findOrCreateCustomer.ts";
import { getPlanLimits } from "../tenants/getPlanLimits.ts";

/** Rows one import may carry; larger lists are split by the vendor. */
export const MAX_IMPORT_ROWS = 5000;

export type ImportProblem = { line: number; message: string };

export type ImportCustomersReport = {
  dryRun: boolean;
  rows: number;
  /** New customers (created, or that would be on a dry run). */
  created: number;
  /** Existing customers whose details the file changes. */
  updated: number;
  unchanged: number;
  /** Existing customers who opted out themselves (STOP) and whom the file marks as consenting: kept opted out. */
  keptOptedOut: number;
  errors: ImportProblem[];
};

export type ImportCustomersResult =
  | { ok: true; report: ImportCustomersReport }
  | { ok: false; problems: ImportProblem[] };

type Row = {
  line: number;
  phone: string;
  consent: boolean;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  birthDate: string | null;
  tags: string[] | null;
};

const CONSENT_WORDS: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  "1": true,
  no: false,
  n: false,
  false: false,
  "0": false,
};
const KNOWN_COLUMNS = ["phone", "consent", "first_name", "last_name", "email", "birth_date", "tags"] as const;
const email = z.email().max(255);
const isoDate = z.iso.date();

const existingRow = z.object({
  id: z.string(),
  phone_number: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  email: z.string().nullable(),
  birth_date: z.string().nullable(),
  tags: z.array(z.string()).catch([]),
  opted_in: z.boolean().nullable(),
  opted_out_at: z.date().nullable(),
});
const idRow = z.object({ id: z.string() });
const parsedRecords = z.array(z.object({ record: z.array(z.string()), info: z.object({ lines: z.number().int() }) }));

/**
 * Imports customers from CSV (header row; `phone` and `consent` columns required; optional
 * `first_name`, `last_name`, `email`, `birth_date` YYYY-MM-DD, `tags` separated by `;`). Every
 * row is checked first — phone numbers with libphonenumber-js in the tenant's country, consent as
 * yes/no — and bad rows are reported with their line numbers; nothing is written when any row
 * is bad or on a dry run, so a vendor fixes the file and runs it again. New customers get the
 * file's consent; an existing customer's details are filled in, a `no` opts them out, and a
 * `yes` never overrides a customer's own STOP. Plan limits apply to new customers. One audit row.
 */
export async function importCustomersCsv(
  tx: Tx,
  input: { tenantId: string; userId: string | null; csv: string; dryRun: boolean; country: string; now: Date },
): Promise<ImportCustomersResult> {
  const parsed = parseRows(input.csv, input.country);
  if (!parsed.ok) return parsed;
  const rows = parsed.rows;

  const existing = new Map(
    (
      await tx.any(sql.type(existingRow)`
        SELECT id, phone_number, first_name, last_name, email, to_char(birth_date, 'YYYY-MM-DD') AS birth_date,
               COALESCE(tags, '[]'::jsonb) AS tags, opted_in, opted_out_at
        FROM customers WHERE deleted_at IS NULL AND phone_number = ANY(${sql.array(
          rows.map((row) => row.phone),
          "text",
        )})
        FOR UPDATE
      `)
    ).map((row) => [row.phone_number, row]),
  );
  const newRows = rows.filter((row) => !existing.has(row.phone));
  const { maxCustomers } = await getPlanLimits(tx, input.tenantId);
  if (maxCustomers !== null && newRows.length > 0) {
    const count = await tx.oneFirst(sql.type(z.object({ count: z.number().int() }))`
      SELECT count(*)::int AS count FROM customers WHERE tenant_id = ${input.tenantId} AND deleted_at IS NULL
    `);
    const room = Math.max(0, maxCustomers - count);
    if (newRows.length > room) {
      return {
        ok: false,
        problems: newRows.slice(room).map((row) => ({
          line: row.line,
          message: `your plan allows ${maxCustomers} customers; this row would be over the limit`,
        })),
      };
    }
  }

  const report: ImportCustomersReport = {
    dryRun: input.dryRun,
    rows: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    keptOptedOut: 0,
    errors: [],
  };
  for (const row of rows) {
    const current = existing.get(row.phone);
    if (current === undefined) {
      report.created += 1;
      if (!input.dryRun) await createCustomer(tx, input, row);
      continue;
    }
    const keepsOptOut = row.consent && current.opted_in !== true && current.opted_out_at !== null;
    if (keepsOptOut) report.keptOptedOut += 1;
    const changes = {
      first_name: row.firstName ?? current.first_name,
      last_name: row.lastName ?? current.last_name,
      email: row.email ?? current.email,
      birth_date: row.birthDate ?? current.birth_date,
      tags: row.tags ?? current.tags,
      opted_in: keepsOptOut ? current.opted_in === true : row.consent,
    };
    const same =
      changes.first_name === current.first_name &&
      changes.last_name === current.last_name &&
      changes.email === current.email &&
      changes.birth_date === current.birth_date &&
      JSON.stringify(changes.tags) === JSON.stringify(current.tags) &&
      changes.opted_in === (current.opted_in === true);
    if (same) {
      report.unchanged += 1;
      continue;
    }
    report.updated += 1;
    if (!input.dryRun) await updateCustomer(tx, current.id, changes, current.opted_in === true, input.now);
  }
  if (!input.dryRun) {
    await writeAuditLog(tx, {
      tenantId: input.tenantId,
      actor: vendorOrSystem(input.userId),
      action: "customers.imported",
      entityType: "customer",
      entityId: null,
      newValues: {
        rows: report.rows,
        created: report.created,
        updated: report.updated,
        keptOptedOut: report.keptOptedOut,
      },
    });
  }
  return { ok: true, report };
}

function parseRows(csv: string, country: string): { ok: true; rows: Row[] } | { ok: false; problems: ImportProblem[] } {
  let records: z.infer<typeof parsedRecords>;
  try {
    records = parsedRecords.parse(
      parse(csv, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }),
    );
  } catch (err) {
    const line =
      typeof err === "object" && err !== null && "lines" in err && typeof err.lines === "number" ? err.lines : 1;
    return {
      ok: false,
      problems: [{ line, message: `the file is not valid CSV: ${err instanceof Error ? err.message : String(err)}` }],
    };
  }
  const [header, ...body] = records;
  if (header === undefined)
    return { ok: false, problems: [{ line: 1, message: "the file is empty; the first line must name the columns" }] };
  const columns = header.record.map((name) => name.toLowerCase().replace(/[\s-]+/g, "_"));
  const missing = ["phone", "consent"].filter((name) => !columns.includes(name));
  if (missing.length > 0)
    return { ok: false, problems: [{ line: header.info.lines, message: `missing column(s): ${missing.join(", ")}` }] };
  const unknown = columns.filter((name) => !KNOWN_COLUMNS.some((known) => known === name));
  if (unknown.length > 0)
    return {
      ok: false,
      problems: [
        {
          line: header.info.lines,
          message: `unknown column(s): ${unknown.join(", ")}; known: ${KNOWN_COLUMNS.join(", ")}`,
        },
      ],
    };
  if (body.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      problems: [{ line: 1, message: `at most ${MAX_IMPORT_ROWS} rows per import; split the file` }],
    };

  const problems: ImportProblem[] = [];
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    const cell = (name: string): string | null => {
      const value = record[columns.indexOf(name)];
      return value === undefined || value === "" ? null : value;
    };
    const errors: string[] = [];
    const phone = parsePhone(cell("phone") ?? "", isSupportedCountry(country) ? country : "NG");
    if (!phone.ok) errors.push(`phone "${(cell("phone") ?? "").slice(0, 30)}" is not a phone number`);
    const consentWord = (cell("consent") ?? "").toLowerCase();
    const consent = CONSENT_WORDS[consentWord];
    if (consent === undefined) errors.push("consent must be yes or no");
    const emailValue = cell("email");
    if (emailValue !== null && !email.safeParse(emailValue).success) errors.push("email is not an email address");
    const birthDate = cell("birth_date");
    if (
      birthDate !== null &&
      (!isoDate.safeParse(birthDate).success || birthDate > new Date().toISOString().slice(0, 10))
    ) {
      errors.push("birth_date must be a past date written YYYY-MM-DD");
    }
    const tagsValue = cell("tags");
    const tags =
      tagsValue === null
        ? null
        : tagsValue
            .split(";")
            .map((tag) => tag.trim())
            .filter((tag) => tag !== "");
    if (tags?.some((tag) => tag.length > 50)) errors.push("each tag is at most 50 characters");
    for (const name of ["first_name", "last_name"]) {
      if ((cell(name) ?? "").length > 255) errors.push(`${name} is at most 255 characters`);
    }
    if (phone.ok) {
      const first = seen.get(phone.value);
      if (first !== undefined) errors.push(`the same phone as line ${first}`);
      else seen.set(phone.value, line);
    }
    if (errors.length > 0 || !phone.ok || consent === undefined) {
      problems.push({ line, message: errors.join("; ") });
      continue;
    }
    rows.push({
      line,
      phone: phone.value,
      consent,
      firstName: cell("first_name"),
      lastName: cell("last_name"),
      email: emailValue,
      birthDate,
      tags,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, rows };
}

async function createCustomer(tx: Tx, input: { tenantId: string; now: Date }, row: Row): Promise<void> {
  const result = await findOrCreateCustomer(tx, {
    tenantId: input.tenantId,
    phone: row.phone,
    optedIn: row.consent,
    now: input.now,
  });
  if (!result.ok) throw new Error("plan limit reached during an import that was checked against it");
  await tx.query(sql.type(idRow)`
    UPDATE customers SET first_name = ${row.firstName}, last_name = ${row.lastName}, email = ${row.email},
      birth_date = ${row.birthDate}::date, tags = ${sql.jsonb(row.tags ?? [])}, updated_at = now()
    WHERE id = ${result.customer.id}
    RETURNING id
  `);
}

async function updateCustomer(
  tx: Tx,
  id: string,
  changes: {
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    birth_date: string | null;
    tags: string[];
    opted_in: boolean;
  },
  wasOptedIn: boolean,
  now: Date,
): Promise<void> {
  const at = sql.timestamp(now);
  await tx.query(sql.type(idRow)`
    UPDATE customers SET first_name = ${changes.first_name}, last_name = ${changes.last_name}, email = ${changes.email},
      birth_date = ${changes.birth_date}::date, tags = ${sql.jsonb(changes.tags)}, opted_in = ${changes.opted_in},
      opted_in_at = ${changes.opted_in && !wasOptedIn ? at : sql.fragment`opted_in_at`},
      opted_out_at = ${!changes.opted_in && wasOptedIn ? at : sql.fragment`opted_out_at`},
      updated_at = now()
    WHERE id = ${id}
    RETURNING id
  `);
}
