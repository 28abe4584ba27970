import type { Command } from "./command";
import { linkName, linkResult } from "./link-result";

/** `paylinks reactivate <id>`: makes a cancelled link run again, before its expiry. */
export const reactivateCommand: Command = {
  name: "reactivate",
  args: ["id"],
  options: {},

  async run(context, { args }) {
    const settings = await context.settings();
    const runtime = await context.open();
    const link = await runtime.paylinks.reactivate(args[0] as string, {
      actor: runtime.actor,
      locale: context.text.locale,
    });
    return linkResult(link, context.text.out.reactivated(linkName(link)), settings, context.text);
  },
};
