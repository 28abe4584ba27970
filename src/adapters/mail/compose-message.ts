import type { OutgoingMail } from "../../ports/mail-transport";
import type { SmtpMessage } from "../smtp/smtp-shapes";
import { checkHeaderValues } from "./header-values";
import type { MailSender } from "./sender";

/** A value on one line: every run of line breaks becomes one space, so that no value can start a header. */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, " ");

/**
 * The nodemailer `sendMail` message of a mail, the one composer of the SMTP transport and the outbox. It first
 * checks the values that go into headers as they are ({@link checkHeaderValues}: a permanent `delivery_failed`
 * when one could break a header). The message is multipart/alternative (the text part, then the HTML part), with
 * the mail's Message-ID, From = the sender's display name (else the shop's name) and address, Reply-To when there
 * is one, To, the subject, `Content-Language`, and `In-Reply-To` and `References` when the mail follows another. The subject and the display name are put on one line; nodemailer
 * encodes them as RFC 2047 encoded-words when they are not plain ASCII. The blind copies are in the envelope only
 * (`to`: the recipient, then the blind copies): there is no `bcc` field, so no Bcc header. Internal.
 *
 * @param mail - The mail the service hands to the transport.
 * @param sender - The transport's sender: its address, and the display name that replaces the shop's, if any.
 * @param envelopeFrom - The envelope sender (`MAIL FROM`), a bare address.
 * @returns The message, for `transporter.sendMail`.
 * @throws PaylinksError `delivery_failed`, not transient, when a header value of the mail is unusable.
 */
export function composeMessage(mail: OutgoingMail, sender: MailSender, envelopeFrom: string): SmtpMessage {
  checkHeaderValues(mail);
  return {
    from: { name: oneLine(sender.name ?? mail.fromName), address: sender.address },
    to: mail.to,
    ...(mail.replyTo === undefined ? {} : { replyTo: mail.replyTo }),
    subject: oneLine(mail.subject),
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: { "Content-Language": mail.language },
    ...(mail.inReplyTo === undefined ? {} : { inReplyTo: mail.inReplyTo, references: mail.inReplyTo }),
    envelope: { from: envelopeFrom, to: [mail.to, ...mail.bcc] },
  };
}
