import { PaylinksError } from "../../issues/paylinks-error";

/** An address fit for a header: something `@` something, no spaces, brackets, separators or controls. */
const ADDRESS = /^[^\s<>()[\],;:"\\@\p{Cc}]+@[^\s<>()[\],;:"\\@\p{Cc}]+$/u;

/** A Message-ID: `<left@right>` in printable ASCII, without spaces or angle brackets inside. */
const MESSAGE_ID = /^<[\x21-\x3b\x3d\x3f\x41-\x7e]+@[\x21-\x3b\x3d\x3f\x41-\x7e]+>$/;

/** A language tag (BCP 47 shape): letters and digits in subtags of 1 to 8, separated by hyphens. */
const LANGUAGE = /^[A-Za-z0-9]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** Whether a value is an e-mail address that can stand in a header. Internal. */
export const isHeaderAddress = (value: unknown): value is string =>
  typeof value === "string" && value.length <= 254 && ADDRESS.test(value);

/**
 * Checks the structured values of a mail that go into headers as they are, and the blind copies of the envelope
 * sidecar; a value that could break a header, or is not a bare address, is a permanent `delivery_failed` (sending
 * it again cannot help). Internal.
 */
export function checkHeaderValues(mail: {
  readonly messageId: string;
  readonly to: string;
  readonly replyTo: string | undefined;
  readonly bcc: readonly string[];
  readonly language: string;
}): void {
  const refuse = (field: string, what: string): never => {
    throw new PaylinksError("delivery_failed", `The mail's ${field} is not ${what}; it cannot be written`, {
      transient: false,
      details: { field, to: String(mail.to) },
    });
  };
  if (typeof mail.messageId !== "string" || mail.messageId.length > 900 || !MESSAGE_ID.test(mail.messageId)) {
    refuse("messageId", "a Message-ID like <id@domain>");
  }
  if (!isHeaderAddress(mail.to)) refuse("to", "an e-mail address");
  if (mail.replyTo !== undefined && !isHeaderAddress(mail.replyTo)) refuse("replyTo", "an e-mail address");
  if (!mail.bcc.every(isHeaderAddress)) refuse("bcc", "a list of e-mail addresses");
  if (typeof mail.language !== "string" || mail.language.length > 64 || !LANGUAGE.test(mail.language)) {
    refuse("language", "a language tag");
  }
}
