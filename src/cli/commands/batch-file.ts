import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { rowsOfSheet, type SheetRows } from "../../batch/rows-from-table";
import { CliError } from "../cli-error";
import type { CliText } from "../text/cli-text";

/** The separators a sheet may use, in the order a tie is settled. */
const SEPARATORS = [";", ",", "\t"] as const;

/**
 * The separator of a sheet: the one that occurs most often in its first line outside quotes (Excel in French
 * writes `;`, in English `,`; a copy from a spreadsheet is tab-separated).
 */
export function guessSeparator(content: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((separator) => [separator, 0]));
  let quoted = false;
  for (const char of content) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1);
  }
  let best: string = SEPARATORS[0];
  for (const separator of SEPARATORS) {
    if ((counts.get(separator) as number) > (counts.get(best) as number)) best = separator;
  }
  return best;
}

/**
 * Reads a CSV or TSV file as Excel or LibreOffice write it (`;`, `,` or tab separators, quoted fields, a UTF-8
 * byte-order mark, CRLF line ends) into batch rows, its first line the headings, with csv-parse.
 *
 * @param file - The path, relative to `cwd`.
 * @param cwd - The working directory.
 * @param text - The messages.
 * @returns The rows, blank lines skipped, and each one's row number in the sheet (the headings are row 1; blank
 *   lines count, as a spreadsheet shows them; a quoted line break does not start a row).
 * @throws CliError `unreadable_file` when the file cannot be read or is not a well-formed sheet (the parser's
 *   reason, with its line, is in the message).
 */
export async function readBatchFile(file: string, cwd: string, text: CliText): Promise<SheetRows> {
  const path = resolve(cwd, file);
  try {
    const content = await readFile(path, "utf8");
    const table = parse(content, {
      bom: true,
      delimiter: guessSeparator(content.replace(/^\uFEFF/, "")),
      relax_column_count: true,
    }) as string[][];
    return rowsOfSheet(table);
  } catch (error) {
    throw new CliError("unreadable_file", text.usage.unreadableFile(path, (error as Error).message), {
      cause: error,
      details: { path },
    });
  }
}
