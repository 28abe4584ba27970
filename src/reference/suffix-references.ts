import { REFERENCE_SUFFIX_DIGITS } from "./reference-rules";

/**
 * Builds the reference of each link of an order: the base alone for one recipient; otherwise the base followed
 * by `-001`, `-002`, … in list order, zero-padded to three digits; past `-999` the counter goes on (`-1000`).
 * An empty base gets no suffix: the links are then known by their ids.
 *
 * @param base - The order reference as validated.
 * @param count - Number of recipients, a non-negative integer.
 * @returns One reference per recipient.
 * @throws RangeError when `count` is not a non-negative safe integer.
 * @example
 * ```ts
 * suffixReferences("Recouvrement", 3); // ["Recouvrement-001", "Recouvrement-002", "Recouvrement-003"]
 * suffixReferences("Recouvrement", 1); // ["Recouvrement"]
 * ```
 */
export function suffixReferences(base: string, count: number): string[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer: ${count}`);
  if (count === 1 || base === "") return new Array<string>(count).fill(base);
  const references = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    references[i] = `${base}-${String(i + 1).padStart(REFERENCE_SUFFIX_DIGITS, "0")}`;
  }
  return references;
}
