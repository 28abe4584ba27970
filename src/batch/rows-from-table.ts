import type { BatchRow } from "./batch-row";

/**
 * Turns a parsed sheet, its first line the headings, into {@link BatchRow}s: each later line becomes a row with
 * each cell under its heading. Lines whose cells are all empty are skipped, as a spreadsheet's trailing lines;
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
  const [headings = [], ...lines] = table;
  const rows: BatchRow[] = [];
  for (const line of lines) {
    if (line.every((cell) => cell.trim() === "")) continue;
    rows.push(Object.fromEntries(headings.map((heading, index) => [heading, line[index] ?? ""])));
  }
  return rows;
}
