/**
 * The exit codes of the `paylinks` command.
 *
 * - `ok` (0): done.
 * - `invalidInput` (1): the command was understood but refused: invalid input (with its issues), an action the
 *   link's status does not allow, a missing permission, an unknown link or order, an idempotency key reused, a
 *   file that `init` would overwrite.
 * - `usage` (2): the command line or the configuration is wrong: an unknown command or flag, a missing argument,
 *   a flag value of the wrong kind, an unreadable or invalid config file.
 * - `infrastructure` (3): something outside the input failed: the database or the mail server is unreachable,
 *   storage failed, an e-mail could not be delivered, an optional dependency is not installed.
 */
export const EXIT_CODES = {
  ok: 0,
  invalidInput: 1,
  usage: 2,
  infrastructure: 3,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
