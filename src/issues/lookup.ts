/**
 * Reads a word of a message table by its own key only, so that a param such as `"constructor"` never reaches an
 * inherited property. Internal.
 * @param table - The table.
 * @param key - A param value.
 * @returns The word, or `undefined`.
 */
export function lookup(table: Readonly<Record<string, string>>, key: unknown): string | undefined {
  const name = String(key);
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
