import { type Check, collect, type IssueSink } from "../internal/issue-sink";
import { readField } from "../internal/read-field";
import type { LocaleOptions } from "../issues/issue";
import type { Result } from "../issues/result";
import { MESSAGE_BODY_MAX_LENGTH, MESSAGE_SUBJECT_MAX_LENGTH, type MessageTemplate } from "./message-template";
import { isMessageVariableName, REMINDER_VARIABLE_NAMES } from "./message-variables";
import { parseTemplate } from "./parse-template";

/** The names a template may use besides the built-in ones: the request's custom variables. Internal. */
export type ExtraVariables = ReadonlySet<string> | undefined;

/** Reports each unknown variable of a text once. */
function checkVariables(text: string, extra: ExtraVariables, sink: IssueSink): void {
  const reported = new Set<string>();
  for (const segment of parseTemplate(text)) {
    if (
      typeof segment !== "string" &&
      !isMessageVariableName(segment.variable) &&
      !extra?.has(segment.variable) &&
      !reported.has(segment.variable)
    ) {
      reported.add(segment.variable);
      sink.add("message_unknown_variable", { variable: segment.variable });
    }
  }
}

function checkSubject(subject: unknown, extra: ExtraVariables, sink: IssueSink): void {
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
  checkVariables(subject, extra, sink);
}

function checkBody(body: unknown, extra: ExtraVariables, sink: IssueSink): void {
  if (typeof body !== "string") {
    sink.add("type_invalid", { expected: "string" });
    return;
  }
  if (body.trim() === "") sink.add("message_body_empty");
  else if (body.length > MESSAGE_BODY_MAX_LENGTH) {
    sink.add("message_body_too_long", { max: MESSAGE_BODY_MAX_LENGTH, length: body.length });
  }
  checkVariables(body, extra, sink);
}

/** Checks a subject and a body. */
function checkParts(
  template: unknown,
  extra: ExtraVariables,
  sink: IssueSink,
): { readonly subject: string; readonly body: string } | undefined {
  if (template === null || typeof template !== "object") {
    sink.add("type_invalid", { expected: "object" });
    return undefined;
  }
  const subject = readField(template, "subject");
  const body = readField(template, "body");
  checkSubject(subject, extra, sink.at("subject"));
  checkBody(body, extra, sink.at("body"));
  return { subject: typeof subject === "string" ? subject : "", body: typeof body === "string" ? body : "" };
}

/**
 * Applies the step-3 rules to a template and reports every issue; `extra` names the custom variables. Its
 * `reminder`, when given, is checked the same way and may also use the {@link REMINDER_VARIABLES}. Internal.
 */
export const checkMessageTemplate: Check<ExtraVariables, MessageTemplate> = (template, extra, sink) => {
  const parts = checkParts(template, extra, sink);
  if (parts === undefined) return undefined;
  const rawReminder = readField(template, "reminder");
  if (rawReminder === undefined || rawReminder === null) return parts;
  const reminder = checkParts(
    rawReminder,
    new Set([...(extra ?? []), ...REMINDER_VARIABLE_NAMES]),
    sink.at("reminder"),
  );
  return reminder === undefined ? undefined : { ...parts, reminder };
};

/** Options of {@link validateMessageTemplate}. */
export interface MessageTemplateOptions extends LocaleOptions {
  /** Names (without `%`) of custom variables the template may use besides the built-in ones: a batch's columns. */
  readonly variables?: readonly string[] | undefined;
}

/**
 * Checks a message template (step 3, "Personnaliser le contenu du message"): a subject of one line and at most
 * 255 characters, a body of at most 2,000 characters, and only known `%variables%`; the same for its `reminder`,
 * which may also use `%reminder_number%` and `%days_left%`.
 *
 * @param template - The subject and body.
 * @param options - `locale` of the issue messages, and the names of the custom `variables` the template may use.
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
  options: MessageTemplateOptions = {},
): Result<MessageTemplate> {
  const extra = options.variables === undefined ? undefined : new Set(options.variables);
  return collect(options.locale, (sink) => checkMessageTemplate(template, extra, sink));
}
