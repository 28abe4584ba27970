/**
 * The codes of the errors the HTTP API answers before the service is called, besides the service's own
 * `ERROR_CODES` (which it answers with too):
 *
 * - `malformed_json`: the body is not UTF-8 JSON.
 * - `payload_too_large`: the body is longer than `maxBodyBytes` (413).
 * - `unsupported_media_type`: the body is not `application/json` (415).
 * - `route_not_found`: no operation has this path (404).
 * - `method_not_allowed`: the path exists, with other methods; `Allow` lists them (405).
 * - `idempotency_key_invalid`: the `Idempotency-Key` header is empty, longer than 255 characters, or not
 *   printable ASCII (400).
 * - `internal_error`: something the API did not expect failed; the answer says nothing more (500).
 */
export const HTTP_ERROR_CODES = [
  "malformed_json",
  "payload_too_large",
  "unsupported_media_type",
  "route_not_found",
  "method_not_allowed",
  "idempotency_key_invalid",
  "internal_error",
] as const;

/** One of {@link HTTP_ERROR_CODES}. */
export type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number];
