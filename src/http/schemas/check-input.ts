import type * as z from "zod/mini";
import { createIssue } from "../../issues/create-issue";
import type { Issue, IssuePath, Locale } from "../../issues/issue";
import { en } from "../../issues/messages-en";
import { HttpProblem } from "../http-problem";

type ZodIssue = z.core.$ZodIssue;

/** The `expected` of a `type_invalid` issue for a zod issue. */
function expectedOf(issue: ZodIssue): string {
  if (issue.code === "invalid_type") return issue.expected === "array" ? "list" : String(issue.expected);
  if (issue.code === "invalid_union") return "list";
  // The only formats the schemas check: ISO instants, and the digits of `limit`.
  if (issue.code === "invalid_format") return issue.format === "datetime" ? "instant" : "integer";
  if (issue.code === "invalid_value") return "choice";
  return "string";
}

/** Our issues for one zod issue: one `field_unknown` per unknown key, or one `type_invalid`. */
function issuesOf(issue: ZodIssue, prefix: IssuePath, locale: Locale): Issue[] {
  const path = [...prefix, ...issue.path.map((part) => (typeof part === "number" ? part : String(part)))];
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => createIssue("field_unknown", [...path, key], { field: key }, locale));
  }
  return [createIssue("type_invalid", path, { expected: expectedOf(issue) }, locale)];
}

/**
 * Checks an input against a request schema: every unknown field and every wrong JSON type, all at once, as
 * `invalid_request` (422) with our issue codes (`field_unknown`, `type_invalid`) and messages. Internal.
 *
 * @param schema - The schema.
 * @param input - The parsed body or query.
 * @param prefix - The path in front of every issue (`["query"]` for a query).
 * @param locale - The language of the messages.
 * @returns The input, typed.
 * @throws HttpProblem `invalid_request`.
 */
export function checkInput<Schema extends z.ZodMiniType>(
  schema: Schema,
  input: unknown,
  prefix: IssuePath,
  locale: Locale = en,
): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) => issuesOf(issue, prefix, locale));
  throw new HttpProblem(422, "invalid_request", { issues });
}
