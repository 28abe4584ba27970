import { createHash } from "node:crypto";
import type { OutgoingMail } from "../../ports/mail-transport";
import { headerField, mailboxTokens, unstructuredField } from "./header-encoding";
import { checkHeaderValues } from "./header-values";
import { quotedPrintable } from "./quoted-printable";

/** A date as RFC 5322 writes it, in UTC: `Tue, 01 Dec 2026 10:00:00 +0000`. Internal. */
export const rfc5322Date = (date: Date): string => date.toUTCString().replace(/GMT$/, "+0000");

/**
 * The boundary of a message: `=_` cannot occur in quoted-printable text, so no line of a part can match it; derived
 * from the Message-ID, so that the same mail gives the same file.
 */
const boundaryOf = (messageId: string): string =>
  `=_paylinks_${createHash("sha256").update(messageId).digest("hex").slice(0, 24)}`;

function part(boundary: string, type: string, body: string): string {
  return [
    `--${boundary}`,
    `Content-Type: ${type}; charset=utf-8`,
    "Content-Transfer-Encoding: quoted-printable",
    "",
    quotedPrintable(body),
  ].join("\r\n");
}

/**
 * Writes a mail as an RFC 5322 message: Message-ID, Date, From (the shop's name and `from`), Reply-To when there
 * is one, To, Subject, MIME-Version, Content-Language, then a multipart/alternative body with the UTF-8 text and
 * HTML parts in quoted-printable. Lines end with CRLF; header values are folded, and the Subject and the display
 * name are RFC 2047 encoded-words when they are not plain ASCII, so that no value can start a header of its own.
 * No Bcc header: the blind copies are not in the message. Throws a permanent `delivery_failed` when a value that
 * goes into a header as it is (an address, the Message-ID, the language) could break it. Internal.
 */
export function composeEml(mail: OutgoingMail, from: string, date: Date): string {
  checkHeaderValues(mail);
  const boundary = boundaryOf(mail.messageId);
  const headers = [
    headerField("Message-ID", [mail.messageId]),
    headerField("Date", rfc5322Date(date).split(" ")),
    headerField("From", mailboxTokens(mail.fromName, from)),
    ...(mail.replyTo === undefined ? [] : [headerField("Reply-To", [mail.replyTo])]),
    headerField("To", [mail.to]),
    unstructuredField("Subject", mail.subject),
    "MIME-Version: 1.0",
    headerField("Content-Language", [mail.language]),
    headerField("Content-Type", ["multipart/alternative;", `boundary="${boundary}"`]),
  ];
  return [
    ...headers,
    "",
    part(boundary, "text/plain", mail.text),
    part(boundary, "text/html", mail.html),
    `--${boundary}--`,
    "",
  ].join("\r\n");
}
