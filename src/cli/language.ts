import { CliError } from "./cli-error";
import type { CliIo } from "./cli-io";
import type { CliText } from "./text/cli-text";

/** The languages of the CLI's messages. */
export type CliLanguage = "en" | "fr";

/**
 * The language of the messages: `--lang` when given (`fr` or `en`), else the locale of the environment, as POSIX
 * programs read it (`LC_ALL`, then `LC_MESSAGES`, then `LANG`): French when it starts with `fr`, English otherwise.
 *
 * @param flag - The `--lang` value, if given.
 * @param io - The environment.
 * @param text - The messages of the environment's language, for the error.
 * @returns The language.
 * @throws CliError `invalid_value` when `--lang` is neither `fr` nor `en`.
 */
export function resolveLanguage(flag: string | undefined, io: Pick<CliIo, "env">, text: CliText): CliLanguage {
  if (flag !== undefined) {
    const wanted = flag.trim().toLowerCase();
    if (wanted === "fr" || wanted.startsWith("fr-") || wanted.startsWith("fr_")) return "fr";
    if (wanted === "en" || wanted.startsWith("en-") || wanted.startsWith("en_")) return "en";
    throw new CliError("invalid_value", text.usage.invalidChoice("--lang", flag, ["fr", "en"]), {
      details: { option: "--lang" },
    });
  }
  return languageOfEnvironment(io);
}

/**
 * The language of the environment's locale: `LC_ALL`, `LC_MESSAGES` or `LANG`, the first one set.
 *
 * @param io - The environment.
 * @returns `fr` when the locale starts with `fr`, `en` otherwise.
 */
export function languageOfEnvironment(io: Pick<CliIo, "env">): CliLanguage {
  const locale = [io.env.LC_ALL, io.env.LC_MESSAGES, io.env.LANG].find((value) => value !== undefined && value !== "");
  return locale?.toLowerCase().startsWith("fr") ? "fr" : "en";
}
