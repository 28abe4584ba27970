import { PaylinksError } from "../../issues/paylinks-error";
import type { ListingKey } from "./link-order";

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
export function encodeCursor(key: ListingKey): string {
  return PREFIX + toBase64Url(JSON.stringify([key.createdAt, key.id]));
}

/** Reads a cursor made by {@link encodeCursor}; throws `invalid_request` for anything else. Internal. */
export function decodeCursor(cursor: string): ListingKey {
  try {
    if (cursor.startsWith(PREFIX)) {
      const decoded: unknown = JSON.parse(fromBase64Url(cursor.slice(PREFIX.length)));
      if (Array.isArray(decoded) && decoded.length === 2) {
        const [a, id] = decoded as unknown[];
        if (typeof a === "number" && Number.isFinite(a) && typeof id === "string") return { createdAt: a, id };
      }
    }
  } catch {
    // Reported below, like any other malformed cursor.
  }
  throw new PaylinksError("invalid_request", "The page cursor is not one this store produced", {
    details: { cursor: String(cursor).slice(0, 100) },
  });
}
