import type { CliLanguage } from "../language";
import type { CliText } from "./cli-text";
import { textEn } from "./text-en";
import { textFr } from "./text-fr";

/**
 * The messages of a language.
 *
 * @param language - `fr` or `en`.
 * @returns The catalog.
 */
export function textFor(language: CliLanguage): CliText {
  return language === "fr" ? textFr : textEn;
}
