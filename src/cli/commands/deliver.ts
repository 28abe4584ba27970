import { countValue, rateValue, textValue } from "../command-line/read-values";
import { progressReporter } from "../output/progress";
import type { Runtime } from "../runtime/open-runtime";
import type { Command } from "./command";
import { deliveryOutcome } from "./delivery-outcome";

/** Counting the e-mails to come stops here: the bar then grows as they are sent. */
const COUNT_CAP = 100_000;

/** How many running links wait for their e-mail (the bar's total), within what the actor sees. */
async function countWaiting(runtime: Runtime, orderId: string | undefined): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await runtime.paylinks.listLinks(
      { orderId, deliveryStatuses: ["PENDING"], paymentStatuses: ["RUNNING"] },
      { limit: 1000, cursor },
      { actor: runtime.actor },
    );
    count += page.links.length;
    cursor = count < COUNT_CAP ? page.nextCursor : undefined;
  } while (cursor !== undefined);
  return count;
}

/** `paylinks deliver`: sends the e-mails that are due, with a progress bar on a terminal and progress lines otherwise. */
export const deliverCommand: Command = {
  name: "deliver",
  args: [],
  options: {
    order: { type: "string", value: "id" },
    limit: { type: "string", value: "number" },
    concurrency: { type: "string", value: "number" },
    rate: { type: "string", value: "per-second" },
    "max-wait": { type: "string", value: "seconds" },
  },

  async run(context, { values }) {
    const { text, io } = context;
    const orderId = textValue(values, "order");
    const limit = countValue(values, "limit", text);
    const concurrency = countValue(values, "concurrency", text);
    const maxWait = countValue(values, "max-wait", text, 0);
    const ratePerSecond = rateValue(values, "rate", text);
    const settings = await context.settings();
    const runtime = await context.open({
      maxWaitMs: maxWait === undefined ? undefined : maxWait * 1000,
      verifyMail: true,
      ratePerSecond,
    });
    const waiting = await countWaiting(runtime, orderId);
    const total = limit === undefined ? waiting : Math.min(limit, waiting);
    const mode = context.json ? "none" : io.stdout.isTTY ? "bar" : "lines";
    if (mode !== "none") io.stdout.write(`${text.out.deliverStart(total)}\n`);
    const progress = progressReporter(io.stdout, text, total, mode);
    const controller = new AbortController();
    const release = io.trapInterrupt(() => {
      io.stderr.write(`\n${text.out.interrupted}\n`);
      controller.abort();
    });
    try {
      const report = await runtime.paylinks.deliver({
        orderId,
        limit,
        concurrency,
        signal: controller.signal,
        onProgress: (totals) => progress.update(totals),
      });
      progress.finish();
      const outcome = deliveryOutcome(report, settings, io.cwd, text);
      return {
        data: { delivery: report },
        lines: outcome.lines,
        warnings: outcome.warnings,
        exitCode: outcome.exitCode,
      };
    } finally {
      release();
    }
  },
};
