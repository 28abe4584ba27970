import { createHash } from "node:crypto";
import type { OutgoingMail } from "../../ports/mail-transport";

/** A link id that can name a file as it is: ASCII letters, digits, `_` and `-` (nanoid's alphabet). */
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Names Windows reserves whatever the extension. */
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

/** The Message-ID the service makes: `<link-id.send-number@domain>`. */
const SERVICE_MESSAGE_ID = /^<([^<>@\s]+)\.(\d{1,9})@[^<>\s]+>$/;

/**
 * The name of the `.eml` file of a mail in the outbox: `<linkId>.<sendNumber>.eml` when the Message-ID is the
 * service's `<linkId.sendNumber@domain>` and the link id is filesystem-safe, else the link id with every unsafe
 * character replaced by `_`, a dot and 16 hex digits of the Message-ID's SHA-256. The same Message-ID always
 * gives the same name, so sending it again overwrites the same file; two Message-IDs never share one. The
 * envelope sidecar is the same name with `.envelope.json` instead of `.eml`.
 *
 * @param mail - The link id and the Message-ID of the mail.
 * @returns A file name, without a folder.
 * @example
 * ```ts
 * outboxFileName({ linkId: "V1StGXR8_Z5jdHi6B-myT", messageId: "<V1StGXR8_Z5jdHi6B-myT.2@paylinks.invalid>" });
 * // "V1StGXR8_Z5jdHi6B-myT.2.eml"
 * ```
 */
export function outboxFileName(mail: Pick<OutgoingMail, "linkId" | "messageId">): string {
  const match = SERVICE_MESSAGE_ID.exec(mail.messageId);
  if (match?.[1] === mail.linkId && SAFE_ID.test(mail.linkId) && !RESERVED.test(mail.linkId)) {
    return `${mail.linkId}.${match[2]}.eml`;
  }
  const prefix =
    String(mail.linkId)
      .replace(/[^A-Za-z0-9_-]/g, "_")
      .slice(0, 64) || "mail";
  const digest = createHash("sha256").update(String(mail.messageId)).digest("hex").slice(0, 16);
  return `${prefix}.${digest}.eml`;
}

/** The name of the envelope sidecar of an `.eml` file name. Internal. */
export const envelopeFileName = (emlName: string): string => emlName.replace(/\.eml$/, ".envelope.json");
