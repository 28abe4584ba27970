const PREVIEW_LENGTH = 80;

/**
 * Shortens user input before it goes into an issue's params and message, so a huge input does not make a huge
 * message. Internal.
 * @param value - The raw input.
 * @returns At most 80 characters, with an ellipsis when cut.
 */
export function preview(value: string): string {
  return value.length <= PREVIEW_LENGTH ? value : `${value.slice(0, PREVIEW_LENGTH - 1)}…`;
}
