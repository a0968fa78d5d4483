import { storeMedia } from "../../db/media.ts";
import type { Tx } from "../../db/sql.ts";
import { renderQrPoster, type QrPosterInput } from "./renderQrPoster.ts";

/**
 * Renders the tenant's QR poster and stores it as a medium of the tenant (on the tenant's
 * transaction), ready for an image reply `{ kind: "image", mediaId }`. The same poster again is
 * stored once.
 * @returns the media id.
 */
export async function storeQrPoster(tx: Tx, tenantId: string, poster: QrPosterInput): Promise<string> {
  const bytes = await renderQrPoster(poster);
  return storeMedia(tx, { tenantId, purpose: "qr_poster", mimeType: "image/png", bytes });
}
