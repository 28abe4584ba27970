import type { Issue, IssueParams, IssuePath, Locale } from "./issue";
import type { IssueCode } from "./issue-codes";
import { en } from "./messages-en";

/**
 * Builds an {@link Issue} with its message in the given locale.
 *
 * @param code - Stable issue code.
 * @param path - Where the issue is in the input.
 * @param params - Values for the message; omitted from the issue when empty.
 * @param locale - Language of the message; English when left out.
 * @returns The issue.
 */
export function createIssue(code: IssueCode, path: IssuePath, params: IssueParams = {}, locale: Locale = en): Issue {
  const message = locale.messages[code](params);
  return Object.keys(params).length === 0 ? { code, path, message } : { code, path, message, params };
}

/**
 * Returns the issue message for a code in a locale, for callers that store codes and show messages later.
 *
 * @param code - Stable issue code.
 * @param params - The issue's params.
 * @param locale - Language of the message; English when left out.
 * @returns The message.
 */
export function issueMessage(code: IssueCode, params: IssueParams = {}, locale: Locale = en): string {
  return locale.messages[code](params);
}
