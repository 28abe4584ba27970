import type { OutgoingMail } from "../../ports/mail-transport";

/** A display name that may stand unquoted: RFC 5322 atext words separated by spaces. */
const PLAIN_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+(?: [A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/;

/** `Name <address>`, quoting the name when it needs it; the bare address when there is no name. Internal. */
export function mailbox(name: string, address: string): string {
  if (name.trim() === "") return address;
  const phrase = PLAIN_PHRASE.test(name) ? name : `"${name.replace(/["\\]/g, "\\$&")}"`;
  return `${phrase} <${address}>`;
}

/**
 * The headers a transport sends for a mail, decoded (as a mail client shows them, before any RFC 2047 encoding).
 * The blind copies appear in none of them; `Reply-To` is absent when the mail has no reply address. Internal.
 */
export function headersOf(mail: OutgoingMail, from: string): Readonly<Record<string, string>> {
  return {
    "Message-ID": mail.messageId,
    From: mailbox(mail.fromName, from),
    ...(mail.replyTo === undefined ? {} : { "Reply-To": mail.replyTo }),
    To: mail.to,
    Subject: mail.subject,
    "Content-Language": mail.language,
    ...(mail.inReplyTo === undefined ? {} : { "In-Reply-To": mail.inReplyTo, References: mail.inReplyTo }),
  };
}
