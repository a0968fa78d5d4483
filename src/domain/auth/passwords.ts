import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { passwordHashQueue } from "./hashQueue.ts";

/** scrypt cost: N=2^15, r=8, p=1 (OWASP's recommended minimum), 64-byte key. */
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 64;

/**
 * Hashes a password or PIN with scrypt and a random salt. The result carries its parameters:
 * `scrypt$N$r$p$<salt b64>$<key b64>`.
 */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Checks a secret against a stored hash in constant time; a malformed hash never matches. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
  const salt = Buffer.from(parts[4] ?? "", "base64");
  const expected = Buffer.from(parts[5] ?? "", "base64");
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await derive(secret, salt, { N, r, p, maxmem: PARAMS.maxmem });
  return timingSafeEqual(actual, expected);
}

/** scrypt off the event loop, through the bounded queue (@throws HashingBusyError when it is full). */
function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return passwordHashQueue.run(
    () =>
      new Promise((resolve, reject) => {
        scrypt(secret.normalize("NFKC"), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
      }),
  );
}
