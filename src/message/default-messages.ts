import type { MessageTemplate } from "./message-template";
import { templateDe } from "./templates/de";
import { templateEn } from "./templates/en";
import { templateEs } from "./templates/es";
import { templateFr } from "./templates/fr";
import { templateIt } from "./templates/it";
import { templateNl } from "./templates/nl";
import { templatePt } from "./templates/pt";

/**
 * The default message in each language paylinks ships, written for this library (one module per language, in
 * `message/templates/`). The Portuguese text is Brazilian, like the formatting `Intl` applies to `pt`. Each line
 * that uses an optional variable (`%reference%`, `%buyer_reference%`, `%shop_contact%`, `%shop_url%`) stands
 * alone, so that it can be left out when the value is missing.
 */
export const DEFAULT_MESSAGES: Readonly<Record<"en" | "fr" | "de" | "es" | "it" | "nl" | "pt", MessageTemplate>> = {
  en: templateEn,
  fr: templateFr,
  de: templateDe,
  es: templateEs,
  it: templateIt,
  nl: templateNl,
  pt: templatePt,
};

/**
 * The default message (subject and body) for a language. A regional tag uses its language (`fr-CA` → `fr`);
 * a language paylinks has no text for falls back to English.
 *
 * @param language - A language tag such as `"fr"`, `"de-AT"`.
 * @returns The default template.
 * @example
 * ```ts
 * defaultMessage("fr").subject; // "%shop_name%\u00a0: votre lien de paiement" (a no-break space before the colon)
 * ```
 */
export function defaultMessage(language: string): MessageTemplate {
  return DEFAULT_MESSAGES[shippedLanguage(language)];
}

/** The language paylinks ships texts in that a tag reads as: its primary language, else English. Internal. */
export function shippedLanguage(tag: string): keyof typeof DEFAULT_MESSAGES {
  const base = primaryLanguage(tag);
  return Object.hasOwn(DEFAULT_MESSAGES, base) ? (base as keyof typeof DEFAULT_MESSAGES) : "en";
}

/** The primary language subtag of a tag, as `Intl` reads it (`fr_CA` → `fr`, `nld` → `nl`, `frr` stays `frr`). */
function primaryLanguage(tag: string): string {
  let canonical = String(tag).trim().replace(/_/g, "-");
  try {
    canonical = Intl.getCanonicalLocales(canonical)[0] ?? canonical;
  } catch {
    // Not a well-formed tag: read its first subtag as written.
  }
  return (canonical.split("-")[0] ?? "").toLowerCase();
}
