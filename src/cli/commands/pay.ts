import { CliError } from "../cli-error";
import { flagValue, instantValue, textValue } from "../command-line/read-values";
import type { Command } from "./command";
import { linkName, linkResult } from "./link-result";

/**
 * `paylinks pay <id>`: records a payment result on a running TEST link, as the payment platform would, to try the
 * lifecycle out. PRODUCTION links are refused: their results come from the payment platform.
 */
export const payCommand: Command = {
  name: "pay",
  args: ["id"],
  options: {
    refused: { type: "boolean" },
    transaction: { type: "string", value: "id" },
    at: { type: "string", value: "instant" },
  },

  async run(context, { values, args }) {
    const { text } = context;
    const at = instantValue(values, "at", text);
    const settings = await context.settings();
    const runtime = await context.open();
    const id = args[0] as string;
    const found = await runtime.paylinks.getLink(id, { actor: runtime.actor });
    if (found.mode !== "TEST") {
      throw new CliError("test_mode_only", text.errors.testModeOnly(linkName(found)), { details: { linkId: id } });
    }
    const status = flagValue(values, "refused") ? "REFUSED" : "PAID";
    const link = await runtime.paylinks.recordPayment(
      id,
      { status, transactionId: textValue(values, "transaction"), at },
      { actor: runtime.actor, locale: text.locale },
    );
    return linkResult(link, text.out.paid(linkName(link), status, link.payment.transactionId), settings, text);
  },
};
