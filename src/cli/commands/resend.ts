import { flagValue } from "../command-line/read-values";
import type { Command } from "./command";
import { deliveryOutcome } from "./delivery-outcome";
import { linkName, linkResult } from "./link-result";

/** `paylinks resend <id>`: sends a running link's e-mail again (a new Message-ID), at once unless `--no-deliver`. */
export const resendCommand: Command = {
  name: "resend",
  args: ["id"],
  options: { "no-deliver": { type: "boolean" } },

  async run(context, { values, args }) {
    const { text, io } = context;
    const deliverNow = !flagValue(values, "no-deliver");
    const settings = await context.settings();
    const runtime = await context.open({ verifyMail: deliverNow });
    const queued = await runtime.paylinks.resend(args[0] as string, { actor: runtime.actor, locale: text.locale });
    if (!deliverNow) return linkResult(queued, text.out.resendQueued(linkName(queued)), settings, text);
    const report = await runtime.paylinks.deliver({ orderId: queued.orderId });
    const link = await runtime.paylinks.getLink(queued.id, { actor: runtime.actor });
    const outcome = deliveryOutcome(report, settings, io.cwd, text);
    const result = linkResult(link, text.out.resent(linkName(link), link.recipient), settings, text);
    return {
      data: { ...(result.data as object), delivery: report },
      lines: [...result.lines, "", ...outcome.lines],
      warnings: outcome.warnings,
      exitCode: outcome.exitCode,
    };
  },
};
