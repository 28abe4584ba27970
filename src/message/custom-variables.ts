import type { Check, IssueSink } from "../internal/issue-sink";
import { preview } from "../internal/preview";
import { readField } from "../internal/read-field";
import { isMessageVariableName, REMINDER_VARIABLE_NAMES } from "./message-variables";

/** The longest value a custom message variable may have, in characters. */
export const VARIABLE_VALUE_MAX_LENGTH = 500;

/** Why a custom variable's name cannot be used. Internal. */
export type VariableNameProblem = "name" | "reserved";

/**
 * Whether a name can be a custom variable: ASCII letters, digits and `_` (what a template can write between `%`
 * signs), and not one of the built-in {@link MESSAGE_VARIABLES} or {@link REMINDER_VARIABLES}. Internal.
 */
export function variableNameProblem(name: string): VariableNameProblem | undefined {
  if (!/^[A-Za-z0-9_]+$/.test(name)) return "name";
  return isMessageVariableName(name) || REMINDER_VARIABLE_NAMES.has(name) ? "reserved" : undefined;
}

/**
 * Checks one custom variable's value: a text (a number is written as text) of at most
 * {@link VARIABLE_VALUE_MAX_LENGTH} characters, trimmed. Internal.
 * @returns The value, `undefined` for an empty one (lines using it are left out).
 */
export function checkVariableValue(value: unknown, name: string, sink: IssueSink): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" && typeof value !== "number") {
    sink.add("type_invalid", { expected: "string" });
    return undefined;
  }
  const text = String(value).trim();
  if (text.length > VARIABLE_VALUE_MAX_LENGTH) {
    sink.add("variable_invalid", {
      reason: "too_long",
      name,
      max: VARIABLE_VALUE_MAX_LENGTH,
      length: text.length,
    });
    return undefined;
  }
  return text === "" ? undefined : text;
}

/**
 * Checks the custom variables of a request: an object whose keys are variable names and whose values are texts.
 * Empty values are left out. Internal.
 */
export const checkCustomVariables: Check<unknown, Record<string, string>> = (input, _context, sink) => {
  if (input === undefined || input === null) return {};
  if (typeof input !== "object" || Array.isArray(input)) {
    sink.add("type_invalid", { expected: "object" });
    return undefined;
  }
  // Built with fromEntries so that a name such as __proto__ is an own key, never the prototype.
  const entries: [string, string][] = [];
  for (const name of Object.keys(input)) {
    const at = sink.at(name);
    const problem = variableNameProblem(name);
    if (problem !== undefined) {
      at.add("variable_invalid", { reason: problem, name: preview(name) });
      continue;
    }
    const value = checkVariableValue(readField(input, name), name, at);
    if (value !== undefined) entries.push([name, value]);
  }
  return Object.fromEntries(entries);
};
