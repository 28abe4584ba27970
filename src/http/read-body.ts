import { HttpProblem } from "./http-problem";

/** The default body limit: 1 MiB, room for an order of a few thousand recipients. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/** The default largest body of the batch operations, in bytes: 16 MiB, about 150,000 rows of five short cells. */
export const DEFAULT_MAX_BATCH_BODY_BYTES = 16_777_216;

/**
 * Reads a request's body as bytes, at most `maxBytes` of them: a `Content-Length` above the limit is refused
 * before anything is read, and a body that grows past it while it streams is cancelled. Internal.
 *
 * @param request - The request.
 * @param maxBytes - The limit.
 * @returns The bytes (empty when there is no body).
 * @throws HttpProblem `payload_too_large` (413).
 */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new HttpProblem(413, "payload_too_large");
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new HttpProblem(413, "payload_too_large");
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Whether a `Content-Type` is JSON in UTF-8: `application/json`, with no charset or `charset=utf-8`. */
function isJsonType(header: string | null): boolean {
  if (header === null) return false;
  const [type = "", ...parameters] = header.split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json") return false;
  return parameters.every((parameter) => !parameter.startsWith("charset=") || /^charset="?utf-8"?$/.test(parameter));
}

/**
 * Reads a JSON body. An empty body is `undefined` (for the operations whose body is optional); any other body
 * must be `application/json` in UTF-8. Internal.
 *
 * @param request - The request.
 * @param maxBytes - The body limit.
 * @returns The parsed value, or `undefined` when there is no body.
 * @throws HttpProblem `payload_too_large` (413), `unsupported_media_type` (415), `malformed_json` (400).
 */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBytes(request, maxBytes);
  if (bytes.byteLength === 0) return undefined;
  if (!isJsonType(request.headers.get("content-type"))) throw new HttpProblem(415, "unsupported_media_type");
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new HttpProblem(400, "malformed_json");
  }
}
