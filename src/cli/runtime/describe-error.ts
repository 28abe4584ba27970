/**
 * A one-line reason for an infrastructure error: its message, or the messages of an `AggregateError` (a
 * connection to `localhost` tries `::1` and `127.0.0.1`, and Node.js then reports both with an empty message),
 * or its code.
 *
 * @param error - Anything thrown.
 * @returns The reason.
 */
export function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.message === "") {
    const reasons = error.errors.map(reasonOf).filter((reason) => reason !== "");
    if (reasons.length > 0) return [...new Set(reasons)].join("; ");
  }
  if (error instanceof Error) {
    return error.message || String((error as { code?: unknown }).code ?? error.name);
  }
  return String(error);
}

/**
 * A URL without its password, to name a server in a message.
 *
 * @param url - E.g. `postgres://app:secret@db.example.com:5432/shop`.
 * @returns E.g. `postgres://app:***@db.example.com:5432/shop`; the text unchanged if it is not a URL.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@");
  }
}
