import type { Clock } from "../../ports/runtime";
import type { CliIo } from "../cli-io";
import type { OptionSpecs, OptionValues } from "../command-line/option-spec";
import type { Settings } from "../config/settings";
import type { ExitCode } from "../exit-codes";
import type { Runtime, RuntimeOptions } from "../runtime/open-runtime";
import type { CliText } from "../text/cli-text";

/** The commands of `paylinks`, in the order the help lists them. */
export const COMMAND_NAMES = [
  "create",
  "deliver",
  "worker",
  "serve",
  "list",
  "show",
  "resend",
  "cancel",
  "reactivate",
  "expiry",
  "reminders",
  "duplicate",
  "pay",
  "expire",
  "init",
] as const;

/** One of {@link COMMAND_NAMES}. */
export type CommandName = (typeof COMMAND_NAMES)[number];

/** The headings under which the help groups a command's flags. */
export type OptionGroup = "step1" | "step2" | "step3" | "run" | "filters" | "pages" | "options";

/** What a command works with: the process, the messages, the settings and the service, opened on demand. */
export interface CommandContext {
  /** The process. */
  readonly io: CliIo;
  /** The messages, in the user's language. */
  readonly text: CliText;
  /**
   * Whether `--json` was given: the result is then one JSON document (one JSON object per line for a command with
   * `jsonLines`), and progress is not shown.
   */
  readonly json: boolean;
  /** The clock (`PAYLINKS_NOW` may shift it). */
  readonly clock: Clock;
  /** The `--config` flag, if given. */
  readonly configPath: string | undefined;
  /** Loads the settings (once). */
  settings(): Promise<Settings>;
  /** Opens the store and the transport (once); the CLI closes them when the command is done. */
  open(options?: RuntimeOptions): Promise<Runtime>;
}

/** The parsed command line of a command. */
export interface CommandInput {
  /** The flags. */
  readonly values: OptionValues;
  /** The positional arguments, as many as the command declares. */
  readonly args: readonly string[];
}

/** What a command did: the document of `--json`, the lines for people, and the exit code. */
export interface CommandResult {
  /** The `--json` document. */
  readonly data: unknown;
  /** The lines printed on stdout without `--json`. */
  readonly lines: readonly string[];
  /** Warnings printed on stderr, with or without `--json`. */
  readonly warnings?: readonly string[] | undefined;
  /**
   * The exit code.
   * @defaultValue 0
   */
  readonly exitCode?: ExitCode | undefined;
}

/** A command: its arguments and flags, and what it does. */
export interface Command {
  /** Its name. */
  readonly name: CommandName;
  /** Its positional arguments (`<id>`), all required. */
  readonly args: readonly "id"[];
  /** Its flags, besides the global ones. */
  readonly options: OptionSpecs;
  /**
   * Whether the command prints as it goes (one line per batch) rather than once at the end: with `--json`, each of
   * its lines, its result and its error are then one compact JSON object per line (JSON Lines).
   */
  readonly jsonLines?: boolean | undefined;
  /** How the help groups the flags; one group of all of them when absent. */
  readonly groups?: readonly { readonly group: OptionGroup; readonly options: readonly string[] }[] | undefined;
  /** Runs the command. */
  run(context: CommandContext, input: CommandInput): Promise<CommandResult>;
}
