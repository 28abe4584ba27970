import type { ErrorCode } from "../issues/paylinks-error";
import type { HttpErrorCode } from "./http-error-codes";

/** The languages of the API's error messages. */
export type HttpLocale = "en" | "fr";

type Messages = Readonly<Record<HttpErrorCode | ErrorCode, string>>;

const EN: Messages = {
  malformed_json: "The body is not valid JSON.",
  payload_too_large: "The body is too large.",
  unsupported_media_type: "Send the body as application/json in UTF-8.",
  route_not_found: "There is nothing at this address.",
  method_not_allowed: "This address does not accept this method.",
  idempotency_key_invalid: "The Idempotency-Key header must be 1 to 255 printable ASCII characters.",
  internal_error: "Something went wrong on our side.",
  invalid_request: "The request has issues: see the list.",
  invalid_context: "The service is not set up for this request.",
  forbidden: "You are not allowed to do this.",
  unauthorized: "Authentication is missing or wrong.",
  not_found: "Nothing was found with this id.",
  invalid_transition: "The link's status does not allow this.",
  idempotency_conflict: "This Idempotency-Key was already used for another request.",
  concurrent_update: "The link kept changing: try again.",
  storage_failed: "The storage is unavailable: try again later.",
  delivery_failed: "The e-mail could not be sent.",
};

const FR: Messages = {
  malformed_json: "Le corps n’est pas du JSON valide.",
  payload_too_large: "Le corps est trop volumineux.",
  unsupported_media_type: "Envoyez le corps en application/json, encodé en UTF-8.",
  route_not_found: "Il n’y a rien à cette adresse.",
  method_not_allowed: "Cette adresse n’accepte pas cette méthode.",
  idempotency_key_invalid: "L’en-tête Idempotency-Key doit compter de 1 à 255 caractères ASCII imprimables.",
  internal_error: "Une erreur s’est produite de notre côté.",
  invalid_request: "La requête comporte des anomalies\u00a0: voir la liste.",
  invalid_context: "Le service n’est pas configuré pour cette requête.",
  forbidden: "Vous n’avez pas le droit de faire cela.",
  unauthorized: "L’authentification est absente ou incorrecte.",
  not_found: "Rien n’a été trouvé avec cet identifiant.",
  invalid_transition: "Le statut du lien ne le permet pas.",
  idempotency_conflict: "Cette Idempotency-Key a déjà servi pour une autre requête.",
  concurrent_update: "Le lien a changé entre-temps\u00a0: réessayez.",
  storage_failed: "Le stockage est indisponible\u00a0: réessayez plus tard.",
  delivery_failed: "L’e-mail n’a pas pu être envoyé.",
};

/**
 * The message of an error code in a language. Internal.
 *
 * @param code - An HTTP or service error code.
 * @param locale - The language.
 * @returns The sentence for the person using the API.
 */
export function httpMessage(code: HttpErrorCode | ErrorCode, locale: HttpLocale): string {
  return (locale === "fr" ? FR : EN)[code];
}

/**
 * The language of the answer: French when the `Accept-Language` header prefers it to English, English otherwise.
 * Internal.
 *
 * @param header - The `Accept-Language` header.
 * @returns `"fr"` or `"en"`.
 */
export function localeOf(header: string | null): HttpLocale {
  if (!header) return "en";
  let best: { locale: HttpLocale; q: number } = { locale: "en", q: 0 };
  for (const part of header.split(",")) {
    const [tag = "", ...rest] = part.trim().split(";");
    const qPart = rest.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qPart === undefined ? 1 : Number(qPart.slice(2));
    const language = tag.trim().toLowerCase().split("-")[0];
    if ((language === "fr" || language === "en") && Number.isFinite(q) && q > best.q) best = { locale: language, q };
  }
  return best.locale;
}
