/**
 * Reads an own property of an unknown input, so that keys such as `__proto__` or `constructor` never reach
 * the prototype. Internal.
 * @param input - Any value.
 * @param key - The property name.
 * @returns The property's value, or `undefined` when the input is not an object or has no such own property.
 */
export function readField(input: unknown, key: string): unknown {
  if (input === null || typeof input !== "object") return undefined;
  return Object.hasOwn(input, key) ? (input as Record<string, unknown>)[key] : undefined;
}
