import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sql } from "../../../src/db/sql.ts";
import { withPlatform, withTenant } from "../../../src/db/withTenant.ts";
import { creditPoints } from "../../../src/domain/ledger/creditPoints.ts";
import { SCHEDULED_QUEUE } from "../../../src/jobs/scheduled/scheduledJobs.ts";
import { recipientOf, SHARED_PHONE_NUMBER_ID, textOf } from "../../helpers/testApp.ts";
import { randomPhone } from "../../helpers/testContext.ts";
import { call, errorBody, onboardTenant, type ApiResponse } from "./apiHelpers.ts";
import { startApiSuite } from "./apiSuite.ts";
import { createFullTenant } from "./tenantFixture.ts";

/**
 * The vendor broadcast routes end to end: the API creates and sends, the scheduled worker fans
 * out, the outbound worker sends templates to the fake Graph API, status callbacks move the
 * counters the API reads back.
 */
const { app, platformToken } = await startApiSuite();
const a = await createFullTenant(app, platformToken, "Broadcast Foods");

const broadcastBody = z.object({
  id: z.uuid(),
  name: z.string(),
  message_content: z.string(),
  target_segment: z.record(z.string(), z.unknown()),
  status: z.string(),
  scheduled_at: z.string().nullable(),
  total_recipients: z.number(),
  sent_count: z.number(),
  delivered_count: z.number(),
  read_count: z.number(),
  failed_count: z.number(),
  cancelled_at: z.string().nullable(),
});
const pageBody = z.object({ data: z.array(broadcastBody), next_cursor: z.string().nullable() });

type CustomerAttrs = { tags?: string[]; points?: number; optedIn?: boolean; loyaltyStatus?: string };

async function addCustomer(tenantId: string, attrs: CustomerAttrs): Promise<string> {
  const phone = randomPhone();
  await withTenant(app.pool, tenantId, async (tx) => {
    const customerId = await tx.oneFirst(sql.type(z.object({ id: z.string() }))`
      INSERT INTO customers (tenant_id, phone_number, loyalty_status, opted_in, tags)
      VALUES (${tenantId}, ${phone}, ${attrs.loyaltyStatus ?? "active"}, ${attrs.optedIn ?? true}, ${sql.jsonb(attrs.tags ?? [])})
      RETURNING id`);
    if (attrs.points !== undefined) {
      await creditPoints(tx, {
        tenantId,
        customerId,
        type: "earned",
        points: attrs.points,
        expiresAt: null,
        description: "t",
        metadata: {},
      });
    }
  });
  return phone;
}

async function createBroadcast(
  token: string,
  targetSegment: Record<string, unknown>,
  name = "Weekend promo",
): Promise<string> {
  const res = await call(app, "post", "/api/v1/broadcasts", {
    token,
    body: { name, message_content: "Double points all weekend!", target_segment: targetSegment },
  });
  expect(res.status).toBe(201);
  return broadcastBody.parse(res.body).id;
}

async function readBroadcast(token: string, id: string) {
  const res = await call(app, "get", `/api/v1/broadcasts/${id}`, { token });
  expect(res.status).toBe(200);
  return broadcastBody.parse(res.body);
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function errorCode(res: ApiResponse): string {
  return errorBody.parse(res.body).error.code;
}

const broadcastSendsTo = (phones: readonly string[]) =>
  app.graph.requests.filter(
    (r) => phones.includes(recipientOf(r) ?? "") && textOf(r.body) === "template:loyalty_broadcast",
  );

/** A Meta status callback for one sent message. */
function statusPayload(wamid: string, phone: string, status: "delivered" | "read") {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA_ID",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550000000", phone_number_id: SHARED_PHONE_NUMBER_ID },
              statuses: [{ id: wamid, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: phone }],
            },
          },
        ],
      },
    ],
  };
}

