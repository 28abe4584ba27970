/** Maximum length of an order reference, suffix included. */
export const ORDER_REFERENCE_MAX_LENGTH = 64;

/** Minimum number of digits of a suffix: `-001`. Past 999 the counter goes on with more digits (`-1000`). */
export const REFERENCE_SUFFIX_DIGITS = 3;

/**
 * Length of the suffix added to each reference for a given number of recipients: 0 for one recipient,
 * 4 (`-001`) up to 999 recipients, then one more per extra digit (`-1000` is 5).
 *
 * @param recipientCount - Number of links the order will create.
 * @returns The number of characters the suffix adds.
 */
export function referenceSuffixLength(recipientCount: number): number {
  if (!(recipientCount >= 2)) return 0;
  return 1 + Math.max(REFERENCE_SUFFIX_DIGITS, String(Math.floor(recipientCount)).length);
}

/**
 * Longest base reference accepted for a given number of recipients: 64 for one, 60 for 2 to 999, 59 for 1,000
 * to 9,999, and so on.
 *
 * @param recipientCount - Number of links the order will create.
 * @returns The maximum length of the reference as typed.
 */
export function maxBaseReferenceLength(recipientCount: number): number {
  return ORDER_REFERENCE_MAX_LENGTH - referenceSuffixLength(recipientCount);
}

/**
 * Whether a character may appear in an order reference: `A–Z`, `a–z`, `0–9`, `-` and `_`.
 * @param char - One character.
 * @returns `true` when allowed; `false` for anything longer than one UTF-16 unit, such as `"e\u0301"`.
 */
export function isReferenceCharacter(char: string): boolean {
  return (
    char.length === 1 &&
    ((char >= "A" && char <= "Z") ||
      (char >= "a" && char <= "z") ||
      (char >= "0" && char <= "9") ||
      char === "-" ||
      char === "_")
  );
}
