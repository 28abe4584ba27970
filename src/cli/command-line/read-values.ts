import { CliError } from "../cli-error";
import type { CliText } from "../text/cli-text";
import type { OptionValues } from "./option-spec";
import { parseInstant } from "./parse-instant";

/** The text of a flag that takes a value, or `undefined` when it was not given. */
export function textValue(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  if (Array.isArray(value)) return value.map(String).join(";");
  return typeof value === "string" ? value : undefined;
}

/** Whether a switch was given. */
export function flagValue(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/**
 * A flag's value as a number: a whole number, or a decimal one (which the rules then refuse with an issue).
 *
 * @throws CliError `invalid_value` when the text is not a number at all.
 */
export function numberValue(values: OptionValues, name: string, text: CliText): number | undefined {
  const raw = textValue(values, name);
  if (raw === undefined) return undefined;
  if (!/^\s*-?\d+(?:\.\d+)?\s*$/.test(raw)) {
    throw new CliError("invalid_value", text.usage.invalidNumber(`--${name}`, raw), {
      details: { option: `--${name}` },
    });
  }
  return Number(raw);
}

/**
 * A flag's value as a whole number of at least `min` (a count, a limit, seconds).
 *
 * @throws CliError `invalid_value` otherwise.
 */
export function countValue(values: OptionValues, name: string, text: CliText, min = 1): number | undefined {
  const raw = textValue(values, name);
  if (raw === undefined) return undefined;
  if (!/^\s*\d+\s*$/.test(raw) || Number(raw) < min) {
    throw new CliError("invalid_value", text.usage.invalidCount(`--${name}`, raw, min), {
      details: { option: `--${name}` },
    });
  }
  return Number(raw);
}

/**
 * A flag's value as a rate: a number of e-mails per second above 0, decimals allowed (`0.5` is one every two
 * seconds).
 *
 * @throws CliError `invalid_value` when it is not a finite number above 0.
 */
export function rateValue(values: OptionValues, name: string, text: CliText): number | undefined {
  const raw = textValue(values, name);
  if (raw === undefined) return undefined;
  const rate = /^\s*\d+(?:\.\d+)?\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(rate > 0) || !Number.isFinite(rate)) {
    throw new CliError("invalid_value", text.usage.invalidRate(`--${name}`, raw), { details: { option: `--${name}` } });
  }
  return rate;
}

/**
 * A flag's value as one or more choices, separated by commas, case-insensitive.
 *
 * @throws CliError `invalid_value` when one is not among the choices.
 */
export function choicesValue<T extends string>(
  values: OptionValues,
  name: string,
  choices: readonly T[],
  text: CliText,
): T[] | undefined {
  const raw = textValue(values, name);
  if (raw === undefined) return undefined;
  const picked: T[] = [];
  for (const part of raw.split(/[,;]/)) {
    const wanted = part.trim().toUpperCase();
    if (wanted === "") continue;
    const choice = choices.find((c) => c.toUpperCase() === wanted);
    if (!choice) {
      throw new CliError("invalid_value", text.usage.invalidChoice(`--${name}`, part.trim(), choices), {
        details: { option: `--${name}` },
      });
    }
    picked.push(choice);
  }
  return picked;
}

/**
 * A flag's value as an instant (ISO 8601, with its offset; see {@link parseInstant}).
 *
 * @throws CliError `invalid_value` when it is not one.
 */
export function instantValue(values: OptionValues, name: string, text: CliText): Date | undefined {
  const raw = textValue(values, name);
  if (raw === undefined) return undefined;
  const instant = parseInstant(raw);
  if (!instant) {
    throw new CliError("invalid_value", text.usage.invalidInstant(`--${name}`, raw), {
      details: { option: `--${name}` },
    });
  }
  return instant;
}
