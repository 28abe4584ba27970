import type { Issue } from "../../issues/issue";
import type { CliProblem } from "../cli-error";
import { isSheetIssue } from "./sheet-issues";
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

/** How a sheet's cell is named: its row as the spreadsheet numbers it, and the column. */
export type SheetCellLabel = (row: number, column: string) => string;

/** The first column of an issue's line. */
function where(issue: Issue | CliProblem, sheetCell: SheetCellLabel | undefined): string {
  if (typeof issue.path === "string") return issue.path || "—";
  if (sheetCell && isSheetIssue(issue)) return sheetCell(issue.sheetRow, issue.path.slice(2).join("."));
  return issuePath(issue.path) || "—";
}

/**
 * Issues (or config problems) as aligned lines, indented: path, code, message. An issue of a sheet is placed at
 * its row and column (`row 3, email`) when `sheetCell` is given.
 *
 * @param issues - The issues.
 * @param sheetCell - How to name a sheet's cell.
 * @returns E.g. `  amount  amount_not_positive  Enter an amount greater than zero.`
 */
export function issueLines(issues: readonly (Issue | CliProblem)[], sheetCell?: SheetCellLabel): string[] {
  return table(issues.map((issue) => [where(issue, sheetCell), issue.code, issue.message])).map((line) => `  ${line}`);
}
