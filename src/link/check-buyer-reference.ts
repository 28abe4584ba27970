import type { Check } from "../internal/issue-sink";

/** Maximum length of the buyer reference, in characters. */
export const BUYER_REFERENCE_MAX_LENGTH = 64;

/**
 * Control, format (zero-width space, bidirectional overrides, byte-order mark), surrogate and private-use
 * characters, and the line and paragraph separators (noncharacters are refused too, below). The zero-width joiner and non-joiner (U+200C, U+200D) are
 * format characters that some scripts and emoji need, so they are allowed.
 */
const NOT_PRINTABLE = /[\p{Cc}\p{Cs}\p{Co}\u2028\u2029]|(?![\u200c\u200d])\p{Cf}/u;
/** Noncharacters: U+FDD0–U+FDEF and the last two code points of every plane. */
const isNoncharacter = (code: number): boolean => (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;
const isControl = (char: string): boolean => NOT_PRINTABLE.test(char) || isNoncharacter(char.codePointAt(0) as number);

/**
 * Checks the buyer reference: optional, trimmed, at most 64 characters, all printable (no control, format,
 * surrogate or private-use character). Internal.
 */
export const checkBuyerReference: Check<unknown, string> = (value, _context, sink) => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    sink.add("type_invalid", { expected: "string" });
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  let length = 0;
  let controlAt = -1;
  for (const char of trimmed) {
    length++;
    if (controlAt < 0 && isControl(char)) controlAt = length;
  }
  if (length > BUYER_REFERENCE_MAX_LENGTH)
    sink.add("buyer_reference_too_long", { max: BUYER_REFERENCE_MAX_LENGTH, length });
  if (controlAt > 0) sink.add("buyer_reference_invalid", { position: controlAt });
  return trimmed;
};
