/** The placeholders of option values in the help (`--amount <amount>`), translated by the help catalog. */
export type ValueName =
  | "amount"
  | "addresses"
  | "address"
  | "code"
  | "cursor"
  | "date"
  | "days"
  | "file"
  | "id"
  | "instant"
  | "key"
  | "lang"
  | "language"
  | "number"
  | "per-second"
  | "preference"
  | "prefix"
  | "reference"
  | "saving"
  | "seconds"
  | "statuses"
  | "text"
  | "time";

/** One flag of a command: what `node:util` `parseArgs` needs, and the value's placeholder for the help. */
export interface OptionSpec {
  /** A flag (`boolean`) or a flag with a value (`string`). */
  readonly type: "string" | "boolean";
  /** A one-letter alias. */
  readonly short?: string;
  /** Whether it may be repeated; the values are then collected in a list. */
  readonly multiple?: boolean;
  /** The placeholder of the value in the help. */
  readonly value?: ValueName;
}

/** The flags of a command, by long name (without `--`). */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The flags every command takes. */
export const GLOBAL_OPTIONS = {
  json: { type: "boolean" },
  lang: { type: "string", value: "lang" },
  config: { type: "string", value: "file" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionSpecs;

/** The flags of `paylinks` without a command. */
export const TOP_LEVEL_OPTIONS = {
  ...GLOBAL_OPTIONS,
  version: { type: "boolean", short: "V" },
} as const satisfies OptionSpecs;

/** The values parsed from the command line, by long name. */
export type OptionValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
