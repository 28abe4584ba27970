import type { Issue } from "../../issues/issue";
import type { CliProblem } from "../cli-error";
import { table } from "./table";

/** The steps that prefix the paths of a plan's issues; their fields have distinct names, so the prefix can go. */
const STEPS = new Set(["link", "advanced", "message"]);

/**
 * The field path of an issue as the CLI prints it: the path in the request, without the step (`link.amount` →
 * `amount`, `link.recipients.2` → `recipients.2`, `advanced.validityDays` → `validityDays`).
 *
 * @param path - The issue's path.
 * @returns The dotted path.
 */
export function issuePath(path: Issue["path"]): string {
  const shown = path.length > 1 && STEPS.has(String(path[0])) ? path.slice(1) : path;
  return shown.join(".");
}

/**
 * Issues (or config problems) as aligned lines, indented: path, code, message.
 *
 * @param issues - The issues.
 * @returns E.g. `  amount  amount_not_positive  Enter an amount greater than zero.`
 */
export function issueLines(issues: readonly (Issue | CliProblem)[]): string[] {
  return table(
    issues.map((issue) => [
      typeof issue.path === "string" ? issue.path || "—" : issuePath(issue.path) || "—",
      issue.code,
      issue.message,
    ]),
  ).map((line) => `  ${line}`);
}
