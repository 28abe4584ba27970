/**
 * Words of an SMTP reply that says the sender goes too fast or sent too much: a rate, a quota, a sending or daily
 * limit, "too many" (not "too many hops", a mail loop), throttling, "try again later", "slow down". Whole words,
 * any case: "rate" is not found in "separate" or "generated".
 */
const THROTTLING_WORDS =
  /\b(?:rates?|rate-?limit(?:s|ed|ing)?|quotas?|(?:daily|hourly|sending|send|relay|submission) limits?|too many(?! hops\b)|throttl\w*|(?:re)?try (?:again )?later|slow down)\b/i;

/**
 * Replies about the recipient's mailbox being full, which name a quota too but are not about the sender's pace:
 * the enhanced status X.2.2 ("mailbox full", RFC 3463), "over quota", a mailbox that is full or out of storage,
 * and Exchange's "shutoff quota" of a full mailbox.
 */
const MAILBOX_FULL =
  /\b[245]\.2\.2\b|\bover quota\b|\bmailbox (?:is )?full\b|\bout of (?:storage|space)\b|\bshutoff quota\b/i;

/**
 * The words of a reply: without the addresses it quotes (`<rate@shop.example>` names no rate), and with the words
 * of identifiers such as `SubmissionQuotaExceededException` and `ThrottlingPolicy` apart.
 */
const wordsOf = (text: string): string =>
  text.replace(/<[^<>]*>|[^\s<>]+@[^\s<>]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2");

/**
 * Whether the text of an SMTP reply says that the server throttles the sender: a rate or a quota exceeded, too
 * many messages or connections, "try again later" or "slow down" (e.g. `550 5.7.1 Rate limit exceeded`,
 * `554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException`, `550 5.4.5 Daily user sending
 * quota exceeded`, `421 4.7.0 Too many connections, try again later`). A reply about a full mailbox is not one,
 * even when it names a quota, and the addresses a reply quotes are not read. Trying the same message again later may succeed, whatever the reply code. Internal.
 *
 * @param text - The reply, with or without its codes.
 * @returns `true` when the reply is a throttling answer.
 */
export function isThrottlingReply(text: string): boolean {
  const words = wordsOf(text);
  return THROTTLING_WORDS.test(words) && !MAILBOX_FULL.test(words);
}
