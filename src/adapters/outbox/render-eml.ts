import { createHash } from "node:crypto";
import { PaylinksError } from "../../issues/paylinks-error";
import type { OutgoingMail } from "../../ports/mail-transport";
import { composeMessage } from "../mail/compose-message";
import type { MailSender } from "../mail/sender";
import type { OutboxMailer, OutboxMessage } from "./outbox-shapes";

/** The start of every boundary: `=_` cannot occur in quoted-printable text, so no such line of a part matches it. */
const BOUNDARY_PREFIX = "=_paylinks";

/** The varying part of a message's boundary, from its Message-ID: the same mail gives the same file. */
const baseBoundaryOf = (messageId: string): string => createHash("sha256").update(messageId).digest("hex").slice(0, 24);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The outbox's message of a mail: the shared composer's ({@link composeMessage}, which checks the header values),
 * with the Date, the parts and encoded-words in quoted-printable, and a boundary derived from the Message-ID.
 * Internal.
 */
export function outboxMessageOf(mail: OutgoingMail, sender: MailSender, date: Date): OutboxMessage {
  return {
    ...composeMessage(mail, sender, sender.address),
    date,
    encoding: "quoted-printable",
    textEncoding: "quoted-printable",
    baseBoundary: baseBoundaryOf(mail.messageId),
    boundaryPrefix: BOUNDARY_PREFIX,
  };
}

/**
 * Composes a message with the stream transporter and returns its bytes. nodemailer composing the same message
 * fails the same way every time, so a failure is a permanent `delivery_failed`, with nodemailer's error as
 * `cause`. Internal.
 */
export async function renderEml(mailer: OutboxMailer, message: OutboxMessage): Promise<Uint8Array> {
  const refuse = (reason: string, cause?: unknown): PaylinksError =>
    new PaylinksError("delivery_failed", `Could not compose the message to ${message.to}: ${reason}`, {
      transient: false,
      cause,
      details: { to: message.to },
    });
  let composed: unknown;
  try {
    composed = (await mailer.sendMail(message))?.message;
  } catch (error) {
    throw refuse(messageOf(error), error);
  }
  if (typeof composed === "string") return new TextEncoder().encode(composed);
  if (composed instanceof Uint8Array) return composed;
  throw refuse("nodemailer gave no message bytes (is it a stream transport with buffer: true?)");
}
