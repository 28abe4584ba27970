import { createIssue } from "../issues/create-issue";
import type { Issue, IssuePath, LocaleOptions } from "../issues/issue";
import { fail, ok, type Result } from "../issues/result";
import { readField } from "../link/read-field";
import { MESSAGE_BODY_MAX_LENGTH, MESSAGE_SUBJECT_MAX_LENGTH, type MessageTemplate } from "./message-template";
import { isMessageVariableName } from "./message-variables";
import { parseTemplate } from "./parse-template";

function unknownVariables(text: string, path: IssuePath, issues: Issue[], locale: LocaleOptions["locale"]): void {
  const reported = new Set<string>();
  for (const segment of parseTemplate(text)) {
    if (typeof segment !== "string" && !isMessageVariableName(segment.variable) && !reported.has(segment.variable)) {
      reported.add(segment.variable);
      issues.push(createIssue("message_unknown_variable", path, { variable: segment.variable }, locale));
    }
  }
}

/** Applies the step-3 rules under `path`. Internal. */
export function checkMessageTemplate(
  template: unknown,
  path: IssuePath,
  issues: Issue[],
  locale: LocaleOptions["locale"],
): MessageTemplate {
  const subject = readField(template, "subject");
  const body = readField(template, "body");
  if (template === null || typeof template !== "object") {
    issues.push(createIssue("type_invalid", path, { expected: "object" }, locale));
    return { subject: "", body: "" };
  }
  const subjectPath = [...path, "subject"];
  const bodyPath = [...path, "body"];
  if (typeof subject !== "string")
    issues.push(createIssue("type_invalid", subjectPath, { expected: "string" }, locale));
  else {
    if (subject.trim() === "") {
      issues.push(createIssue("message_subject_invalid", subjectPath, { reason: "empty" }, locale));
    } else if (/[\r\n\u2028\u2029]/.test(subject)) {
      issues.push(createIssue("message_subject_invalid", subjectPath, { reason: "line_break" }, locale));
    } else if (subject.length > MESSAGE_SUBJECT_MAX_LENGTH) {
      const params = { reason: "too_long", max: MESSAGE_SUBJECT_MAX_LENGTH, length: subject.length };
      issues.push(createIssue("message_subject_invalid", subjectPath, params, locale));
    }
    unknownVariables(subject, subjectPath, issues, locale);
  }
  if (typeof body !== "string") issues.push(createIssue("type_invalid", bodyPath, { expected: "string" }, locale));
  else {
    if (body.trim() === "") issues.push(createIssue("message_body_empty", bodyPath, {}, locale));
    else if (body.length > MESSAGE_BODY_MAX_LENGTH) {
      const params = { max: MESSAGE_BODY_MAX_LENGTH, length: body.length };
      issues.push(createIssue("message_body_too_long", bodyPath, params, locale));
    }
    unknownVariables(body, bodyPath, issues, locale);
  }
  return { subject: typeof subject === "string" ? subject : "", body: typeof body === "string" ? body : "" };
}

/**
 * Checks a message template (step 3, "Personnaliser le contenu du message"): a subject of one line and at most
 * 255 characters, a body of at most 2,000 characters, and only known `%variables%`.
 *
 * @param template - The subject and body.
 * @param options - `locale` of the issue messages.
 * @returns The template, or the issues: `message_subject_invalid` (`reason`: `empty`, `line_break` or
 *   `too_long`), `message_body_empty`, `message_body_too_long`, and `message_unknown_variable` (with the
 *   `variable`'s name, once per field and name).
 * @example
 * ```ts
 * validateMessageTemplate({ subject: "Your order", body: "Pay %amout% here: %url%" });
 * // message_unknown_variable at ["body"], params { variable: "amout" }
 * ```
 */
export function validateMessageTemplate(
  template: MessageTemplate,
  options: LocaleOptions = {},
): Result<MessageTemplate> {
  const issues: Issue[] = [];
  const value = checkMessageTemplate(template, [], issues, options.locale);
  return issues.length > 0 ? fail(issues) : ok(value);
}
