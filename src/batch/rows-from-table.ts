import type { BatchRow } from "./batch-row";

/**
 * Turns a parsed sheet, its first non-empty line the headings, into {@link BatchRow}s: each later line becomes a
 * row with each cell under its heading. Lines whose cells are all empty are skipped, as a spreadsheet's trailing lines;
 * a cell past the last heading is dropped, a missing one is empty. Use it after a CSV parser, or on a sheet pasted
 * into a browser and split into lines and cells.
 *
 * @param table - The lines of the sheet, each a list of cells, the headings first.
 * @returns One row per non-empty line after the headings, in order.
 * @example
 * ```ts
 * rowsFromTable([["E-mail", "Montant", "Prénom"], ["marie@example.fr", "49,90", "Marie"]]);
 * // [{ "E-mail": "marie@example.fr", Montant: "49,90", "Prénom": "Marie" }]
 * ```
 */
export function rowsFromTable(table: readonly (readonly string[])[]): BatchRow[] {
  return rowsOfSheet(table).rows;
}

/** The rows of a sheet, and where each one is in it. Internal. */
export interface SheetRows {
  /** As {@link rowsFromTable} gives them. */
  readonly rows: BatchRow[];
  /** For each row, its line in the table counted from 1, as a spreadsheet numbers its rows. */
  readonly sheetRows: number[];
}

/**
 * {@link rowsFromTable}, with each row's number in the sheet: the empty lines it skips still count. Internal.
 *
 * @param table - The lines of the sheet, each a list of cells, the headings first, empty lines included.
 * @returns The rows and their numbers.
 */
export function rowsOfSheet(table: readonly (readonly string[])[]): SheetRows {
  const first = table.findIndex((line) => !isBlank(line));
  const headings = first === -1 ? [] : (table[first] as readonly string[]);
  const rows: BatchRow[] = [];
  const sheetRows: number[] = [];
  for (let index = first + 1; first !== -1 && index < table.length; index++) {
    const line = table[index] as readonly string[];
    if (isBlank(line)) continue;
    rows.push(Object.fromEntries(headings.map((heading, column) => [heading, line[column] ?? ""])));
    sheetRows.push(index + 1);
  }
  return { rows, sheetRows };
}

const isBlank = (line: readonly string[]): boolean => line.every((cell) => cell.trim() === "");
