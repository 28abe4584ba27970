import type { Clock } from "../../ports/runtime";
import { systemClock } from "../../service/system-clock";
import { CliError } from "../cli-error";
import type { CliIo } from "../cli-io";
import { parseInstant } from "../command-line/parse-instant";
import type { CliText } from "../text/cli-text";

/**
 * The clock of the CLI: the system clock, or, when `PAYLINKS_NOW` holds an instant (ISO 8601 with its offset), a clock that
 * starts at that instant and runs at the normal pace. `PAYLINKS_NOW` is for demos and tests: it creates links
 * "in the past", which then expire for real.
 *
 * @param io - The environment.
 * @param text - The messages, for the error.
 * @returns The clock.
 * @throws CliError `invalid_value` when `PAYLINKS_NOW` is not an instant.
 */
export function cliClock(io: CliIo, text: CliText): Clock {
  const given = io.env.PAYLINKS_NOW?.trim();
  if (!given) return systemClock;
  const start = parseInstant(given)?.getTime();
  if (start === undefined) {
    throw new CliError("invalid_value", text.usage.invalidInstant("PAYLINKS_NOW", given), {
      details: { variable: "PAYLINKS_NOW" },
    });
  }
  const offset = start - Date.now();
  return { now: () => new Date(Date.now() + offset), sleep: systemClock.sleep };
}
