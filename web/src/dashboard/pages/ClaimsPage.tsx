import { useEffect, useRef, useState } from "preact/hooks";
import { api, ok } from "../../api/client.ts";
import type { Schemas } from "../../api/schema.ts";
import { formatAge, formatCount, formatDateTime, formatNaira, parseNairaToKobo } from "../../lib/format.ts";
import { useFormAction } from "../../lib/useFormAction.ts";
import { useRequest } from "../../lib/useRequest.ts";
import { Field, Loaded, Outcome } from "../../ui/ui.tsx";
import { can, type Session } from "../session.ts";

type Claim = Schemas["ReceiptClaim"];

/** How many pending claims one page shows (the API's largest page). */
export const PENDING_PAGE = 100;

/**
 * Receipt claims waiting for a decision, oldest first: open one to see its photo, approve it
 * into a purchase (the earning rules award the points) or reject it with a reason the customer
 * is told. `onPending` hears the count whenever the list loads (the nav entry shows it).
 */
export function ClaimsPage(props: { session: Session; onPending: (count: number, more: boolean) => void }) {
  const { session, onPending } = props;
  const review = can(session, "people", "can_log_purchases");
  const claims = useRequest(
    () => ok(api.GET("/api/v1/claims", { params: { query: { status: "pending", limit: PENDING_PAGE } } })),
    [],
  );
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    if (claims.status === "ok") onPending(claims.data.data.length, claims.data.next_cursor !== null);
  }, [claims.status, claims.data]);
  return (
    <>
      <h1>Receipt claims</h1>
      <p class="muted">
        Customers send a photo of their receipt on WhatsApp. Check it, then approve it into a purchase or reject it with
        a reason; the customer is told either way.
      </p>
      {review ? null : <p class="banner">Your role may look at claims but not approve or reject them.</p>}
      {done === null ? null : (
        <p class="done" role="status">
          {done}
        </p>
      )}
      <section class="card" aria-labelledby="pending-claims">
        <h2 id="pending-claims">Waiting for a decision</h2>
        <Loaded state={claims} label="the claims">
          {(page) =>
            page.data.length === 0 ? (
              <p>No claims are waiting. New ones appear here as customers send receipts.</p>
            ) : (
              <>
                <p class="muted">
                  {formatCount(page.data.length)}
                  {page.next_cursor === null ? "" : "+"} waiting, oldest first.
                </p>
                <ul class="rows">
                  {page.data.map((claim) => (
                    <li key={claim.id}>
                      <span class="row-main">
                        <strong>{formatNaira(claim.amount_kobo)}</strong>
                        <span class="muted">
                          +{claim.customer_phone} · sent{" "}
                          <time dateTime={claim.created_at} title={formatDateTime(claim.created_at, session.timezone)}>
                            {formatAge(claim.created_at)}
                          </time>
                        </span>
                      </span>
                      <button
                        type="button"
                        class={open === claim.id ? "" : "secondary"}
                        aria-expanded={open === claim.id}
                        aria-controls={`claim-${claim.id}`}
                        aria-label={`${open === claim.id ? "Close" : "Review"} the ${formatNaira(claim.amount_kobo)} claim from +${claim.customer_phone}`}
                        onClick={() => setOpen(open === claim.id ? null : claim.id)}
                      >
                        {open === claim.id ? "Close" : "Review"}
                      </button>
                      {open === claim.id ? (
                        <ClaimReview
                          claim={claim}
                          session={session}
                          review={review}
                          onDecided={(message) => {
                            setOpen(null);
                            setDone(message);
                            claims.reload();
                          }}
                        />
                      ) : null}
                    </li>
                  ))}
                </ul>
                {page.next_cursor === null ? null : (
                  <p class="muted">Showing the oldest {formatCount(PENDING_PAGE)}; decide these to see the rest.</p>
                )}
              </>
            )
          }
        </Loaded>
      </section>
    </>
  );
}

