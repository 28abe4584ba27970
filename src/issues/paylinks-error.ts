import type { Issue } from "./issue";
import type { IssueCode } from "./issue-codes";

/**
 * Codes of errors that are not about one field of the input.
 *
 * - `invalid_request`: the input has issues; they are in {@link PaylinksError.issues}.
 * - `invalid_context`: something supplied by the integrator, not the merchant's input, is unusable: a
 *   `paymentUrl` or `generateId` result that is not a non-empty string, a `now` that is not a valid `Date`, a
 *   time zone `Intl` does not know, an idempotency key that is not a non-empty string.
 * - `forbidden`: the actor lacks a permission, a shop or a mode; `details` names which.
 * - `unauthorized`: a payment notification's signature is missing, malformed, wrong or outside its time window.
 * - `not_found`: no such order, link or shop.
 * - `invalid_transition`: the action is not allowed in the link's payment status; `details` has both.
 * - `idempotency_conflict`: the idempotency key was already used for a different request.
 * - `concurrent_update`: the link kept changing under the call, which gave up without writing.
 * - `storage_failed`: the store failed; `cause` has its error, `details.operation` what was being done.
 * - `delivery_failed`: a mail transport could not send; `transient` says whether trying again may help.
 */
export const ERROR_CODES = [
  "invalid_request",
  "invalid_context",
  "forbidden",
  "unauthorized",
  "not_found",
  "invalid_transition",
  "idempotency_conflict",
  "concurrent_update",
  "storage_failed",
  "delivery_failed",
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Options of the {@link PaylinksError} constructor. */
export interface PaylinksErrorOptions {
  /** The issues that caused the error, when there are any. */
  readonly issues?: readonly Issue[] | undefined;
  /** The underlying error, for infrastructure failures. */
  readonly cause?: unknown;
  /** Facts about the error for programs: the permission, shop or mode missing, the status, the operation… */
  readonly details?: Readonly<Record<string, string>> | undefined;
  /** For `delivery_failed`: whether trying again may succeed (4xx, connection lost) or not (5xx). */
  readonly transient?: boolean | undefined;
}

const BRAND = Symbol.for("paylinks.PaylinksError");

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
  /** Facts about the error for programs; empty when there are none. */
  readonly details: Readonly<Record<string, string>>;
  /** For `delivery_failed`: whether trying again may help. */
  readonly transient: boolean | undefined;

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
    this.details = options.details ?? {};
    this.transient = options.transient;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * `instanceof` recognises a PaylinksError from either copy of the library (the ESM and the CommonJS build, which
   * an application may load both of), by a brand rather than by class identity.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
