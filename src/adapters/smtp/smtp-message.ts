import type { OutgoingMail } from "../../ports/mail-transport";
import type { SmtpMessage } from "./smtp-shapes";

/** A value on one line: every run of line breaks becomes one space, so that no value can start a header. */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, " ");

/**
 * The `sendMail` message of a mail: multipart/alternative (text, then HTML), the mail's Message-ID, From with the
 * shop's name, Reply-To when there is one, `Content-Language`, and the blind copies in the envelope only. Internal.
 */
export function smtpMessageOf(mail: OutgoingMail, from: string, envelopeFrom: string): SmtpMessage {
  return {
    from: { name: oneLine(mail.fromName), address: from },
    to: mail.to,
    ...(mail.replyTo === undefined ? {} : { replyTo: mail.replyTo }),
    subject: oneLine(mail.subject),
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: { "Content-Language": oneLine(mail.language) },
    envelope: { from: envelopeFrom, to: [mail.to, ...mail.bcc] },
  };
}
