import { Buffer } from "node:buffer";

/** Longest header line aimed at, CRLF not counted (RFC 2047 caps lines with encoded-words at 76). */
const MAX_LINE = 76;

/** UTF-8 bytes per encoded-word: 39 bytes make 52 base64 characters, a 64-character word. */
const WORD_BYTES = 39;

/** Longest plain word kept as it is; a longer one makes the whole value encoded, to keep lines short. */
const MAX_PLAIN_WORD = 60;

const encoder = new TextEncoder();

/** Printable ASCII words separated by single spaces: text that may stand in a header as it is. */
const PLAIN_TEXT = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** RFC 5322 atext words separated by single spaces: a display name that needs no quotes. */
const ATOM_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+(?: [A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/;

/** Printable ASCII, spaces included: a display name that can be quoted. */
const QUOTABLE = /^[\x20-\x7e]+$/;

const encodedWord = (text: string): string => `=?UTF-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;

/**
 * RFC 2047 `B` encoded-words of UTF-8 text, at most 39 bytes each, never splitting a character; a reader joins
 * adjacent encoded-words without the white space between them, so the text comes back exactly. Internal.
 */
export function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk = "";
  let size = 0;
  for (const character of text) {
    const bytes = encoder.encode(character).length;
    if (size + bytes > WORD_BYTES && chunk !== "") {
      words.push(encodedWord(chunk));
      chunk = "";
      size = 0;
    }
    chunk += character;
    size += bytes;
  }
  if (chunk !== "") words.push(encodedWord(chunk));
  return words;
}

/** Whether text can stand in a header as it is, in words short enough to fold. */
const isPlain = (text: string, pattern: RegExp): boolean =>
  pattern.test(text) && !text.includes("=?") && text.split(" ").every((word) => word.length <= MAX_PLAIN_WORD);

/**
 * A header field from its tokens, separated by spaces and folded (CRLF then a space) between tokens so that lines
 * stay within 76 characters where a token allows it. Tokens come from this module and never hold a line break; a
 * token that does is a bug, and throws rather than start a new header. Internal.
 */
export function headerField(name: string, tokens: readonly string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  let hasToken = false;
  for (const token of tokens) {
    if (/[\r\n]/.test(token)) throw new Error(`A token of the ${name} header holds a line break`);
    if (hasToken && line.length + 1 + token.length > MAX_LINE) {
      lines.push(line);
      line = "";
    }
    line += ` ${token}`;
    hasToken = true;
  }
  lines.push(line);
  return lines.join("\r\n");
}

/**
 * An unstructured header (Subject): as it is when it is printable ASCII in short words, else RFC 2047
 * encoded-words. Line breaks, control characters and anything else are carried encoded, never raw. Internal.
 */
export function unstructuredField(name: string, value: string): string {
  if (value === "") return headerField(name, []);
  return headerField(name, isPlain(value, PLAIN_TEXT) ? value.split(" ") : encodedWords(value));
}

/**
 * A mailbox's tokens: the bare address when there is no name, else the display name (as atoms, a quoted string,
 * or encoded-words) and `<address>`. The address must have been checked. Internal.
 */
export function mailboxTokens(name: string, address: string): string[] {
  if (name.trim() === "") return [address];
  const angle = `<${address}>`;
  if (isPlain(name, ATOM_PHRASE)) return [...name.split(" "), angle];
  if (QUOTABLE.test(name) && name.length <= MAX_PLAIN_WORD && !name.includes("=?")) {
    return [`"${name.replace(/["\\]/g, "\\$&")}"`, angle];
  }
  return [...encodedWords(name), angle];
}
