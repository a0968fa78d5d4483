/**
 * What the engine tells the owner flow about rewards, staff, purchases and the plan: data only.
 * The flow words them with the speaker of the owner's language.
 */

/** Figures for one period of TODAY. */
export type PeriodStats = {
  purchases: number;
  amountKobo: number;
  points: number;
  newCustomers: number;
  redemptions: number;
};

export type RewardLine = { name: string; points: number; active: boolean };
export type StaffLine = { name: string; phoneMasked: string; role: string; pinSet: boolean };
export type PurchaseLine = { amountKobo: number; phoneMasked: string; points: number; at: string; by: string | null };
/** One line of PLAN: what is counted, how much is used, and the plan's limit (null: none). */
export type PlanLine = { kind: "customers" | "staff" | "broadcasts" | "purchases"; used: number; limit: number | null };
