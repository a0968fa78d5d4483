import { escapeLikeMeta, signWebhookBody } from "../whatsapp/verifyWebhookSignature.ts";

const TIMEOUT_MS = 10_000;

/**
 * POSTs a webhook body to the app's own `/webhook` the way Meta does: JSON with non-ASCII
 * escaped as `\uXXXX`, signed with the app secret in `X-Hub-Signature-256`. Answers the status.
 * @throws when the app cannot be reached.
 */
export async function postSignedWebhook(appUrl: string, appSecret: string, payload: unknown): Promise<number> {
  const body = escapeLikeMeta(JSON.stringify(payload));
  const response = await fetch(`${appUrl}/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(body, appSecret) },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  // Drain the body so the connection can be reused.
  await response.arrayBuffer();
  return response.status;
}
