import { parseArgs } from "node:util";
import { CliError } from "../cli-error";
import type { CliText } from "../text/cli-text";
import { GLOBAL_OPTIONS, type OptionSpecs, type OptionValues } from "./option-spec";

/** The global flags read before the command line is parsed, so that even a usage error is in the right language. */
export interface EarlyFlags {
  /** `--lang`, as given. */
  readonly lang: string | undefined;
  /** `--json`. */
  readonly json: boolean;
  /** `--debug`. */
  readonly debug: boolean;
}

const VALUE_FLAGS = Object.entries(GLOBAL_OPTIONS)
  .filter(([, spec]) => spec.type === "string")
  .map(([name]) => `--${name}`);

/**
 * Reads `--lang`, `--json` and `--debug` wherever they are, without failing on anything else.
 *
 * @param argv - The arguments after `paylinks`.
 * @returns The three flags.
 */
export function readEarlyFlags(argv: readonly string[]): EarlyFlags {
  let lang: string | undefined;
  let json = false;
  let debug = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === "--") break;
    if (token === "--json") json = true;
    else if (token === "--debug") debug = true;
    else if (token === "--lang") lang = argv[++i];
    else if (token.startsWith("--lang=")) lang = token.slice("--lang=".length);
  }
  return { lang, json, debug };
}

/**
 * Finds the command: the first argument that is neither a flag nor the value of a global flag.
 *
 * @param argv - The arguments after `paylinks`.
 * @returns The command's name (if any) and the other arguments, in order.
 */
export function splitCommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === "--") break;
    if (VALUE_FLAGS.includes(token)) {
      i++;
      continue;
    }
    if (!token.startsWith("-")) return { name: token, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { name: undefined, rest: [...argv] };
}

/**
 * Whether an argument starting with `--` is an id rather than a flag: 16 characters or more of the id alphabet
 * (`A–Z a–z 0–9 _ -`), with at least one that no flag name has (an upper-case letter, a digit or `_`). A random
 * 21-character id that starts with `--` has one with a probability above 0.9999999.
 */
export const looksLikeId = (token: string): boolean =>
  token.length >= 16 && /^[A-Za-z0-9_-]+$/.test(token) && /[A-Z0-9_]/.test(token);

/**
 * Prepares the arguments for `parseArgs`, so that values starting with `-` are read as values: ids are random and
 * may start with `-` (nanoid's alphabet has it), and so may a flag's value.
 *
 * - A flag that takes a value is joined to the next argument (`--transaction -x` → `--transaction=-x`).
 * - An argument of three characters or more starting with a single `-` that is not a cluster of the command's
 *   one-letter switches (`-h`) is a positional argument (`cancel -V1StGX…`): it is moved after a `--`. A single
 *   letter (`-x`) stays a flag, reported as unknown when it is one.
 * - An argument starting with `--` that is not one of the flags and looks like an id (see {@link looksLikeId}) is
 *   a positional argument too (`show --x8Zq…`): one nanoid in 4,096 starts with `--`. Anything else starting with
 *   `--` stays a flag, so a mistyped flag is still reported as unknown.
 *
 * @param args - The arguments, the command's name removed.
 * @param options - The command's flags and the global ones.
 * @returns The arguments to give `parseArgs`.
 */
export function protectDashValues(args: readonly string[], options: OptionSpecs): string[] {
  const shorts = new Set(
    Object.values(options).flatMap((spec) => (spec.type === "boolean" && spec.short ? [spec.short] : [])),
  );
  const kept: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const token = args[i] as string;
    if (token === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    const next = args[i + 1];
    if (
      token.startsWith("--") &&
      !token.includes("=") &&
      options[token.slice(2)]?.type === "string" &&
      next !== undefined
    ) {
      kept.push(`${token}=${next}`);
      i++;
    } else if (
      token.startsWith("-") &&
      !token.startsWith("--") &&
      token.length > 2 &&
      ![...token.slice(1)].every((c) => shorts.has(c))
    ) {
      positionals.push(token);
    } else if (token.startsWith("--") && options[token.slice(2)] === undefined && looksLikeId(token)) {
      positionals.push(token);
    } else kept.push(token);
  }
  return positionals.length > 0 ? [...kept, "--", ...positionals] : kept;
}

/** The flag an error of `parseArgs` is about, as it quotes it (`'--amount <value>'` → `--amount`). */
const flagOf = (message: string): string => /'(-{1,2}[^'\s<]+)/.exec(message)?.[1] ?? message;

/**
 * Parses the arguments of a command with `node:util` `parseArgs`, strictly: an unknown flag, a flag without its
 * value or a value given to a switch is a usage error (exit code 2), in the user's language.
 *
 * @param args - The arguments, the command's name removed.
 * @param options - The command's flags and the global ones.
 * @param text - The messages.
 * @returns The flags' values and the positional arguments.
 * @throws CliError `unknown_option`, `missing_value` or `invalid_value`.
 */
export function parseCommandLine(
  args: readonly string[],
  options: OptionSpecs,
  text: CliText,
): { values: OptionValues; positionals: string[] } {
  const config: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(options)) {
    config[name] = {
      type: spec.type,
      ...(spec.short ? { short: spec.short } : {}),
      ...(spec.multiple ? { multiple: true } : {}),
    };
  }
  try {
    const { values, positionals } = parseArgs({
      args: protectDashValues(args, options),
      options: config,
      strict: true,
      allowPositionals: true,
    });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    const flag = flagOf(message);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      throw new CliError("unknown_option", text.usage.unknownOption(flag), { cause: error, details: { option: flag } });
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      if (message.includes("does not take an argument")) {
        throw new CliError("invalid_value", text.usage.noValueExpected(flag), {
          cause: error,
          details: { option: flag },
        });
      }
      throw new CliError("missing_value", text.usage.missingValue(flag), { cause: error, details: { option: flag } });
    }
    throw error;
  }
}
