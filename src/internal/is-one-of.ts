/**
 * Whether a value is one of a list of strings, narrowing its type to the list's: the check for every `as const`
 * list of choices. Internal.
 * @param list - The choices.
 * @param value - Any value.
 * @returns `true` when the value is one of them.
 */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (list as readonly string[]).includes(value);
}
