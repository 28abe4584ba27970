import type { CliIo } from "../cli-io";
import type { CommandResult } from "../commands/command";
import type { CliText } from "../text/cli-text";
import type { DescribedError } from "./describe-error";
import { issueLines } from "./issue-lines";

/** A JSON document as printed: indented, or on one line for a command that prints JSON Lines. */
const jsonText = (value: unknown, oneLine: boolean): string =>
  oneLine ? JSON.stringify(value) : JSON.stringify(value, null, 2);

/**
 * Prints a command's result: the JSON document alone on stdout with `--json` (on one line for a command that
 * prints JSON Lines), the lines otherwise; warnings go to stderr in both cases.
 *
 * @param io - The process.
 * @param result - The result.
 * @param json - Whether `--json` was given.
 * @param jsonLines - Whether the command prints JSON Lines.
 */
export function printResult(io: CliIo, result: CommandResult, json: boolean, jsonLines = false): void {
  if (json) io.stdout.write(`${jsonText(result.data, jsonLines)}\n`);
  else if (result.lines.length > 0) io.stdout.write(`${result.lines.join("\n")}\n`);
  for (const warning of result.warnings ?? []) io.stderr.write(`paylinks: ${warning}\n`);
}

/** The causes of an error, outermost first. */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = (error as { cause?: unknown } | null)?.cause;
  while (current !== undefined && chain.length < 10) {
    chain.push(current);
    current = (current as { cause?: unknown } | null)?.cause;
  }
  return chain;
}

const stackOf = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * Prints an error: its sentence and its issues on stderr (with `--json`, also an `{ "error": … }` document on
 * stdout, on one line for a command that prints JSON Lines), and the stack traces of the error and its causes only
 * with `--debug`.
 *
 * @param io - The process.
 * @param error - What was thrown.
 * @param described - Its description.
 * @param options - `--json`, `--debug`, the messages, and whether the command prints JSON Lines.
 */
export function printError(
  io: CliIo,
  error: unknown,
  described: DescribedError,
  options: {
    readonly json: boolean;
    readonly debug: boolean;
    readonly text: CliText;
    readonly jsonLines?: boolean | undefined;
  },
): void {
  const lines = [`paylinks: ${described.message}`, ...issueLines(described.issues, options.text.errors.sheetCell)];
  if (options.debug) {
    lines.push(
      "",
      stackOf(error),
      ...causes(error).map((cause) => `${options.text.errors.causedBy}: ${stackOf(cause)}`),
    );
  } else if (!described.expected) {
    lines.push(options.text.errors.debugHint);
  }
  io.stderr.write(`${lines.join("\n")}\n`);
  if (options.json) {
    const document = {
      error: {
        code: described.code,
        message: described.message,
        exitCode: described.exitCode,
        issues: described.issues,
        details: described.details,
      },
    };
    io.stdout.write(`${jsonText(document, options.jsonLines === true)}\n`);
  }
}
