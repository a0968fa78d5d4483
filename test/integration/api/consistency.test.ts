import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { redeemReward } from "../../../src/domain/rewards/redeemReward.ts";
import { call, uniqueLocalPhone } from "./apiHelpers.ts";
import { startApiSuite } from "./apiSuite.ts";
import { createFullTenant } from "./tenantFixture.ts";

/** Purchases under concurrent retries, balance = Σ ledger, and audit rows for sensitive actions. */
const { app, platformToken } = await startApiSuite({ role: "web" });
const tenant = await createFullTenant(app, platformToken, "Consistency Cafe");

async function ledgerAndBalance(customerId: string): Promise<{ ledger: number; balance: number }> {
  return withPlatform(app.pool, (tx) =>
    tx.one(sql.type(z.object({ ledger: z.number(), balance: z.number() }))`
      SELECT (SELECT COALESCE(sum(points), 0) FROM points_transactions WHERE customer_id = ${customerId}) AS ledger,
             (SELECT COALESCE(current_balance, 0) FROM customer_points_balance WHERE customer_id = ${customerId}) AS balance
    `),
  );
}

async function auditActions(entityId: string): Promise<readonly string[]> {
  return withPlatform(app.pool, (tx) =>
    tx.anyFirst(sql.type(z.object({ action: z.string() }))`
      SELECT action FROM audit_logs WHERE tenant_id = ${tenant.id} AND entity_id = ${entityId} ORDER BY created_at, id
    `),
  );
}