describe("broadcast routes", { timeout: 90_000 }, () => {
  it("when a broadcast is created and sent, then exactly the opted-in, unblocked customers of its segment get the template and the counters follow", async () => {
    const vip = await addCustomer(a.id, { tags: ["vip"], points: 200 });
    const gold = await addCustomer(a.id, { tags: ["gold"], points: 150, loyaltyStatus: "inactive" });
    const poorVip = await addCustomer(a.id, { tags: ["vip"], points: 50 });
    const regular = await addCustomer(a.id, { tags: ["regular"], points: 300 });
    const optedOut = await addCustomer(a.id, { tags: ["vip"], points: 300, optedIn: false });
    const blocked = await addCustomer(a.id, { tags: ["vip"], points: 300, loyaltyStatus: "blocked" });
    const everyone = [vip, gold, poorVip, regular, optedOut, blocked];

    const created = await call(app, "post", "/api/v1/broadcasts", {
      token: a.ownerToken,
      body: {
        name: "VIP weekend",
        message_content: "Double points all weekend!",
        target_segment: { tags: ["vip", "gold"], min_points: 100 },
      },
    });
    expect(created.status).toBe(201);
    const draft = broadcastBody.parse(created.body);
    expect(draft).toMatchObject({
      status: "draft",
      total_recipients: 0,
      sent_count: 0,
      target_segment: { tags: ["vip", "gold"], min_points: 100 },
    });
    const listed = pageBody.parse(
      (await call(app, "get", "/api/v1/broadcasts?status=draft", { token: a.ownerToken })).body,
    );
    expect(listed.data.map((b) => b.id)).toContain(draft.id);

    const sent = await call(app, "post", `/api/v1/broadcasts/${draft.id}/send`, { token: a.adminToken });
    expect(sent.status).toBe(202);
    expect(broadcastBody.parse(sent.body)).toMatchObject({ id: draft.id, status: "scheduled" });
    // The route itself queued the start (the minute scan of due broadcasts is only the fallback).
    expect(await app.runtime.queues.queue(SCHEDULED_QUEUE).getJob(`bcast-${draft.id}`)).toBeDefined();

    const done = await waitFor(
      "completion",
      () => readBroadcast(a.ownerToken, draft.id),
      (b) => b.status === "completed",
    );
    expect(done).toMatchObject({ total_recipients: 2, sent_count: 2, failed_count: 0, delivered_count: 0 });
    const sends = broadcastSendsTo(everyone);
    expect(sends.map((r) => recipientOf(r)).sort()).toEqual([vip, gold].sort());
    expect(sends[0]?.body).toMatchObject({ type: "template", template: { name: "loyalty_broadcast" } });
    expect(JSON.stringify(sends[0]?.body)).toContain("Double points all weekend!");
    expect(JSON.stringify(sends[0]?.body)).toContain("Broadcast Foods");

    // Status callbacks move the counters the API shows.
    const wamids = await withPlatform(app.pool, (tx) =>
      tx.any(sql.type(z.object({ whatsapp_message_id: z.string(), contact_phone: z.string() }))`
        SELECT whatsapp_message_id, contact_phone FROM whatsapp_messages WHERE broadcast_id = ${draft.id} ORDER BY contact_phone`),
    );
    expect(wamids).toHaveLength(2);
    const [first, second] = wamids;
    if (first === undefined || second === undefined) throw new Error("unreachable");
    expect(
      (await app.postWebhook(statusPayload(first.whatsapp_message_id, first.contact_phone, "delivered"))).status,
    ).toBe(200);
    expect(
      (await app.postWebhook(statusPayload(second.whatsapp_message_id, second.contact_phone, "read"))).status,
    ).toBe(200);
    const counted = await waitFor(
      "counters",
      () => readBroadcast(a.ownerToken, draft.id),
      (b) => b.delivered_count === 2,
    );
    expect(counted).toMatchObject({
      status: "completed",
      sent_count: 2,
      delivered_count: 2,
      read_count: 1,
      failed_count: 0,
    });

    // Sending it again is refused; nothing more goes out.
    const again = await call(app, "post", `/api/v1/broadcasts/${draft.id}/send`, { token: a.ownerToken });
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe("invalid_transition");
    const cancelDone = await call(app, "post", `/api/v1/broadcasts/${draft.id}/cancel`, { token: a.ownerToken });
    expect(cancelDone.status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(broadcastSendsTo(everyone)).toHaveLength(2);
  });

  it("when a broadcast is scheduled, rescheduled and cancelled, then each answer shows the new state and nothing is sent", async () => {
    const phone = await addCustomer(a.id, { tags: ["later"] });
    const id = await createBroadcast(a.ownerToken, { tags: ["later"] });

    const scheduled = await call(app, "post", `/api/v1/broadcasts/${id}/schedule`, {
      token: a.ownerToken,
      body: { scheduled_at: "2030-01-01T09:00:00Z" },
    });
    expect(scheduled.status).toBe(200);
    expect(broadcastBody.parse(scheduled.body)).toMatchObject({
      status: "scheduled",
      scheduled_at: "2030-01-01T09:00:00.000Z",
    });
    const moved = await call(app, "post", `/api/v1/broadcasts/${id}/schedule`, {
      token: a.adminToken,
      body: { scheduled_at: "2030-02-01T10:00:00+01:00" },
    });
    expect(broadcastBody.parse(moved.body)).toMatchObject({
      status: "scheduled",
      scheduled_at: "2030-02-01T09:00:00.000Z",
    });
    const past = await call(app, "post", `/api/v1/broadcasts/${id}/schedule`, {
      token: a.ownerToken,
      body: { scheduled_at: "2020-01-01T00:00:00Z" },
    });
    expect(past.status).toBe(400);
    expect(errorCode(past)).toBe("validation_error");
    const listed = pageBody.parse(
      (await call(app, "get", "/api/v1/broadcasts?status=scheduled", { token: a.ownerToken })).body,
    );
    expect(listed.data.map((b) => b.id)).toContain(id);

    const cancelled = await call(app, "post", `/api/v1/broadcasts/${id}/cancel`, { token: a.ownerToken });
    expect(cancelled.status).toBe(200);
    expect(broadcastBody.parse(cancelled.body)).toMatchObject({
      status: "cancelled",
      cancelled_at: expect.any(String),
      sent_count: 0,
    });
    const reschedule = await call(app, "post", `/api/v1/broadcasts/${id}/schedule`, {
      token: a.ownerToken,
      body: { scheduled_at: "2030-01-01T09:00:00Z" },
    });
    expect(reschedule.status).toBe(409);
    const send = await call(app, "post", `/api/v1/broadcasts/${id}/send`, { token: a.ownerToken });
    expect(send.status).toBe(409);
    expect((await call(app, "post", `/api/v1/broadcasts/${id}/cancel`, { token: a.ownerToken })).status).toBe(409);
    expect(await readBroadcast(a.ownerToken, id)).toMatchObject({ status: "cancelled", total_recipients: 0 });
    expect(broadcastSendsTo([phone])).toHaveLength(0);
  });

  it("when a draft is cancelled, then it can never be sent", async () => {
    const id = await createBroadcast(a.ownerToken, {});
    expect((await call(app, "post", `/api/v1/broadcasts/${id}/cancel`, { token: a.adminToken })).status).toBe(200);
    expect((await call(app, "post", `/api/v1/broadcasts/${id}/send`, { token: a.ownerToken })).status).toBe(409);
  });

  it("when the body is invalid, then it answers 400 and nothing is created", async () => {
    const bad = [
      { name: "x", message_content: "hi" },
      { name: "x", message_content: "hi", target_segment: { loyalty_status: "blocked" } },
      { name: "x", message_content: "hi", target_segment: { tags: [] } },
      { name: "x", message_content: "hi", target_segment: { min_points: -1 } },
      { name: "x", message_content: "hi", target_segment: { unknown_key: 1 } },
      { name: "x", message_content: "hi", target_segment: { last_purchase_before: "yesterday" } },
      { name: "x", message_content: "m".repeat(1025), target_segment: {} },
      { name: " ", message_content: "hi", target_segment: {} },
    ];
    const before = pageBody.parse(
      (await call(app, "get", "/api/v1/broadcasts?limit=100", { token: a.ownerToken })).body,
    ).data.length;
    for (const body of bad) {
      const res = await call(app, "post", "/api/v1/broadcasts", { token: a.ownerToken, body });
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(errorCode(res)).toBe("validation_error");
    }
    const after = pageBody.parse((await call(app, "get", "/api/v1/broadcasts?limit=100", { token: a.ownerToken })).body)
      .data.length;
    expect(after).toBe(before);
  });

  it("when broadcasts are listed with a limit, then the cursor walks every page once, newest first", async () => {
    const tenant = await onboardTenant(app, platformToken, "Paging Foods");
    for (const name of ["one", "two", "three"]) await createBroadcast(tenant.ownerToken, {}, name);
    const first = pageBody.parse(
      (await call(app, "get", "/api/v1/broadcasts?limit=2", { token: tenant.ownerToken })).body,
    );
    expect(first.data.map((b) => b.name)).toEqual(["three", "two"]);
    expect(first.next_cursor).not.toBeNull();
    const second = pageBody.parse(
      (
        await call(app, "get", `/api/v1/broadcasts?limit=2&cursor=${first.next_cursor ?? ""}`, {
          token: tenant.ownerToken,
        })
      ).body,
    );
    expect(second).toEqual({ data: [expect.objectContaining({ name: "one" })], next_cursor: null });
  });

  it("when staff or an API key call the broadcast routes, then they answer 403; a can_broadcast grant opens them and a denial closes them to an admin", async () => {
    const id = await createBroadcast(a.ownerToken, { tags: ["nobody-has-this"] });
    const routes: [string, string, unknown][] = [
      ["post", "/api/v1/broadcasts", { name: "x", message_content: "y", target_segment: {} }],
      ["get", "/api/v1/broadcasts", undefined],
      ["get", `/api/v1/broadcasts/${id}`, undefined],
      ["post", `/api/v1/broadcasts/${id}/schedule`, { scheduled_at: "2030-01-01T09:00:00Z" }],
      ["post", `/api/v1/broadcasts/${id}/send`, undefined],
      ["post", `/api/v1/broadcasts/${id}/cancel`, undefined],
    ];
    for (const token of [a.staffToken, a.apiKey]) {
      for (const [method, path, body] of routes) {
        const res = await call(app, method, path, { token, body });
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
      }
    }
    expect(await readBroadcast(a.ownerToken, id)).toMatchObject({ status: "draft" });

    const grant = await call(app, "patch", `/api/v1/staff/${a.fixture.staffId}`, {
      token: a.ownerToken,
      body: { permissions: { can_broadcast: true } },
    });
    expect(grant.status).toBe(200);
    expect((await call(app, "get", `/api/v1/broadcasts/${id}`, { token: a.staffToken })).status).toBe(200);
    expect(
      (
        await call(app, "post", "/api/v1/broadcasts", {
          token: a.staffToken,
          body: { name: "x", message_content: "y", target_segment: {} },
        })
      ).status,
    ).toBe(201);
    await call(app, "patch", `/api/v1/staff/${a.fixture.staffId}`, { token: a.ownerToken, body: { permissions: {} } });
    expect((await call(app, "get", `/api/v1/broadcasts/${id}`, { token: a.staffToken })).status).toBe(403);

    const staffList = z
      .object({ data: z.array(z.object({ id: z.uuid(), role: z.string() })) })
      .parse((await call(app, "get", "/api/v1/staff", { token: a.ownerToken })).body);
    const adminId = staffList.data.find((s) => s.role === "admin")?.id;
    expect(adminId).toBeDefined();
    await call(app, "patch", `/api/v1/staff/${adminId ?? ""}`, {
      token: a.ownerToken,
      body: { permissions: { can_broadcast: false } },
    });
    expect((await call(app, "get", "/api/v1/broadcasts", { token: a.adminToken })).status).toBe(403);
    await call(app, "patch", `/api/v1/staff/${adminId ?? ""}`, { token: a.ownerToken, body: { permissions: {} } });
    expect((await call(app, "get", "/api/v1/broadcasts", { token: a.adminToken })).status).toBe(200);
  });

  it("when tenant B uses tenant A's broadcast id, then every route answers 404 and A's broadcast is unchanged", async () => {
    const b = await onboardTenant(app, platformToken, "Other Foods");
    const phone = await addCustomer(a.id, { tags: ["tenant-a-only"] });
    const id = await createBroadcast(a.ownerToken, { tags: ["tenant-a-only"] });
    const attempts: [string, string, unknown][] = [
      ["get", `/api/v1/broadcasts/${id}`, undefined],
      ["post", `/api/v1/broadcasts/${id}/schedule`, { scheduled_at: "2030-01-01T09:00:00Z" }],
      ["post", `/api/v1/broadcasts/${id}/send`, undefined],
      ["post", `/api/v1/broadcasts/${id}/cancel`, undefined],
    ];
    for (const [method, path, body] of attempts) {
      const res = await call(app, method, path, { token: b.ownerToken, body });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(errorCode(res)).toBe("not_found");
    }
    const listed = pageBody.parse((await call(app, "get", "/api/v1/broadcasts", { token: b.ownerToken })).body);
    expect(listed.data).toEqual([]);
    expect(await readBroadcast(a.ownerToken, id)).toMatchObject({ status: "draft", scheduled_at: null });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(broadcastSendsTo([phone])).toHaveLength(0);
  });

  it("when the plan's broadcasts_per_month are used up, then send and schedule answer 402 plan_limit_reached and the broadcast stays a draft", async () => {
    const tenant = await onboardTenant(app, platformToken, "Trial Foods");
    // The trial plan allows 5 a month: five that started this month use them up.
    await withTenant(app.pool, tenant.id, (tx) =>
      tx.query(sql.type(z.object({ id: z.string() }))`
        INSERT INTO broadcasts (tenant_id, name, message_content, status, started_at, completed_at)
        SELECT ${tenant.id}, 'Earlier ' || n, 'Hello', 'completed', now(), now() FROM generate_series(1, 5) AS n
        RETURNING id`),
    );
    const phone = await addCustomer(tenant.id, {});
    const id = await createBroadcast(tenant.ownerToken, {});
    const send = await call(app, "post", `/api/v1/broadcasts/${id}/send`, { token: tenant.ownerToken });
    expect(send.status).toBe(402);
    expect(errorBody.parse(send.body).error).toMatchObject({
      code: "plan_limit_reached",
      message: expect.stringContaining("5 broadcasts a month"),
    });
    const schedule = await call(app, "post", `/api/v1/broadcasts/${id}/schedule`, {
      token: tenant.ownerToken,
      body: { scheduled_at: "2030-01-01T09:00:00Z" },
    });
    expect(schedule.status).toBe(402);
    expect(errorCode(schedule)).toBe("plan_limit_reached");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readBroadcast(tenant.ownerToken, id)).toMatchObject({ status: "draft", total_recipients: 0 });
    expect(broadcastSendsTo([phone])).toHaveLength(0);
  });
});
