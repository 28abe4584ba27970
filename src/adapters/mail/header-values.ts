import { PaylinksError } from "../../issues/paylinks-error";
import type { OutgoingMail } from "../../ports/mail-transport";
import { isBareAddress } from "./bare-address";

/** A Message-ID: `<left@right>` in printable ASCII, without spaces or angle brackets inside. */
const MESSAGE_ID = /^<[\x21-\x3b\x3d\x3f\x41-\x7e]+@[\x21-\x3b\x3d\x3f\x41-\x7e]+>$/;

/** A language tag (BCP 47 shape): letters and digits in subtags of 1 to 8, separated by hyphens. */
const LANGUAGE = /^[A-Za-z0-9]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** A value of a mail that cannot go into a header, the field it is in, and what it should be. */
interface BadValue {
  readonly field: string;
  readonly what: string;
  readonly value: unknown;
}

const isMessageId = (value: unknown): boolean =>
  typeof value === "string" && value.length <= 900 && MESSAGE_ID.test(value);

const isLanguageTag = (value: unknown): boolean =>
  typeof value === "string" && value.length <= 64 && LANGUAGE.test(value);

/** The first value of a mail that cannot go into a header as it is, if there is one. */
function badValueOf(mail: OutgoingMail): BadValue | undefined {
  const address = "a bare e-mail address";
  if (!isMessageId(mail.messageId)) {
    return { field: "messageId", what: "a Message-ID like <id@domain>", value: mail.messageId };
  }
  if (mail.inReplyTo !== undefined && !isMessageId(mail.inReplyTo)) {
    return { field: "inReplyTo", what: "a Message-ID like <id@domain>", value: mail.inReplyTo };
  }
  if (!isBareAddress(mail.to)) return { field: "to", what: address, value: mail.to };
  if (mail.replyTo !== undefined && !isBareAddress(mail.replyTo)) {
    return { field: "replyTo", what: address, value: mail.replyTo };
  }
  if (!Array.isArray(mail.bcc)) return { field: "bcc", what: "a list of e-mail addresses", value: mail.bcc };
  const copy = mail.bcc.findIndex((value) => !isBareAddress(value));
  if (copy !== -1) return { field: "bcc", what: address, value: mail.bcc[copy] };
  if (!isLanguageTag(mail.language)) return { field: "language", what: "a language tag", value: mail.language };
  return undefined;
}

/**
 * Checks the values of a mail that go into headers, or into the envelope, as they are: the Message-ID and the one
 * it follows (`<id@domain>`), the recipient, the reply address and each blind copy (bare addresses: nodemailer would read a
 * display name, a group or a list out of anything more), and the language (a language tag). The subject and the
 * display name are not checked: the composer puts them on one line and encodes them. A bad value is a permanent
 * `delivery_failed` (sending it again cannot help) whose `details` has `to` and `field`. Internal.
 *
 * @throws PaylinksError `delivery_failed`, not transient, naming the first bad value.
 */
export function checkHeaderValues(mail: OutgoingMail): void {
  const bad = badValueOf(mail);
  if (bad === undefined) return;
  throw new PaylinksError(
    "delivery_failed",
    `The mail's ${bad.field} is not ${bad.what}: ${JSON.stringify(bad.value)}`,
    {
      transient: false,
      details: { to: String(mail.to), field: bad.field },
    },
  );
}
