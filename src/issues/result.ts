import type { Issue } from "./issue";

/**
 * The outcome of a validation: the validated value, or every issue found.
 *
 * Validators return it and never throw on bad input.
 */
export type Result<T> =
  | {
      /** The input is valid. */
      readonly ok: true;
      /** The validated, normalised value. */
      readonly value: T;
    }
  | {
      /** The input has issues. */
      readonly ok: false;
      /** Every issue found, in input order; never empty. */
      readonly issues: Issue[];
    };

/**
 * Builds a successful {@link Result}.
 * @param value - The validated value.
 * @returns `{ ok: true, value }`.
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * Builds a failed {@link Result}.
 * @param issues - At least one issue.
 * @returns `{ ok: false, issues }`.
 */
export function fail<T = never>(issues: Issue[]): Result<T> {
  return { ok: false, issues };
}
