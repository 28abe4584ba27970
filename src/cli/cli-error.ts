import { EXIT_CODES, type ExitCode } from "./exit-codes";

/** The stable codes of the errors the CLI itself raises (the library's errors keep their own codes). */
export const CLI_ERROR_CODES = {
  unknown_command: EXIT_CODES.usage,
  unknown_option: EXIT_CODES.usage,
  missing_value: EXIT_CODES.usage,
  missing_argument: EXIT_CODES.usage,
  unexpected_argument: EXIT_CODES.usage,
  invalid_value: EXIT_CODES.usage,
  conflicting_options: EXIT_CODES.usage,
  unreadable_file: EXIT_CODES.usage,
  config_not_found: EXIT_CODES.usage,
  config_invalid: EXIT_CODES.usage,
  file_exists: EXIT_CODES.invalidInput,
  test_mode_only: EXIT_CODES.invalidInput,
  missing_dependency: EXIT_CODES.infrastructure,
  database_unreachable: EXIT_CODES.infrastructure,
  database_busy: EXIT_CODES.infrastructure,
  smtp_unreachable: EXIT_CODES.infrastructure,
  outbox_unwritable: EXIT_CODES.infrastructure,
  unwritable_file: EXIT_CODES.infrastructure,
  delivery_incomplete: EXIT_CODES.infrastructure,
} as const satisfies Record<string, ExitCode>;

/** One of {@link CLI_ERROR_CODES}. */
export type CliErrorCode = keyof typeof CLI_ERROR_CODES;

/** One problem listed under an error's message, like an issue: where, a stable code, and a sentence. */
export interface CliProblem {
  /** Where: a dotted path (`shops.0.timezone`), or empty. */
  readonly path: string;
  /** Stable code. */
  readonly code: string;
  /** The sentence, in the user's language. */
  readonly message: string;
}

/** Options of {@link CliError}. */
export interface CliErrorOptions {
  /** The problems behind the error, listed under its message. */
  readonly problems?: readonly CliProblem[] | undefined;
  /** The underlying error, shown with `--debug`. */
  readonly cause?: unknown;
  /** Facts for programs, in the `--json` error document. */
  readonly details?: Readonly<Record<string, string>> | undefined;
}

/**
 * An error of the command line itself, with a message already written in the user's language. Expected: it is
 * printed without a stack trace (unless `--debug`), and its code gives the exit code.
 */
export class CliError extends Error {
  /** Stable code. */
  readonly code: CliErrorCode;
  /** Facts for programs. */
  readonly details: Readonly<Record<string, string>>;
  /** The problems behind the error; empty when there are none. */
  readonly problems: readonly CliProblem[];

  /**
   * @param code - Stable code; it decides the exit code.
   * @param message - The sentence shown to the user, in the user's language.
   * @param options - The cause and the details.
   */
  constructor(code: CliErrorCode, message: string, options: CliErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "CliError";
    this.code = code;
    this.details = options.details ?? {};
    this.problems = options.problems ?? [];
  }

  /** The exit code of this error. */
  get exitCode(): ExitCode {
    return CLI_ERROR_CODES[this.code];
  }
}
