import { countValue } from "../command-line/read-values";
import type { Command } from "./command";

/** `paylinks expire`: records `EXPIRED` on the running links whose expiry has passed. */
export const expireCommand: Command = {
  name: "expire",
  args: [],
  options: { limit: { type: "string", value: "number" } },

  async run(context, { values }) {
    const limit = countValue(values, "limit", context.text);
    const runtime = await context.open();
    const { expired } = await runtime.paylinks.expireDue({ actor: runtime.actor, limit, locale: context.text.locale });
    return { data: { expired }, lines: [context.text.out.expired(expired)] };
  },
};
