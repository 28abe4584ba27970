import { PaylinksError } from "../../issues/paylinks-error";
import type { MailTransport } from "../../ports/mail-transport";
import { isBareAddress } from "../mail/bare-address";
import { composeMessage } from "../mail/compose-message";
import { type MailSender, parseSender } from "../mail/sender";
import { refusedRecipient, smtpFailure } from "./smtp-failure";
import type { SmtpSendInfo, SmtpTransporter } from "./smtp-shapes";

/** The options of {@link createSmtpTransport}. */
export interface SmtpTransportOptions {
  /**
   * A nodemailer transporter: what `nodemailer.createTransport(…)` returns. Make it pooled
   * (`pool: true, maxConnections`) so that one connection carries many messages; see {@link createSmtpTransport}.
   */
  readonly transport: SmtpTransporter;
  /**
   * The From of every message: a bare address (`noreply@shop.example`), and then the display name is the shop's
   * name, or a display name and an address (`Boutique Démo <noreply@shop.example>`, the name in double quotes when
   * it holds a comma or a quote), and then that name replaces the shop's name.
   */
  readonly from: string;
  /**
   * The envelope sender (`MAIL FROM`), where bounces go: a bare address.
   * @defaultValue the address of `from`
   */
  readonly envelopeFrom?: string | undefined;
}

/** A {@link MailTransport} that sends through SMTP with nodemailer. */
export interface SmtpTransport extends MailTransport {
  /** Closes the nodemailer transporter (its pooled connections), when it has a `close`. */
  close(): Promise<void>;
}

function invalidOption(option: string, what: string): PaylinksError {
  return new PaylinksError("invalid_context", `createSmtpTransport: ${option} must be ${what}`, {
    details: { option },
  });
}

function senderOf(from: unknown): MailSender {
  const sender = parseSender(from);
  if (!sender) throw invalidOption("from", "an e-mail address, or a name and <address>");
  return sender;
}

function envelopeFromOf(envelopeFrom: unknown): string {
  if (!isBareAddress(envelopeFrom)) throw invalidOption("envelopeFrom", "an e-mail address");
  return envelopeFrom;
}

/**
 * Creates a mail transport that sends each message through SMTP with a nodemailer transporter. It passes
 * `describeTransportContract`.
 *
 * Each message is multipart/alternative (the text part, then the HTML part), with a UTF-8 subject, the mail's
 * Message-ID (the same at every attempt of one send, so a copy sent again after a crash can be recognised), From
 * = the shop's name and the address of `from` (or the display name `from` gives, as in
 * `"Boutique Démo <noreply@shop.example>"`, in place of the shop's name), Reply-To = the shop's contact address
 * when it has one, and `Content-Language`. The blind copies are envelope recipients only (`RCPT TO`): they appear
 * in no header. The SMTP transport and the outbox compose messages the same way, with nodemailer.
 *
 * A failure rejects with a `PaylinksError` of code `delivery_failed` whose `transient` flag tells the service
 * whether to try again: an SMTP 4xx reply, a refused, reset or lost connection, a DNS failure and a timeout are
 * transient; a 5xx reply (except 503, a session error) and an envelope or configuration nodemailer refuses are
 * permanent. A throttling answer, a reply whose text says the sender goes too fast or sent too much (a rate, a
 * quota or a sending limit exceeded, too many messages or connections, throttling, "try again later", "slow down",
 * as in `550 5.7.1 Rate limit exceeded`), is transient whatever its code, and has `details.throttled` `"true"`;
 * a reply about a full mailbox is not one. When the server accepts a blind copy but refuses the recipient, the
 * send fails too, with the class of the recipient's refusal (the blind copies then receive the message again when
 * the service retries; it has the same Message-ID). A refused blind copy alone does not fail the send. `cause` is
 * nodemailer's error and `details` has `to`, and `responseCode`, `code`, `command` and `throttled` when known. A mail whose recipient, reply address
 * or blind copy is not a bare address fails permanently before anything is sent (`details.field` names it):
 * nodemailer would parse a display name, a group or a list out of it, and could send to another address than the
 * one meant. So does a Message-ID that is not `<id@domain>` and a language that is not a language tag.
 *
 * Pool the connections: `nodemailer.createTransport({ pool: true, maxConnections, … })` keeps connections open
 * and reuses them, where a plain transporter opens one connection (and TLS handshake, and login) per message. Give
 * `maxConnections` the service's `delivery.concurrency` (8 by default), within what the server allows, and set
 * `socketTimeout` below the service's `delivery.leaseMs`. Call `close()` on shutdown.
 *
 * @param options - The nodemailer transporter, the From (an address, or a name and an address) and the envelope
 * sender.
 * @returns The transport.
 * @throws PaylinksError `invalid_context` when `transport` has no `sendMail`, `from` is neither an address nor a
 * name and `<address>`, or `envelopeFrom` is not an address.
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
 *   from: "Boutique Démo <noreply@shop.example>", // or "noreply@shop.example": From is then the shop's name
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
  const sender = senderOf(options.from);
  const envelopeFrom = options.envelopeFrom === undefined ? sender.address : envelopeFromOf(options.envelopeFrom);

  return {
    async send(mail) {
      const message = composeMessage(mail, sender, envelopeFrom);
      let info: SmtpSendInfo;
      try {
        info = await transporter.sendMail(message);
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
