/**
 * Normalises a language tag to `ll` or `ll-RR` (`FR` → `fr`, `fr_ca` → `fr-CA`), or returns `undefined` when
 * it is not one: two or three letters, optionally a region of two letters or three digits.
 *
 * @param tag - The tag as given.
 * @returns The normal form, or `undefined`.
 */
export function normalizeLanguage(tag: unknown): string | undefined {
  if (typeof tag !== "string") return undefined;
  const match = /^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}|[0-9]{3}))?$/.exec(tag.trim());
  if (!match) return undefined;
  const language = (match[1] as string).toLowerCase();
  return match[2] ? `${language}-${match[2].toUpperCase()}` : language;
}
