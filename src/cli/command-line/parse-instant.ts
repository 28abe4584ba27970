const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Reads an instant written in ISO 8601 with its offset (`2026-12-01T10:00:00Z`, `2026-12-01T11:00+01:00`), or a
 * date alone (midnight UTC). A date and time without an offset is refused: its meaning would depend on the
 * machine's time zone.
 *
 * @param text - The text.
 * @returns The instant, or `undefined` when the text is not one.
 */
export function parseInstant(text: string): Date | undefined {
  const trimmed = text.trim();
  if (!ISO_INSTANT.test(trimmed)) return undefined;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : new Date(time);
}
