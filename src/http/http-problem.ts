import type { Issue } from "../issues/issue";
import type { HttpErrorCode } from "./http-error-codes";

/** An error the API answers itself, before or instead of calling the service. Internal. */
export class HttpProblem extends Error {
  /** The HTTP status. */
  readonly status: number;
  /** The stable code. */
  readonly code: HttpErrorCode | "invalid_request";
  /** The issues, for `invalid_request`. */
  readonly issues: readonly Issue[];
  /** Headers to add to the answer (`Allow`). */
  readonly headers: Readonly<Record<string, string>>;

  /**
   * @param status - The HTTP status.
   * @param code - The stable code.
   * @param options - The issues and the headers.
   */
  constructor(
    status: number,
    code: HttpErrorCode | "invalid_request",
    options: { issues?: readonly Issue[]; headers?: Readonly<Record<string, string>> } = {},
  ) {
    super(code);
    this.name = "HttpProblem";
    this.status = status;
    this.code = code;
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
  }
}
