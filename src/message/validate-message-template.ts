import { type Check, collect, type IssueSink } from "../internal/issue-sink";
import { readField } from "../internal/read-field";
import type { LocaleOptions } from "../issues/issue";
import type { Result } from "../issues/result";
import { MESSAGE_BODY_MAX_LENGTH, MESSAGE_SUBJECT_MAX_LENGTH, type MessageTemplate } from "./message-template";
import { isMessageVariableName } from "./message-variables";
import { parseTemplate } from "./parse-template";

/** Reports each unknown variable of a text once. */
function checkVariables(text: string, sink: IssueSink): void {
  const reported = new Set<string>();
  for (const segment of parseTemplate(text)) {
    if (typeof segment !== "string" && !isMessageVariableName(segment.variable) && !reported.has(segment.variable)) {
      reported.add(segment.variable);
      sink.add("message_unknown_variable", { variable: segment.variable });
    }
  }
}

function checkSubject(subject: unknown, sink: IssueSink): void {
  if (typeof subject !== "string") {
    sink.add("type_invalid", { expected: "string" });
    return;
  }
  if (subject.trim() === "") sink.add("message_subject_invalid", { reason: "empty" });
  else if (/[\r\n\u2028\u2029]/.test(subject)) sink.add("message_subject_invalid", { reason: "line_break" });
  else if (subject.length > MESSAGE_SUBJECT_MAX_LENGTH) {
    sink.add("message_subject_invalid", {
      reason: "too_long",
      max: MESSAGE_SUBJECT_MAX_LENGTH,
      length: subject.length,
    });
  }
  checkVariables(subject, sink);
}

function checkBody(body: unknown, sink: IssueSink): void {
  if (typeof body !== "string") {
    sink.add("type_invalid", { expected: "string" });
    return;
  }
  if (body.trim() === "") sink.add("message_body_empty");
  else if (body.length > MESSAGE_BODY_MAX_LENGTH) {
    sink.add("message_body_too_long", { max: MESSAGE_BODY_MAX_LENGTH, length: body.length });
  }
  checkVariables(body, sink);
}

/** Applies the step-3 rules to a template and reports every issue. Internal. */
export const checkMessageTemplate: Check<unknown, MessageTemplate> = (template, _context, sink) => {
  if (template === null || typeof template !== "object") {
    sink.add("type_invalid", { expected: "object" });
    return undefined;
  }
  const subject = readField(template, "subject");
  const body = readField(template, "body");
  checkSubject(subject, sink.at("subject"));
  checkBody(body, sink.at("body"));
  return { subject: typeof subject === "string" ? subject : "", body: typeof body === "string" ? body : "" };
};

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
  return collect(options.locale, (sink) => checkMessageTemplate(template, undefined, sink));
}
