import { createIssue } from "../issues/create-issue";
import type { Issue, IssuePath, LocaleOptions } from "../issues/issue";
import { fail, ok, type Result } from "../issues/result";
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
  const issues: Issue[] = [];
  const value = checkOrderReference(reference, options, [], issues);
  return issues.length > 0 ? fail(issues) : ok(value);
}

/** Adds the reference's issues to `issues` under `path` and returns the trimmed value. Internal. */
export function checkOrderReference(
  reference: unknown,
  options: OrderReferenceOptions,
  path: IssuePath,
  issues: Issue[],
): string | undefined {
  const locale = options.locale;
  if (reference !== undefined && reference !== null && typeof reference !== "string") {
    issues.push(createIssue("type_invalid", path, { expected: "string" }, locale));
    return undefined;
  }
  const value = (reference ?? "").trim();
  if (value === "") {
    if (options.required) issues.push(createIssue("reference_required", path, {}, locale));
    return undefined;
  }
  const recipientCount = options.recipientCount ?? 1;
  const maxBase = maxBaseReferenceLength(recipientCount);
  if (value.length > maxBase) {
    issues.push(
      createIssue(
        "reference_too_long",
        path,
        { max: ORDER_REFERENCE_MAX_LENGTH, maxBase, length: value.length, recipientCount },
        locale,
      ),
    );
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
  if (count > 0) {
    issues.push(createIssue("reference_invalid_character", path, { character, position, count }, locale));
  }
  return value;
}
