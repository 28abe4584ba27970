const PREVIEW_LENGTH = 80;

/**
 * Shortens user input before it goes into an issue's params and message, so a huge input does not make a huge
 * message. Internal.
 * @param value - The raw input.
 * @returns At most 80 code points, with an ellipsis when cut.
 */
export function preview(value: string): string {
  if (value.length <= PREVIEW_LENGTH) return value;
  // Cut on a code point, never inside a surrogate pair.
  let end = 0;
  for (let kept = 0; kept < PREVIEW_LENGTH - 1 && end < value.length; kept++) {
    const code = value.charCodeAt(end);
    end += code >= 0xd800 && code <= 0xdbff && end + 1 < value.length ? 2 : 1;
  }
  return end >= value.length ? value : `${value.slice(0, end)}…`;
}

/**
 * `String(value)` for an issue's params, without throwing for an object that has no usable `toString` (no
 * prototype, or a `toString` that is not a function). Internal.
 * @param value - Any value.
 * @returns Its text, or `"[object Object]"` when it has none.
 */
export function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Any value as it is shown in an issue's message: its text ({@link textOf}), shortened ({@link preview}). Internal.
 * @param value - Any value.
 * @returns At most 80 code points.
 */
export function shown(value: unknown): string {
  return preview(textOf(value));
}