describe("consistency", { timeout: 120_000 }, () => {
  it("when the same purchase is retried 10 times in parallel, then one purchase is logged and every answer names it", async () => {
    const body = { customer_phone: uniqueLocalPhone(), amount_kobo: 300000, idempotency_key: `retry-${Date.now()}` };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call(app, "post", "/api/v1/purchases", { token: tenant.apiKey, body })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(9);
    const ids = new Set(answers.map((a) => z.object({ id: z.uuid() }).parse(a.body).id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const rows = await withPlatform(app.pool, (tx) =>
      tx.one(sql.type(z.object({ purchases: z.number(), earned: z.number(), customers: z.number() }))`
        SELECT (SELECT count(*) FROM purchases WHERE tenant_id = ${tenant.id} AND idempotency_key = ${body.idempotency_key}) AS purchases,
               (SELECT count(*) FROM points_transactions WHERE purchase_id = ${id ?? null}) AS earned,
               (SELECT count(*) FROM customers WHERE tenant_id = ${tenant.id} AND phone_number = ${`234${body.customer_phone.slice(1)}`}) AS customers
      `),
    );
    expect(rows).toEqual({ purchases: 1, earned: 1, customers: 1 });
  });

  it("when many adjustments run, in parallel and in both directions, then the balance always equals the sum of the ledger", async () => {
    const customerId = tenant.fixture.customerId;
    const deltas = [50, -20, 30, -10, 5, -5, 40, -100000, 15, -15, 7, 3];
    const answers = await Promise.all(
      deltas.map((points, i) =>
        call(app, "post", `/api/v1/customers/${customerId}/adjustments`, {
          token: tenant.ownerToken,
          body: { points, reason: `batch ${i}` },
        }),
      ),
    );
    for (const [i, answer] of answers.entries()) {
      expect([201, 409]).toContain(answer.status);
      if (deltas[i] === -100000) expect(answer.status).toBe(409);
    }
    const { ledger, balance } = await ledgerAndBalance(customerId);
    expect(balance).toBe(ledger);
    expect(balance).toBeGreaterThanOrEqual(0);
    const detail = await call(app, "get", `/api/v1/customers/${customerId}`, { token: tenant.ownerToken });
    const shown = z
      .object({ balance: z.number(), lots: z.array(z.object({ points_remaining: z.number() })) })
      .parse(detail.body);
    expect(shown.balance).toBe(ledger);
    expect(shown.lots.reduce((sum, lot) => sum + lot.points_remaining, 0)).toBe(ledger);
  });

  it("when a redemption is cancelled, then its points come back, balance = Σ ledger, and it is audited", async () => {
    const before = await ledgerAndBalance(tenant.fixture.customerId);
    const res = await call(app, "post", `/api/v1/redemptions/${tenant.fixture.redemptionId}/cancel`, {
      token: tenant.ownerToken,
      body: { reason: "Out of zobo" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "cancelled", cancellation_reason: "Out of zobo" });
    const after = await ledgerAndBalance(tenant.fixture.customerId);
    expect(after.balance).toBe(before.balance + 10);
    expect(after.balance).toBe(after.ledger);
    expect(await auditActions(tenant.fixture.redemptionId)).toContain("redemption.cancelled");
    const again = await call(app, "post", `/api/v1/redemptions/${tenant.fixture.redemptionId}/cancel`, {
      token: tenant.ownerToken,
      body: { reason: "x" },
    });
    expect(again.status).toBe(409);
  });

  it("when sensitive actions are taken through the API, then each writes an audit row naming its actor", async () => {
    const token = tenant.ownerToken;
    const staffId = tenant.fixture.staffId;
    expect((await call(app, "put", `/api/v1/staff/${staffId}/pin`, { token, body: { pin: "5678" } })).status).toBe(204);
    expect((await call(app, "post", `/api/v1/customers/${tenant.fixture.customerId}/block`, { token })).status).toBe(
      200,
    );
    expect((await call(app, "post", `/api/v1/customers/${tenant.fixture.customerId}/unblock`, { token })).status).toBe(
      200,
    );
    const rewardRes = await call(app, "post", "/api/v1/rewards", {
      token,
      body: { name: "Chapman", points_required: 5 },
    });
    const rewardId = z.object({ id: z.uuid() }).parse(rewardRes.body).id;
    expect((await call(app, "delete", `/api/v1/rewards/${rewardId}`, { token })).status).toBe(204);
    expect((await call(app, "get", `/api/v1/rewards/${rewardId}`, { token })).status).toBe(404);
    expect(
      (
        await call(app, "post", `/api/platform/tenants/${tenant.id}/suspend`, {
          token: platformToken,
          body: { reason: "Audit test" },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(app, "post", `/api/platform/tenants/${tenant.id}/reactivate`, { token: platformToken, body: {} }))
        .status,
    ).toBe(200);

    expect(await auditActions(staffId)).toEqual(expect.arrayContaining(["staff.created", "staff.pin_changed"]));
    expect(await auditActions(tenant.fixture.customerId)).toEqual(
      expect.arrayContaining(["points.adjusted", "customer.blocked", "customer.unblocked"]),
    );
    expect(await auditActions(rewardId)).toEqual(["reward.created", "reward.deleted"]);
    expect(await auditActions(tenant.id)).toEqual(
      expect.arrayContaining(["tenant.created", "tenant.suspended", "tenant.reactivated"]),
    );
    const suspendRow = await withPlatform(app.pool, (tx) =>
      tx.one(sql.type(z.object({ user_type: z.string(), new_values: z.unknown() }))`
        SELECT user_type, new_values FROM audit_logs WHERE entity_id = ${tenant.id} AND action = 'tenant.suspended'`),
    );
    expect(suspendRow).toEqual({
      user_type: "platform_admin",
      new_values: { status: "suspended", reason: "Audit test" },
    });
    const pinRows = await withPlatform(app.pool, (tx) =>
      tx.anyFirst(sql.type(z.object({ v: z.string() }))`
        SELECT COALESCE(new_values::text, '') AS v FROM audit_logs WHERE entity_id = ${staffId}`),
    );
    for (const row of pinRows) expect(row).not.toMatch(/5678|1234|scrypt/);
  });

  it("when a redemption code is verified at the till, then it is fulfilled once and audited", async () => {
    const result = await withTenant(app.pool, tenant.id, (tx) =>
      redeemReward(tx, {
        tenantId: tenant.id,
        customerId: tenant.fixture.customerId,
        rewardId: tenant.fixture.rewardId,
        now: new Date(),
      }),
    );
    if (!result.ok) throw new Error(result.reason);
    const verified = await call(app, "post", "/api/v1/redemptions/verify", {
      token: tenant.staffToken,
      body: { code: result.code.toLowerCase() },
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: "fulfilled", code: result.code });
    const twice = await call(app, "post", `/api/v1/redemptions/${result.redemptionId}/fulfil`, {
      token: tenant.staffToken,
    });
    expect(twice.status).toBe(409);
    expect(await auditActions(result.redemptionId)).toEqual(["redemption.verified"]);
  });
});
