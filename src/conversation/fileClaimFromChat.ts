import type { CustomerEvent } from "../../flows/customer.ts";
import type { Tx } from "../db/sql.ts";
import { fileReceiptClaim, MAX_RECEIPT_BYTES, RECEIPT_MIME_TYPES } from "../domain/claims/fileReceiptClaim.ts";
import type { TenantSettings } from "../domain/tenants/getTenantSettings.ts";
import type { Logger } from "../logger.ts";
import { receiptKey } from "../storage/receiptStore.ts";
import type { ClaimMedia } from "./claimMedia.ts";

type ClaimAnswer = Extract<CustomerEvent, { type: "CLAIM_FILED" } | { type: "CLAIM_REFUSED" }>;

/**
 * A customer's receipt photo from chat becomes a claim: the vendor's switch and the amount limit
 * are checked first (no download for a claim that cannot be filed), then the photo is fetched
 * from the Graph API (its size checked before and while downloading), stored under its hash and
 * filed by `fileReceiptClaim`, which refuses a duplicate photo and a day over the limit.
 */
export async function fileClaimFromChat(
  tx: Tx,
  media: ClaimMedia,
  input: {
    tenantId: string;
    customerId: string;
    settings: TenantSettings;
    mediaId: string;
    amountKobo: number;
    now: Date;
    log: Logger;
  },
): Promise<ClaimAnswer> {
  const { settings, log } = input;
  if (!settings.claims.enabled) return { type: "CLAIM_REFUSED", reason: "claims_off" };
  if (input.amountKobo > settings.claims.max_amount_kobo)
    return { type: "CLAIM_REFUSED", reason: "over_max_amount", limit: settings.claims.max_amount_kobo };
  const downloaded = await media.download(input.mediaId, {
    maxBytes: MAX_RECEIPT_BYTES,
    mimeTypes: RECEIPT_MIME_TYPES,
  });
  if (!downloaded.ok) {
    log.warn({ tenantId: input.tenantId, reason: downloaded.reason }, "receipt photo not downloaded");
    return { type: "CLAIM_REFUSED", reason: downloaded.reason === "not_found" ? "failed" : downloaded.reason };
  }
  const { bytes, mimeType, sha256 } = downloaded.media;
  const key = receiptKey(input.tenantId, sha256);
  await media.store.put(key, bytes, mimeType);
  const filed = await fileReceiptClaim(tx, {
    tenantId: input.tenantId,
    customerId: input.customerId,
    amountKobo: input.amountKobo,
    receipt: { key, sha256, mimeType, bytes: bytes.byteLength },
    now: input.now,
  });
  if (!filed.ok) {
    log.info({ tenantId: input.tenantId, reason: filed.reason }, "receipt claim refused");
    return filed.limit === undefined
      ? { type: "CLAIM_REFUSED", reason: filed.reason }
      : { type: "CLAIM_REFUSED", reason: filed.reason, limit: filed.limit };
  }
  log.info({ tenantId: input.tenantId, claimId: filed.claim.id }, "receipt claim filed");
  return { type: "CLAIM_FILED", amountKobo: filed.claim.amountKobo };
}
