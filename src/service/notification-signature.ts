import { createHmac, timingSafeEqual } from "node:crypto";
import { PaylinksError } from "../issues/paylinks-error";

/** The raw body of a notification, exactly as received: the signature covers its bytes. */
export type NotificationBody = string | Uint8Array;

const bytesOf = (body: NotificationBody): Buffer =>
  typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body.buffer, body.byteOffset, body.byteLength);

/** The HMAC-SHA256, in lower-case hex, of `<timestamp>.<body>` under a secret. */
function hmacOf(secret: string, timestamp: string, body: Buffer): string {
  return createHmac("sha256", secret).update(`${timestamp}.`, "utf8").update(body).digest("hex");
}

/**
 * Signs a notification body as the payment platform must: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" under the shared secret>`, the value of the `Paylinks-Signature` header. Use it to write the
 * platform's side (or a test of yours); the service checks it with `receiveNotification`.
 *
 * @param body - The exact body that will be sent.
 * @param secret - The shared secret.
 * @param at - When it is signed.
 * @returns The header value.
 * @example
 * ```ts
 * const body = JSON.stringify({ linkId, status: "PAID", transactionId: "tx-1", at: new Date().toISOString() });
 * await fetch(url, { method: "POST", body, headers: { "Paylinks-Signature": signNotification(body, secret, new Date()) } });
 * ```
 */
export function signNotification(body: NotificationBody, secret: string, at: Date): string {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return `t=${timestamp},v1=${hmacOf(secret, timestamp, bytesOf(body))}`;
}

const unauthorized = (reason: "missing" | "malformed" | "mismatch" | "stale", message: string): PaylinksError =>
  new PaylinksError("unauthorized", message, { details: { reason } });

/** Reads `t=…,v1=…[,v1=…]`: the timestamp and every v1 signature, or throws `unauthorized` (`malformed`). */
function parseHeader(header: string): { timestamp: string; signatures: string[] } {
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value, ...rest] = part.trim().split("=");
    if (rest.length > 0 || value === undefined) throw unauthorized("malformed", "The signature header is malformed");
    if (key === "t" && /^\d{1,12}$/.test(value) && timestamp === undefined) timestamp = value;
    else if (key === "v1" && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
    else if (key === "t" || key === "v1") throw unauthorized("malformed", "The signature header is malformed");
  }
  if (timestamp === undefined || signatures.length === 0) {
    throw unauthorized("malformed", "The signature header needs a timestamp t and a v1 signature");
  }
  return { timestamp, signatures };
}

/**
 * Checks a notification's signature: one of its `v1` signatures is the HMAC of its timestamp and body under one
 * of the secrets (compared in constant time), and the timestamp is within `toleranceMs` of `now`, either way.
 * Internal.
 *
 * @throws {@link PaylinksError} `unauthorized`, `details.reason` `missing`, `malformed`, `mismatch` or `stale`.
 */
export function verifySignature(
  header: unknown,
  body: NotificationBody,
  secrets: readonly string[],
  now: Date,
  toleranceMs: number,
): void {
  if (typeof header !== "string" || header.trim() === "") {
    throw unauthorized("missing", "The notification has no signature");
  }
  if (header.length > 2048) throw unauthorized("malformed", "The signature header is malformed");
  const { timestamp, signatures } = parseHeader(header);
  const bytes = bytesOf(body);
  const expected = secrets.map((secret) => Buffer.from(hmacOf(secret, timestamp, bytes), "hex"));
  let matched = false;
  for (const signature of signatures) {
    const given = Buffer.from(signature, "hex");
    // Every pair is compared, so the time taken does not tell which secret or signature matched.
    for (const candidate of expected) if (timingSafeEqual(given, candidate)) matched = true;
  }
  if (!matched) throw unauthorized("mismatch", "The notification's signature does not match its body");
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > toleranceMs) {
    throw unauthorized("stale", "The notification's signature is outside its time window");
  }
}
