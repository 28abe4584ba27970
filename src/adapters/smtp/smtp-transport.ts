import { PaylinksError } from "../../issues/paylinks-error";
import type { MailTransport, OutgoingMail } from "../../ports/mail-transport";
import { isBareAddress } from "./smtp-address";
import { refusedRecipient, smtpFailure } from "./smtp-failure";
import { smtpMessageOf } from "./smtp-message";
import type { SmtpSendInfo, SmtpTransporter } from "./smtp-shapes";

/** The options of {@link createSmtpTransport}. */
export interface SmtpTransportOptions {
  /**
   * A nodemailer transporter: what `nodemailer.createTransport(…)` returns. Make it pooled
   * (`pool: true, maxConnections`) so that one connection carries many messages; see {@link createSmtpTransport}.
   */
  readonly transport: SmtpTransporter;
  /** The From address of every message (`noreply@shop.example`); the display name is the shop's name. */
  readonly from: string;
  /**
   * The envelope sender (`MAIL FROM`), where bounces go.
   * @defaultValue `from`
   */
  readonly envelopeFrom?: string | undefined;
}

/** A {@link MailTransport} that sends through SMTP with nodemailer. */
export interface SmtpTransport extends MailTransport {
  /** Closes the nodemailer transporter (its pooled connections), when it has a `close`. */
  close(): Promise<void>;
}

/** The first address of a mail that is not a bare address, with the field it is in. */
function badAddressOf(mail: OutgoingMail): { field: string; value: unknown } | undefined {
  if (!isBareAddress(mail.to)) return { field: "to", value: mail.to };
  if (mail.replyTo !== undefined && !isBareAddress(mail.replyTo)) return { field: "replyTo", value: mail.replyTo };
  const bcc = mail.bcc.find((address) => !isBareAddress(address));
  return bcc === undefined ? undefined : { field: "bcc", value: bcc };
}

function checkAddress(name: string, value: unknown): string {
  if (!isBareAddress(value)) {
    throw new PaylinksError("invalid_context", `createSmtpTransport: ${name} must be an e-mail address`, {
      details: { option: name },
    });
  }
  return value;
}

/**
 * Creates a mail transport that sends each message through SMTP with a nodemailer transporter. It passes
 * `describeTransportContract`.
 *
 * Each message is multipart/alternative (the text part, then the HTML part), with a UTF-8 subject, the mail's
 * Message-ID (the same at every attempt of one send, so a copy sent again after a crash can be recognised), From
 * = the shop's name and `from`, Reply-To = the shop's contact address when it has one, and `Content-Language`.
 * The blind copies are envelope recipients only (`RCPT TO`): they appear in no header.
 *
 * A failure rejects with a `PaylinksError` of code `delivery_failed` whose `transient` flag tells the service
 * whether to try again: an SMTP 4xx reply, a refused, reset or lost connection, a DNS failure and a timeout are
 * transient; a 5xx reply (except 503, a session error) and an envelope or configuration nodemailer refuses are
 * permanent. When the server accepts a blind copy but refuses the recipient, the send fails too, with the class
 * of the recipient's refusal (the blind copies then receive the message again when the service retries; it has
 * the same Message-ID). A refused blind copy alone does not fail the send. `cause` is nodemailer's error and
 * `details` has `to`, and `responseCode`, `code` and `command` when known. A mail whose recipient, reply address
 * or blind copy is not a bare address fails permanently before anything is sent: nodemailer would parse a display
 * name, a group or a list out of it, and could send to another address than the one meant.
 *
 * Pool the connections: `nodemailer.createTransport({ pool: true, maxConnections, … })` keeps connections open
 * and reuses them, where a plain transporter opens one connection (and TLS handshake, and login) per message. Give
 * `maxConnections` the service's `delivery.concurrency` (8 by default), within what the server allows, and set
 * `socketTimeout` below the service's `delivery.leaseMs`. Call `close()` on shutdown.
 *
 * @param options - The nodemailer transporter, the From address and the envelope sender.
 * @returns The transport.
 * @throws PaylinksError `invalid_context` when `transport` has no `sendMail` or an address is not one.
 * @example
 * ```ts
 * import nodemailer from "nodemailer";
 * import { createSmtpTransport } from "paylinks/smtp";
 *
 * const transport = createSmtpTransport({
 *   transport: nodemailer.createTransport({
 *     host: "smtp.example.com",
 *     port: 587,
 *     auth: { user: "paylinks", pass: process.env.SMTP_PASSWORD },
 *     pool: true,
 *     maxConnections: 8,
 *     socketTimeout: 30_000,
 *   }),
 *   from: "noreply@shop.example",
 *   envelopeFrom: "bounces@shop.example",
 * });
 * const paylinks = createPaylinks({ store, transport, shops, paymentUrl });
 * // …
 * await transport.close();
 * ```
 */
export function createSmtpTransport(options: SmtpTransportOptions): SmtpTransport {
  const transporter = options?.transport;
  if (typeof transporter?.sendMail !== "function") {
    throw new PaylinksError("invalid_context", "createSmtpTransport: transport must be a nodemailer transporter", {
      details: { option: "transport" },
    });
  }
  const from = checkAddress("from", options.from);
  const envelopeFrom = options.envelopeFrom === undefined ? from : checkAddress("envelopeFrom", options.envelopeFrom);

  return {
    async send(mail) {
      const bad = badAddressOf(mail);
      if (bad) {
        throw new PaylinksError(
          "delivery_failed",
          `The mail's ${bad.field} is not a bare e-mail address: ${JSON.stringify(bad.value)}`,
          {
            transient: false,
            details: { to: String(mail.to), field: bad.field },
          },
        );
      }
      let info: SmtpSendInfo;
      try {
        info = await transporter.sendMail(smtpMessageOf(mail, from, envelopeFrom));
      } catch (error) {
        throw smtpFailure(error, mail.to);
      }
      const refused = refusedRecipient(info, mail.to);
      if (refused) throw refused;
      return { messageId: mail.messageId };
    },

    async close() {
      transporter.close?.();
    },
  };
}
