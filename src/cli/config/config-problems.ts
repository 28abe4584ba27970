/** The shape of a value in the config file, as data: walked by {@link checkShape}. */
export type Shape =
  | "text"
  | "boolean"
  | "number"
  | { readonly list: Shape }
  | { readonly oneOf: readonly string[] }
  | { readonly object: Readonly<Record<string, Shape>>; readonly required?: readonly string[] };

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

const join = (path: string, key: string | number): string => (path === "" ? String(key) : `${path}.${key}`);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks a value against a shape and collects every problem (an absent optional key is fine; an unknown key is
 * a problem, so that a typo does not go unnoticed).
 *
 * @param value - The value, comments already removed.
 * @param shape - Its expected shape.
 * @param path - The dotted path of the value.
 * @param problems - Where problems are added.
 */
export function checkShape(value: unknown, shape: Shape, path: string, problems: ConfigProblem[]): void {
  if (shape === "text") {
    if (typeof value !== "string") problems.push({ path, kind: "expected_text" });
  } else if (shape === "boolean") {
    if (typeof value !== "boolean") problems.push({ path, kind: "expected_boolean" });
  } else if (shape === "number") {
    if (typeof value !== "number" || !Number.isFinite(value)) problems.push({ path, kind: "expected_number" });
  } else if ("list" in shape) {
    if (!Array.isArray(value)) problems.push({ path, kind: "expected_list" });
    else {
      for (const [index, item] of value.entries()) checkShape(item, shape.list, join(path, index), problems);
    }
  } else if ("oneOf" in shape) {
    if (typeof value !== "string" || !shape.oneOf.includes(value)) {
      problems.push({ path, kind: "expected_one_of", value: shape.oneOf.join(", ") });
    }
  } else if (!isRecord(value)) {
    problems.push({ path, kind: "expected_object" });
  } else {
    for (const key of shape.required ?? []) {
      if (value[key] === undefined) problems.push({ path: join(path, key), kind: "missing" });
    }
    for (const [key, item] of Object.entries(value)) {
      const fieldShape = shape.object[key];
      if (fieldShape === undefined) problems.push({ path: join(path, key), kind: "unknown_key" });
      else if (item !== undefined) checkShape(item, fieldShape, join(path, key), problems);
    }
  }
}
