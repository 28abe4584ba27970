import { issueMessage } from "../../issues/create-issue";
import type { Issue, Locale } from "../../issues/issue";
import { PaylinksError } from "../../issues/paylinks-error";

/** An issue of a batch read from a sheet, with the number of the sheet's row it is at. */
export interface SheetIssue extends Issue {
  /** The row's number in the sheet, as a spreadsheet shows it (the headings' row counts). */
  readonly sheetRow: number;
}

/** Whether an issue carries its sheet row. */
export const isSheetIssue = (issue: object): issue is SheetIssue =>
  typeof (issue as { sheetRow?: unknown }).sheetRow === "number";

/**
 * An issue at `rows.N.…` with the sheet's row number of row N. A message that names another row (`row` in its
 * params, an index into the rows) is written again to name that row's sheet number; the params stay as the
 * request has them.
 */
function onSheet(issue: Issue, sheetRows: readonly number[], locale: Locale): Issue | SheetIssue {
  const [root, index] = issue.path;
  const sheetRow = root === "rows" && typeof index === "number" ? sheetRows[index] : undefined;
  if (sheetRow === undefined) return issue;
  const other = issue.params?.row;
  const otherRow = typeof other === "number" ? sheetRows[other] : undefined;
  // The catalogs write `row` as a 1-based position: the sheet row minus one gives that number back.
  const message =
    otherRow === undefined ? issue.message : issueMessage(issue.code, { ...issue.params, row: otherRow - 1 }, locale);
  return { ...issue, message, sheetRow };
}

/**
 * The error of a batch read from a sheet, its row issues pointing at the sheet's rows: each gains `sheetRow`,
 * so that the person who fixes the file finds the line the spreadsheet shows (the headings and the skipped
 * blank lines count). Anything else is returned as it is.
 *
 * @param error - What the command caught.
 * @param sheetRows - Each row's number in the sheet, in the order of the request's rows.
 * @param locale - The language of the messages.
 * @returns The error to report.
 */
export function withSheetRows(error: unknown, sheetRows: readonly number[], locale: Locale): unknown {
  if (!(error instanceof PaylinksError) || error.issues.length === 0) return error;
  return new PaylinksError(error.code, error.message, {
    issues: error.issues.map((issue) => onSheet(issue, sheetRows, locale)),
    details: error.details,
    cause: error.cause,
    transient: error.transient,
  });
}
