import { type Check, collect } from "../internal/issue-sink";
import type { LocaleOptions } from "../issues/issue";
import type { Result } from "../issues/result";
import { isReferenceCharacter, maxBaseReferenceLength, ORDER_REFERENCE_MAX_LENGTH } from "./reference-rules";

/** Options of {@link validateOrderReference}. */
export interface OrderReferenceOptions extends LocaleOptions {
  /**
   * Whether a reference must be given (the shop's "mandatory order reference" setting).
   * @defaultValue `false`
   */
  readonly required?: boolean | undefined;
  /**
   * Number of recipients: with two or more, each reference gets a suffix (`-001`) that counts towards the
   * 64 characters.
   * @defaultValue `1`
   */
  readonly recipientCount?: number | undefined;
}

/**
 * Checks an order reference: at most 64 characters **after** suffixing, only `A–Z a–z 0–9 - _`, and present
 * when required. Surrounding spaces are removed first. An empty reference gives `undefined`.
 *
 * @param reference - The reference as typed, or `undefined`.
 * @param options - Whether it is required, the number of recipients, the message locale.
 * @returns The trimmed reference (or `undefined`), or the issues: `reference_required`, `reference_too_long`
 *   (with `max`, `maxBase`, `length`), `reference_invalid_character` (with `character`, 1-based `position`
 *   and the `count` of characters not allowed).
 * @example
 * ```ts
 * validateOrderReference("Recouvrement", { recipientCount: 3 }); // { ok: true, value: "Recouvrement" }
 * validateOrderReference("Facture 12"); // reference_invalid_character, character " ", position 8
 * ```
 */
export function validateOrderReference(
  reference: string | undefined,
  options: OrderReferenceOptions = {},
): Result<string | undefined> {
  return collect(options.locale, (sink) => checkOrderReference(reference, options, sink));
}

/** What {@link checkOrderReference} needs: whether a reference is required, and the number of recipients. */
export type OrderReferenceContext = Pick<OrderReferenceOptions, "required" | "recipientCount">;

/** Checks an order reference and returns it trimmed, or `undefined` when it is empty. Internal. */
export const checkOrderReference: Check<OrderReferenceContext, string> = (reference, options, sink) => {
  if (reference !== undefined && reference !== null && typeof reference !== "string") {
    sink.add("type_invalid", { expected: "string" });
    return undefined;
  }
  const value = (reference ?? "").trim();
  if (value === "") {
    if (options.required) sink.add("reference_required");
    return undefined;
  }
  const recipientCount = options.recipientCount ?? 1;
  const maxBase = maxBaseReferenceLength(recipientCount);
  if (value.length > maxBase) {
    sink.add("reference_too_long", { max: ORDER_REFERENCE_MAX_LENGTH, maxBase, length: value.length, recipientCount });
  }
  // Walk code points, so that a character outside the BMP (an emoji) counts once, not as two halves.
  let character = "";
  let position = 0;
  let count = 0;
  let index = 0;
  for (const char of value) {
    index++;
    if (!isReferenceCharacter(char)) {
      if (count === 0) {
        character = char;
        position = index;
      }
      count++;
    }
  }
  if (count > 0) sink.add("reference_invalid_character", { character, position, count });
  return value;
};
