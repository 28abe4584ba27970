import type { Issue } from "../../issues/issue";
import { PaylinksError } from "../../issues/paylinks-error";
import { CliError, type CliProblem } from "../cli-error";
import { EXIT_CODES, type ExitCode } from "../exit-codes";
import { reasonOf } from "../runtime/describe-error";
import type { CliText } from "../text/cli-text";

/** An error as the CLI reports it: a stable code, a sentence, the issues, and the exit code. */
export interface DescribedError {
  /** The library's or the CLI's code; `unexpected` for anything else. */
  readonly code: string;
  /** A sentence in the user's language. */
  readonly message: string;
  /** The issues or problems listed under it. */
  readonly issues: readonly (Issue | CliProblem)[];
  /** Facts for programs. */
  readonly details: Readonly<Record<string, string>>;
  /** The exit code. */
  readonly exitCode: ExitCode;
  /** Whether it was expected (no stack trace without `--debug`). */
  readonly expected: boolean;
}

/** The library's error codes that are about the input or the action asked for (exit code 1). */
const INPUT_CODES = new Set([
  "invalid_request",
  "invalid_transition",
  "forbidden",
  "not_found",
  "idempotency_conflict",
]);
/** The library's error codes of an infrastructure failure (exit code 3). */
const INFRASTRUCTURE_CODES = new Set(["storage_failed", "delivery_failed", "concurrent_update"]);

/**
 * The exit code of a library error: 1 for the input (`invalid_request`, `invalid_transition`, `forbidden`,
 * `not_found`, `idempotency_conflict`, and an issue code), 2 for the configuration (`invalid_context`), 3 for
 * the infrastructure (`storage_failed`, `delivery_failed`, `concurrent_update`).
 *
 * @param code - The error's code.
 * @returns The exit code.
 */
export function exitCodeOfLibraryError(code: string): ExitCode {
  if (INFRASTRUCTURE_CODES.has(code)) return EXIT_CODES.infrastructure;
  if (code === "invalid_context") return EXIT_CODES.usage;
  return EXIT_CODES.invalidInput;
}

function libraryMessage(error: PaylinksError, text: CliText): string {
  const d = error.details;
  const e = text.errors;
  switch (error.code) {
    case "invalid_request":
      return error.issues.length > 0 ? e.invalidRequest(error.issues.length) : e.invalidRequestPlain(error.message);
    case "invalid_transition":
      if (d.reason === "expired") return e.reactivateExpired(d.linkId ?? "");
      if (d.action === "recordPayment" && d.status === "EXPIRED") return e.paymentAfterExpiry(d.linkId ?? "");
      return e.invalidTransition(e.actions[d.action ?? ""] ?? d.action ?? "", d.status ?? "", d.linkId ?? "");
    case "forbidden":
      return e.forbidden(d);
    case "not_found":
      if (d.shopId !== undefined) return e.shopNotFound(d.shopId);
      if (d.orderId !== undefined) return e.orderNotFound(d.orderId);
      return e.notFound(d.linkId ?? d.id ?? "");
    case "idempotency_conflict":
      return e.idempotencyConflict(d.orderId ?? "");
    case "concurrent_update":
      return e.concurrentUpdate(d.linkId ?? "");
    case "storage_failed":
      return e.storageFailed(d.operation ?? "", reasonOf(error.cause ?? error));
    case "delivery_failed":
      return e.deliveryFailed(error.message);
    case "invalid_context":
      return e.invalidContext(error.message);
    default:
      return error.message;
  }
}

/**
 * Describes anything a command threw: a {@link CliError}, a `PaylinksError` (in the user's language, from its code
 * and details), or an unexpected error.
 *
 * @param error - What was thrown.
 * @param text - The messages.
 * @returns The description.
 */
export function describeError(error: unknown, text: CliText): DescribedError {
  if (error instanceof CliError) {
    return {
      code: error.code,
      message: error.message,
      issues: error.problems,
      details: error.details,
      exitCode: error.exitCode,
      expected: true,
    };
  }
  if (error instanceof PaylinksError) {
    const exitCode = INPUT_CODES.has(error.code) ? EXIT_CODES.invalidInput : exitCodeOfLibraryError(error.code);
    return {
      code: error.code,
      message: libraryMessage(error, text),
      issues: error.issues,
      details: error.details,
      exitCode,
      expected: true,
    };
  }
  return {
    code: "unexpected",
    message: text.errors.unexpected(reasonOf(error)),
    issues: [],
    details: {},
    exitCode: EXIT_CODES.infrastructure,
    expected: false,
  };
}
