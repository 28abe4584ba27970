import { createIssue } from "../issues/create-issue";
import type { Issue, IssuePath, Locale } from "../issues/issue";

/** Maximum length of the buyer reference, in characters. */
export const BUYER_REFERENCE_MAX_LENGTH = 64;

const isControl = (code: number): boolean =>
  code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;

/**
 * Checks the buyer reference: optional, trimmed, at most 64 characters, no control character. Internal.
 */
export function checkBuyerReference(
  value: unknown,
  path: IssuePath,
  issues: Issue[],
  locale: Locale | undefined,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    issues.push(createIssue("type_invalid", path, { expected: "string" }, locale));
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  let length = 0;
  let controlAt = -1;
  for (const char of trimmed) {
    length++;
    if (controlAt < 0 && isControl(char.codePointAt(0) as number)) controlAt = length;
  }
  if (length > BUYER_REFERENCE_MAX_LENGTH) {
    issues.push(createIssue("buyer_reference_too_long", path, { max: BUYER_REFERENCE_MAX_LENGTH, length }, locale));
  }
  if (controlAt > 0) issues.push(createIssue("buyer_reference_invalid", path, { position: controlAt }, locale));
  return trimmed;
}
