import { sql } from "slonik";
import { z } from "zod";

export { sql };

/** Row schema for statements whose rows we do not read (SET, UPDATE without RETURNING, …). */
export const noRows = z.object({}).loose();

export type { DatabaseTransactionConnection as Tx, CommonQueryMethods as Db } from "slonik";
