import { PaylinksError } from "../../issues/paylinks-error";
import type { SmtpErrorLike, SmtpSendInfo } from "./smtp-shapes";
import { isThrottlingReply } from "./throttling-reply";

/**
 * Codes of failures that carry no SMTP reply and that trying the same message again cannot fix: an envelope or a
 * configuration nodemailer refused before sending, missing or refused credentials, a server without REQUIRETLS.
 * Every other failure without a reply (a refused, reset or lost connection, a timeout, DNS) is transient.
 */
const PERMANENT_WITHOUT_REPLY: ReadonlySet<string> = new Set([
  "EENVELOPE",
  "EMAXRECIPIENTS",
  "ECONFIG",
  "ENOAUTH",
  "EAUTH",
  "EREQUIRETLS",
  "EFILEACCESS",
  "EURLACCESS",
]);

/**
 * Whether trying again may help after this SMTP reply code. 5xx replies are permanent, except 503 ("bad sequence
 * of commands"), which is about the session rather than the message (nodemailer's `permanent` flag says the
 * same); 4xx replies, and a 2xx or 3xx the client did not expect, are transient. Internal.
 */
export function isTransientReply(code: number): boolean {
  return !(code >= 500 && code <= 599 && code !== 503);
}

const fieldsOf = (value: unknown): SmtpErrorLike =>
  typeof value === "object" && value !== null ? (value as SmtpErrorLike) : {};

const textOf = (value: unknown): string => {
  const text = value instanceof Error ? value.message : (fieldsOf(value).message ?? String(value));
  return text.trim() || "unknown error";
};

/** The reply code of an error: its `responseCode`, else the three digits its `response` starts with. */
function replyCodeOf(error: SmtpErrorLike): number | undefined {
  const code = error.responseCode;
  if (typeof code === "number" && Number.isInteger(code) && code >= 200 && code <= 599) return code;
  const digits = typeof error.response === "string" ? /^([2-5]\d\d)(?:[ -]|$)/.exec(error.response) : null;
  return digits?.[1] === undefined ? undefined : Number(digits[1]);
}

/**
 * Whether an error with a reply is a throttling answer ({@link isThrottlingReply}): by the server's reply when
 * nodemailer kept it, else by the error's text. An error without a reply code is never one.
 */
function isThrottled(error: SmtpErrorLike, replyCode: number | undefined): boolean {
  if (replyCode === undefined) return false;
  const reply = typeof error.response === "string" && error.response.trim() !== "" ? error.response : error.message;
  return typeof reply === "string" && isThrottlingReply(reply);
}

const sameAddress = (a: unknown, b: string): boolean => typeof a === "string" && a.toLowerCase() === b.toLowerCase();

/** The error about `recipient` among per-recipient errors, if there is one. */
function errorFor(errors: unknown, recipient: string): SmtpErrorLike | undefined {
  if (!Array.isArray(errors)) return undefined;
  return errors.map(fieldsOf).find((error) => sameAddress(error.recipient, recipient));
}

function detailsOf(
  to: string,
  error: SmtpErrorLike,
  replyCode: number | undefined,
  throttled: boolean,
): Record<string, string> {
  return {
    to,
    ...(replyCode === undefined ? {} : { responseCode: String(replyCode) }),
    ...(typeof error.code === "string" ? { code: error.code } : {}),
    ...(typeof error.command === "string" ? { command: error.command } : {}),
    ...(throttled ? { throttled: "true" } : {}),
  };
}

/**
 * Turns what `sendMail` rejected with into a `delivery_failed` error. With a reply code, its class decides (4xx
 * transient, 5xx permanent), except that a throttling answer ({@link isThrottlingReply}: a rate or a quota
 * exceeded, too many messages, "try again later"…) is transient whatever its code, and has `details.throttled`
 * `"true"`; when the error lists per-recipient refusals, the recipient's own refusal decides, not the one
 * nodemailer put in the message. Without a reply, connection failures and timeouts are transient. Internal.
 */
export function smtpFailure(error: unknown, to: string): PaylinksError {
  if (error instanceof PaylinksError) return error;
  const fields = fieldsOf(error);
  const own = errorFor(fields.rejectedErrors, to);
  const decisive = own && replyCodeOf(own) !== undefined ? own : fields;
  const replyCode = replyCodeOf(decisive);
  const throttled = isThrottled(decisive, replyCode);
  const transient =
    replyCode === undefined
      ? !(typeof fields.code === "string" && PERMANENT_WITHOUT_REPLY.has(fields.code))
      : throttled || isTransientReply(replyCode);
  return new PaylinksError("delivery_failed", `SMTP delivery to ${to} failed: ${textOf(own ?? error)}`, {
    transient,
    cause: error,
    details: detailsOf(to, decisive, replyCode, throttled),
  });
}

/**
 * The failure of a send the server "accepted" for some recipients but not for the mail's own recipient (a blind
 * copy went through, the buyer was refused), classed by the buyer's refusal as {@link smtpFailure} classes a reply
 * (a throttling answer is transient and has `details.throttled`); `undefined` when the buyer was accepted. A
 * refusal of a blind copy alone is not a failure. Internal.
 */
export function refusedRecipient(info: SmtpSendInfo | undefined, to: string): PaylinksError | undefined {
  const rejected = typeof info === "object" && info !== null ? info.rejected : undefined;
  if (!Array.isArray(rejected) || !rejected.some((address) => sameAddress(address, to))) return undefined;
  const own = errorFor(info?.rejectedErrors, to);
  const replyCode = own === undefined ? undefined : replyCodeOf(own);
  const throttled = own !== undefined && isThrottled(own, replyCode);
  const reason = own === undefined ? "no reason given" : textOf(own);
  return new PaylinksError("delivery_failed", `SMTP server refused ${to} (the blind copies were accepted): ${reason}`, {
    transient: replyCode === undefined || throttled || isTransientReply(replyCode),
    cause: own,
    details: detailsOf(to, own ?? {}, replyCode, throttled),
  });
}
