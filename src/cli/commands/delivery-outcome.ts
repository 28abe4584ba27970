import { relative, sep } from "node:path";
import type { DeliveryReport } from "../../service/use-cases/deliver";
import type { Settings } from "../config/settings";
import { EXIT_CODES, type ExitCode } from "../exit-codes";
import type { CliText } from "../text/cli-text";

/**
 * A folder as the output names it: relative to the working directory when it is inside it, absolute otherwise.
 *
 * @param dir - An absolute folder.
 * @param cwd - The working directory.
 * @returns The path to print.
 */
export function shownPath(dir: string, cwd: string): string {
  const path = relative(cwd, dir);
  return path === "" ? "." : path.startsWith("..") || path.includes(`:${sep}`) ? dir : path;
}

/**
 * What the output says after a delivery: the totals, where the e-mails are (the outbox), what is left for later;
 * and the exit code: 3 when an e-mail failed for good, or still waits after transient failures.
 *
 * @param report - The delivery's report.
 * @param settings - The mail settings.
 * @param cwd - The working directory.
 * @param text - The messages.
 * @returns The lines, the warnings and the exit code.
 */
export function deliveryOutcome(
  report: DeliveryReport,
  settings: Settings,
  cwd: string,
  text: CliText,
): { lines: string[]; warnings: string[]; exitCode: ExitCode } {
  const lines = [text.out.deliverySummary(report)];
  if (settings.mail.kind === "outbox" && report.sent > 0) {
    lines.push(text.out.outboxAt(shownPath(settings.mail.dir, cwd)));
  }
  const incomplete = report.failed > 0 || (report.pending && report.retried > 0);
  if (report.pending && !incomplete) lines.push(text.out.pendingLater);
  return {
    lines,
    warnings: incomplete ? [text.errors.deliveryIncomplete(report.failed, report.pending)] : [],
    exitCode: incomplete ? EXIT_CODES.infrastructure : EXIT_CODES.ok,
  };
}
