import { flagValue, textValue } from "../command-line/read-values";
import { linkJson, orderJson } from "../output/link-json";
import { linkTable } from "../output/link-lines";
import type { Command } from "./command";
import { deliveryOutcome } from "./delivery-outcome";

/** `paylinks duplicate <id>`: a new order for the link's recipient with everything but the reference. */
export const duplicateCommand: Command = {
  name: "duplicate",
  args: ["id"],
  options: {
    reference: { type: "string", value: "reference" },
    "idempotency-key": { type: "string", value: "key" },
    "no-deliver": { type: "boolean" },
  },

  async run(context, { values, args }) {
    const { text, io } = context;
    const deliverNow = !flagValue(values, "no-deliver");
    const settings = await context.settings();
    const runtime = await context.open({ verifyMail: deliverNow });
    const created = await runtime.paylinks.duplicate(args[0] as string, {
      actor: runtime.actor,
      reference: textValue(values, "reference"),
      idempotencyKey: textValue(values, "idempotency-key"),
      locale: text.locale,
    });
    const { order } = created;
    const report = deliverNow ? await runtime.paylinks.deliver({ orderId: order.id }) : undefined;
    const links = report ? await runtime.paylinks.orderLinks(order.id, { actor: runtime.actor }) : [...created.links];
    const outcome = report ? deliveryOutcome(report, settings, io.cwd, text) : undefined;
    return {
      data: { created: created.created, order: orderJson(order), links: links.map(linkJson), delivery: report ?? null },
      lines: [
        created.created ? text.out.duplicated(args[0] as string, order.id) : text.out.orderReplayed(order.id),
        "",
        ...linkTable(links, { settings, text }),
        "",
        ...(outcome ? outcome.lines : [text.out.queued]),
      ],
      warnings: outcome?.warnings,
      exitCode: outcome?.exitCode,
    };
  },
};
