/**
 * Whether a key of the config file is a comment: `"$comment"`, or any key that starts with `"//"` (`"//"`,
 * `"// database"`, `"//smtp"`). JSON has no comments; these keys are removed before the file is read, whatever
 * their value, so a whole section can be switched off by renaming its key `"//smtp"`.
 */
export const isCommentKey = (key: string): boolean => key === "$comment" || key.startsWith("//");

/**
 * Removes the comment keys (see {@link isCommentKey}) from every object of a parsed JSON value, at any depth.
 *
 * @param value - A value from `JSON.parse`.
 * @returns The same value without comment keys.
 */
export function stripComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripComments);
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!isCommentKey(key)) result[key] = stripComments(item);
  }
  return result;
}
