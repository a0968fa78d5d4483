import { z } from "zod";

/** What the Graph API says about a phone number id, read with a given token. */
export type GraphPhoneNumber = { id: string; displayPhoneNumber: string; verifiedName: string | null };

export type ReadPhoneNumberResult =
  | { ok: true; number: GraphPhoneNumber }
  | { ok: false; reason: "rejected" | "unreachable"; status?: number };

// https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account-to-number-current-status/
const phoneNumberBody = z.looseObject({
  id: z.string().regex(/^\d+$/),
  display_phone_number: z.string().min(1).max(32),
  verified_name: z.string().max(255).optional(),
});

/**
 * Reads `GET /{version}/{phone-number-id}` with `token`. Meta answers only when the token may use
 * that number (otherwise 400 code 100 "does not exist or missing permissions", or 401 code 190
 * for a bad token), so a 200 naming the same id proves the token's owner holds the number.
 */
export async function readPhoneNumber(
  options: { apiUrl: string; apiVersion: string; timeoutMs?: number },
  phoneNumberId: string,
  token: string,
): Promise<ReadPhoneNumberResult> {
  const url = `${options.apiUrl}/${options.apiVersion}/${encodeURIComponent(phoneNumberId)}?fields=id,display_phone_number,verified_name`;
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch {
    return { ok: false, reason: "unreachable" };
  }
  if (res.status >= 500) return { ok: false, reason: "unreachable", status: res.status };
  if (res.status !== 200) return { ok: false, reason: "rejected", status: res.status };
  const parsed = phoneNumberBody.safeParse(await res.json().catch(() => null));
  if (!parsed.success || parsed.data.id !== phoneNumberId) return { ok: false, reason: "rejected", status: res.status };
  return {
    ok: true,
    number: {
      id: parsed.data.id,
      displayPhoneNumber: parsed.data.display_phone_number,
      verifiedName: parsed.data.verified_name ?? null,
    },
  };
}
