import type { Locale } from "../issues/issue";
import { en } from "../issues/messages-en";
import { fr } from "./fr/messages-fr";

/** The languages of issue messages that paylinks ships, by their code. */
export const LOCALE_CODES = ["en", "fr"] as const;

/** One of {@link LOCALE_CODES}: how a server names the language of its answers (`locale: "fr"`). */
export type LocaleCode = (typeof LOCALE_CODES)[number];

/**
 * The {@link Locale} of a code, for the server side (the service, the command, the HTTP API), which ships every
 * language; English for `undefined`. Internal: browser code imports the one locale it uses instead.
 * @param code - `"en"`, `"fr"` or `undefined`.
 * @returns The locale.
 */
export function localeOf(code: LocaleCode | undefined): Locale {
  return code === "fr" ? fr : en;
}
