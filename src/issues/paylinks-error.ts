import type { Issue } from "./issue";
import type { IssueCode } from "./issue-codes";

/**
 * Codes of errors that are not about one field of the input.
 *
 * `invalid_request`: the input has issues; they are in {@link PaylinksError.issues}.
 */
export const ERROR_CODES = ["invalid_request"] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Options of the {@link PaylinksError} constructor. */
export interface PaylinksErrorOptions {
  /** The issues that caused the error, when there are any. */
  readonly issues?: readonly Issue[] | undefined;
  /** The underlying error, for infrastructure failures. */
  readonly cause?: unknown;
}

/**
 * The one error class that paylinks throws: from the `assert…` variants of the validators, and from
 * functions used with an argument they cannot handle.
 *
 * @example
 * ```ts
 * try { assertLinkParameters(input, { shop }); }
 * catch (error) { if (error instanceof PaylinksError) console.log(error.code, error.issues); }
 * ```
 */
export class PaylinksError extends Error {
  /** Stable code: an {@link ErrorCode}, or an {@link IssueCode} when one issue explains it all. */
  readonly code: ErrorCode | IssueCode;
  /** The issues behind the error; empty when there are none. */
  readonly issues: readonly Issue[];

  /**
   * @param code - Stable code of the error.
   * @param message - A sentence for developers.
   * @param options - The issues and the cause.
   */
  constructor(code: ErrorCode | IssueCode, message: string, options: PaylinksErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PaylinksError";
    this.code = code;
    this.issues = options.issues ?? [];
  }
}
