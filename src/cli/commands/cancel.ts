import type { Command } from "./command";
import { linkName, linkResult } from "./link-result";

/** `paylinks cancel <id>`: cancels a running link; the buyer can no longer pay. */
export const cancelCommand: Command = {
  name: "cancel",
  args: ["id"],
  options: {},

  async run(context, { args }) {
    const settings = await context.settings();
    const runtime = await context.open();
    const link = await runtime.paylinks.cancel(args[0] as string, {
      actor: runtime.actor,
      locale: context.text.locale,
    });
    return linkResult(link, context.text.out.cancelled(linkName(link)), settings, context.text);
  },
};
