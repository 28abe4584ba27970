import * as z from "zod/mini";
import { CONFIG_FILE_SCHEMA } from "./config-file";

/** What can be wrong with one value of the config file. */
export type ConfigProblemKind =
  | "missing"
  | "unknown_key"
  | "expected_text"
  | "expected_boolean"
  | "expected_number"
  | "expected_list"
  | "expected_object"
  | "expected_one_of"
  | "payment_url_token"
  | "payment_url_invalid"
  | "timezone_invalid"
  | "currency_unknown"
  | "no_shops"
  | "duplicate_shop"
  | "default_shop_unknown"
  | "invalid_json";

/** One problem of the config file: where (a dotted path) and what. */
export interface ConfigProblem {
  /** The dotted path of the value, e.g. `shops.0.timezone`; empty for the whole file. */
  readonly path: string;
  /** What is wrong. */
  readonly kind: ConfigProblemKind;
  /** The value or the choices the message names, when there is one. */
  readonly value?: string | undefined;
}

/** A zod issue, as far as the problems read it. */
type SchemaIssue = z.core.$ZodIssue;

const join = (path: readonly PropertyKey[], key?: string): string =>
  [...path, ...(key === undefined ? [] : [key])].map(String).join(".");

/** The problem kind of a value of the wrong type, by the type zod expected. */
const EXPECTED: Readonly<Record<string, ConfigProblemKind>> = {
  string: "expected_text",
  boolean: "expected_boolean",
  number: "expected_number",
  array: "expected_list",
  object: "expected_object",
};

/** The problems one zod issue stands for: one per unknown key, else one. */
function problemsOf(issue: SchemaIssue): ConfigProblem[] {
  const path = join(issue.path);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ path: join(issue.path, key), kind: "unknown_key" as const }));
  }
  if (issue.code === "invalid_value") {
    return [{ path, kind: "expected_one_of", value: issue.values.map(String).join(", ") }];
  }
  if (issue.code === "invalid_type") {
    if (issue.input === undefined) return [{ path, kind: "missing" }];
    return [{ path, kind: EXPECTED[issue.expected] ?? "expected_object" }];
  }
  return [{ path, kind: "expected_object" }];
}

/**
 * Checks the config file against {@link CONFIG_FILE_SCHEMA} and gives every problem: a required key that is
 * absent, a value of the wrong type, a value outside its choices, and each unknown key (so that a typo does not go
 * unnoticed).
 *
 * @param value - The file's content, comments already removed.
 * @returns The problems, none when the file has the right shape.
 */
export function shapeProblems(value: unknown): ConfigProblem[] {
  const result = z.safeParse(CONFIG_FILE_SCHEMA, value, { reportInput: true });
  return result.success ? [] : result.error.issues.flatMap(problemsOf);
}
