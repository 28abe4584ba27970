import { createIssue } from "../issues/create-issue";
import type { Issue } from "../issues/issue";
import { en } from "../issues/messages-en";
import { ERROR_CODES, type ErrorCode, PaylinksError } from "../issues/paylinks-error";
import { fr } from "../locales/fr/messages-fr";
import type { HttpErrorCode } from "./http-error-codes";
import { type HttpLocale, httpMessage } from "./http-messages";
import { HttpProblem } from "./http-problem";

/** The status of each service error code. */
const STATUS: Readonly<Record<ErrorCode, number>> = {
  invalid_request: 422,
  invalid_context: 500,
  forbidden: 403,
  unauthorized: 401,
  not_found: 404,
  invalid_transition: 409,
  idempotency_conflict: 409,
  concurrent_update: 409,
  storage_failed: 503,
  delivery_failed: 502,
};

const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);

/** The JSON error answer. */
function errorAnswer(
  status: number,
  code: HttpErrorCode | ErrorCode,
  locale: HttpLocale,
  fields: { detail?: string; issues?: readonly Issue[]; details?: Readonly<Record<string, string>> },
  headers: Readonly<Record<string, string>> = {},
): Response {
  const body = {
    error: {
      code,
      message: httpMessage(code, locale),
      detail: fields.detail ?? null,
      issues: fields.issues ?? [],
      details: fields.details ?? {},
    },
  };
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** The issues of an error, with their messages in the answer's language (the service wrote them in `locale`). */
function issuesOf(error: PaylinksError, locale: HttpLocale): readonly Issue[] {
  const catalog = locale === "fr" ? fr : en;
  return error.issues.map((issue) => createIssue(issue.code, issue.path, issue.params ?? {}, catalog));
}

/**
 * The answer for anything an operation threw: an {@link HttpProblem} as it says, a `PaylinksError` with the
 * status of its code (an issue code, from a validator that found one issue, is `invalid_request`), and anything
 * else as `internal_error` without a word about it (its message could hold a secret). Internal.
 *
 * @param error - What was thrown.
 * @param locale - The language of the answer.
 * @param onError - Told of the unexpected errors.
 * @returns The answer.
 */
export function errorResponse(error: unknown, locale: HttpLocale, onError?: (error: unknown) => void): Response {
  if (error instanceof HttpProblem) {
    return errorAnswer(error.status, error.code, locale, { issues: error.issues }, error.headers);
  }
  if (error instanceof PaylinksError) {
    const code: ErrorCode = isErrorCode(error.code) ? error.code : "invalid_request";
    const status = STATUS[code];
    if (status >= 500 && code !== "storage_failed") onError?.(error);
    return errorAnswer(status, code, locale, {
      detail: error.message,
      issues: issuesOf(error, locale),
      details: error.details,
    });
  }
  onError?.(error);
  return errorAnswer(500, "internal_error", locale, {});
}
