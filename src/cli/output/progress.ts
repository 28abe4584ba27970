import type { DeliveryProgress } from "../../service/use-cases/deliver";
import type { CliStream } from "../cli-io";
import type { CliText } from "../text/cli-text";

/** Shows the progress of a delivery. */
export interface ProgressReporter {
  /** Called after each link's attempt with the running totals. */
  update(progress: DeliveryProgress): void;
  /** Called once delivery is over. */
  finish(): void;
}

const BAR_WIDTH = 24;

/**
 * The progress display of `deliver`: a bar redrawn in place on a terminal, one plain line per attempt otherwise
 * (a log, a pipe, CI), nothing with `--json` (stdout then holds the JSON document alone).
 *
 * @param stream - Where to write: stdout.
 * @param text - The messages.
 * @param total - How many e-mails are expected (the bar grows if more come).
 * @param mode - `"bar"`, `"lines"` or `"none"`.
 * @returns The reporter.
 */
export function progressReporter(
  stream: CliStream,
  text: CliText,
  total: number,
  mode: "bar" | "lines" | "none",
): ProgressReporter {
  let drawn = false;
  let expected = total;
  return {
    update(progress) {
      const done = progress.sent + progress.failed + progress.retried + progress.skipped;
      expected = Math.max(expected, done);
      if (mode === "lines") stream.write(`${text.out.progressLine(done, expected, progress)}\n`);
      if (mode === "bar") {
        const filled = expected === 0 ? BAR_WIDTH : Math.round((done / expected) * BAR_WIDTH);
        const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
        stream.write(`\r\x1b[2K${bar} ${text.out.progressLine(done, expected, progress)}`);
        drawn = true;
      }
    },
    finish() {
      if (drawn) stream.write("\n");
    },
  };
}