/** One claim opened: its receipt photo, the amount to approve, approve or reject with a reason. */
function ClaimReview(props: { claim: Claim; session: Session; review: boolean; onDecided: (message: string) => void }) {
  const { claim } = props;
  const who = `+${claim.customer_phone}`;
  const [photo, setPhoto] = useState<"loading" | "loaded" | "failed">("loading");
  const [amount, setAmount] = useState(formatNaira(claim.amount_kobo).replace("₦", ""));
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const action = useFormAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const reasonInput = useRef<HTMLInputElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (rejecting) reasonInput.current?.focus();
  }, [rejecting]);

  const approve = async (event: Event) => {
    event.preventDefault();
    const kobo = parseNairaToKobo(amount);
    if (kobo === null || kobo <= 0) return action.fail("Enter the amount on the receipt in naira, e.g. 5,000.");
    await action.run(async () => {
      const approved = await ok(
        api.POST("/api/v1/claims/{id}/approve", {
          params: { path: { id: claim.id } },
          body: kobo === claim.amount_kobo ? {} : { amount_kobo: kobo },
        }),
      );
      props.onDecided(await approvedSentence(approved, who));
      return undefined;
    });
  };
  const reject = async (event: Event) => {
    event.preventDefault();
    if (reason.trim() === "") {
      reasonInput.current?.focus();
      return action.fail("Give a reason for rejecting: the customer is told it.");
    }
    await action.run(async () => {
      const rejected = await ok(
        api.POST("/api/v1/claims/{id}/reject", { params: { path: { id: claim.id } }, body: { reason: reason.trim() } }),
      );
      props.onDecided(
        `Rejected: ${formatNaira(rejected.amount_kobo)} from ${who} (“${rejected.rejection_reason ?? reason.trim()}”). The customer has been told.`,
      );
      return undefined;
    });
  };

  return (
    <div class="claim-review stack" id={`claim-${claim.id}`}>
      <h3 ref={heading} tabIndex={-1}>
        {formatNaira(claim.amount_kobo)} claim from {who}
      </h3>
      <p class="muted">Sent {formatDateTime(claim.created_at, props.session.timezone)}</p>
      <figure class="receipt">
        {photo === "failed" ? (
          <p class="error" role="alert">
            Could not load the receipt photo.
          </p>
        ) : (
          <>
            {photo === "loading" ? (
              <p class="loading" role="status">
                Loading the receipt photo…
              </p>
            ) : null}
            <img
              src={claim.receipt_url}
              alt={`Receipt sent by ${who} for ${formatNaira(claim.amount_kobo)}`}
              onLoad={() => setPhoto("loaded")}
              onError={() => setPhoto("failed")}
            />
          </>
        )}
        <figcaption class="muted">
          <a href={claim.receipt_url} target="_blank" rel="noopener">
            Open the photo full size
          </a>
        </figcaption>
      </figure>
      {props.review ? (
        <>
          <form class="stack" onSubmit={approve} aria-label={`Approve the claim from ${who}`}>
            <Field label="Amount on the receipt (₦)" hint="Change it if the customer typed it wrong">
              <input
                name="approve_amount"
                inputMode="decimal"
                value={amount}
                onInput={(e) => setAmount(e.currentTarget.value)}
              />
            </Field>
            <div class="actions" style="margin-top:0">
              <button type="submit" disabled={action.busy}>
                {action.busy ? "Working…" : "Approve"}
              </button>
              {rejecting ? null : (
                <button type="button" class="secondary" disabled={action.busy} onClick={() => setRejecting(true)}>
                  Reject
                </button>
              )}
            </div>
          </form>
          {rejecting ? (
            <form class="stack" onSubmit={reject} noValidate aria-label={`Reject the claim from ${who}`}>
              <Field label="Reason for rejecting" hint="Sent to the customer on WhatsApp">
                <input
                  ref={reasonInput}
                  name="reject_reason"
                  required
                  aria-required="true"
                  maxLength={300}
                  value={reason}
                  onInput={(e) => setReason(e.currentTarget.value)}
                />
              </Field>
              <div class="actions" style="margin-top:0">
                <button type="submit" class="danger" disabled={action.busy}>
                  Confirm reject
                </button>
                <button type="button" class="secondary" onClick={() => setRejecting(false)}>
                  Cancel
                </button>
              </div>
            </form>
          ) : null}
          <Outcome error={action.error} />
        </>
      ) : null}
    </div>
  );
}

/**
 * "Approved: ₦5,000, +500 points for +234…": the points come from the purchase the approval
 * logged (the claim's answer names it); if that read fails the approval still stands.
 */
async function approvedSentence(claim: Claim, who: string): Promise<string> {
  const amount = formatNaira(claim.amount_kobo);
  if (claim.purchase_id === null) return `Approved: ${amount} for ${who}.`;
  try {
    const purchase = await ok(api.GET("/api/v1/purchases/{id}", { params: { path: { id: claim.purchase_id } } }));
    return `Approved: ${amount}, +${formatCount(purchase.points_awarded)} points for ${who}.`;
  } catch {
    return `Approved: ${amount} for ${who}; see Purchases for the points.`;
  }
}
