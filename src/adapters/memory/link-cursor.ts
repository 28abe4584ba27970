import { PaylinksError } from "../../issues/paylinks-error";
import type { IndexKey } from "./sorted-index";

const PREFIX = "m1.";

function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The cursor after a link: its creation instant and id, encoded. Internal. */
export function encodeCursor(key: IndexKey): string {
  return PREFIX + toBase64Url(JSON.stringify([key.a, key.id]));
}

/** Reads a cursor made by {@link encodeCursor}; throws `invalid_request` for anything else. Internal. */
export function decodeCursor(cursor: string): IndexKey {
  try {
    if (cursor.startsWith(PREFIX)) {
      const decoded: unknown = JSON.parse(fromBase64Url(cursor.slice(PREFIX.length)));
      if (Array.isArray(decoded) && decoded.length === 2) {
        const [a, id] = decoded as unknown[];
        if (typeof a === "number" && Number.isFinite(a) && typeof id === "string") return { a, b: 0, id };
      }
    }
  } catch {
    // Reported below, like any other malformed cursor.
  }
  throw new PaylinksError("invalid_request", "The page cursor is not one this store produced", {
    details: { cursor: String(cursor).slice(0, 100) },
  });
}
