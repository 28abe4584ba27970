/** The width of a text in a terminal, counting each code point as one column. */
const width = (text: string): number => [...text].length;

/**
 * Lays out rows in aligned columns separated by two spaces, without trailing spaces.
 *
 * @param rows - The rows, the header first if there is one; every row should have as many cells.
 * @returns One line per row.
 * @example
 * ```ts
 * table([["ID", "STATUS"], ["a1", "PAID"]]); // ["ID  STATUS", "a1  PAID"]
 * ```
 */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, width(cell));
    });
  }
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === row.length - 1 ? cell : cell + " ".repeat((widths[column] ?? 0) - width(cell)),
      )
      .join("  ")
      .trimEnd(),
  );
}
