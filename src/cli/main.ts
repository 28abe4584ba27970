import { CliError } from "./cli-error";
import type { CliIo } from "./cli-io";
import { GLOBAL_OPTIONS, TOP_LEVEL_OPTIONS } from "./command-line/option-spec";
import { parseCommandLine, readEarlyFlags, splitCommand } from "./command-line/parse-command-line";
import { textValue } from "./command-line/read-values";
import type { Command, CommandContext, CommandResult } from "./commands/command";
import { findCommand } from "./commands/registry";
import { loadSettings } from "./config/load-settings";
import type { Settings } from "./config/settings";
import { EXIT_CODES, type ExitCode } from "./exit-codes";
import { commandHelp, generalHelp } from "./help/render-help";
import { languageOfEnvironment, resolveLanguage } from "./language";
import { describeError } from "./output/describe-error";
import { printError, printResult } from "./output/print-result";
import { cliClock } from "./runtime/cli-clock";
import { openRuntime, type Runtime } from "./runtime/open-runtime";
import type { CliText } from "./text/cli-text";
import { textFor } from "./text/text-for";
import { packageVersion } from "./version";

/** A command's context, with the function that closes what it opened. */
function commandContext(io: CliIo, text: CliText, json: boolean, configPath: string | undefined) {
  const clock = cliClock(io, text);
  let settings: Promise<Settings> | undefined;
  let runtime: Promise<Runtime> | undefined;
  const context: CommandContext = {
    io,
    text,
    json,
    clock,
    configPath,
    settings: () => {
      settings ??= loadSettings(io, text, configPath);
      return settings;
    },
    open: (options) => {
      runtime ??= context.settings().then((loaded) => openRuntime(loaded, clock, io, text, options));
      return runtime;
    },
  };
  const close = async (): Promise<void> => {
    const opened = await runtime?.catch(() => undefined);
    await opened?.close();
  };
  return { context, close };
}

/** Runs `paylinks` without a command: `--version`, `--help`, or the help on stderr with a usage error. */
async function runTopLevel(args: readonly string[], io: CliIo, text: CliText): Promise<ExitCode> {
  const { values } = parseCommandLine(args, TOP_LEVEL_OPTIONS, text);
  if (values.version === true) {
    io.stdout.write(`${await packageVersion()}\n`);
    return EXIT_CODES.ok;
  }
  if (values.help === true) {
    io.stdout.write(`${generalHelp(text).join("\n")}\n`);
    return EXIT_CODES.ok;
  }
  io.stderr.write(`${generalHelp(text).join("\n")}\n\npaylinks: ${text.usage.noCommand}\n`);
  return EXIT_CODES.usage;
}

/** Checks the positional arguments of a command: exactly the ones it declares. */
function checkArguments(command: Command, positionals: readonly string[], text: CliText): void {
  if (positionals.length < command.args.length) {
    throw new CliError("missing_argument", text.usage.missingArgument(command.name, command.args), {
      details: { argument: command.args[positionals.length] ?? "" },
    });
  }
  const extra = positionals[command.args.length];
  if (extra !== undefined) {
    throw new CliError("unexpected_argument", text.usage.unexpectedArgument(extra, command.name), {
      details: { argument: extra },
    });
  }
}

/**
 * Runs the `paylinks` command line: finds the command, parses its flags, runs it, prints its result (one JSON
 * document with `--json`, on one line for a command that prints JSON Lines) or its error (with its code and issues,
 * a stack trace only with `--debug`), and closes the database and the mail transport it opened.
 *
 * @param argv - The arguments after `paylinks`.
 * @param io - The process: streams, environment, working directory.
 * @returns The exit code: 0 done, 1 invalid input, 2 usage, 3 infrastructure (see `EXIT_CODES`).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const early = readEarlyFlags(argv);
  let text = textFor(languageOfEnvironment(io));
  let close: (() => Promise<void>) | undefined;
  let jsonLines = false;
  try {
    text = textFor(resolveLanguage(early.lang, io, text));
    const { name, rest } = splitCommand(argv);
    if (name === undefined) return await runTopLevel(rest, io, text);
    if (name === "help") {
      const { positionals } = parseCommandLine(rest, GLOBAL_OPTIONS, text);
      const topic = positionals[0] === undefined ? undefined : findCommand(positionals[0]);
      if (positionals[0] !== undefined && !topic) {
        throw new CliError("unknown_command", text.usage.unknownCommand(positionals[0]), {
          details: { command: positionals[0] },
        });
      }
      io.stdout.write(`${(topic ? commandHelp(topic, text) : generalHelp(text)).join("\n")}\n`);
      return EXIT_CODES.ok;
    }
    const command = findCommand(name);
    if (!command)
      throw new CliError("unknown_command", text.usage.unknownCommand(name), { details: { command: name } });
    jsonLines = command.jsonLines === true;
    const { values, positionals } = parseCommandLine(rest, { ...GLOBAL_OPTIONS, ...command.options }, text);
    if (values.help === true) {
      io.stdout.write(`${commandHelp(command, text).join("\n")}\n`);
      return EXIT_CODES.ok;
    }
    checkArguments(command, positionals, text);
    const made = commandContext(io, text, early.json, textValue(values, "config"));
    close = made.close;
    const result: CommandResult = await command.run(made.context, { values, args: positionals });
    printResult(io, result, early.json, jsonLines);
    return result.exitCode ?? EXIT_CODES.ok;
  } catch (error) {
    const described = describeError(error, text);
    printError(io, error, described, { json: early.json, debug: early.debug, text, jsonLines });
    return described.exitCode;
  } finally {
    try {
      await close?.();
    } catch (error) {
      if (early.debug) io.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
    }
  }
}
