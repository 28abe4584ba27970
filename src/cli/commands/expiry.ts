import { CliError } from "../cli-error";
import { numberValue, textValue } from "../command-line/read-values";
import { formatInstant, timeZoneOf } from "../output/format";
import type { Command } from "./command";
import { linkName, linkResult } from "./link-result";

/** `paylinks expiry <id>`: moves the expiry of a running or expired link (reopening an expired one); sends nothing. */
export const expiryCommand: Command = {
  name: "expiry",
  args: ["id"],
  options: {
    "validity-days": { type: "string", value: "days" },
    expires: { type: "string", value: "date" },
  },

  async run(context, { values, args }) {
    const { text } = context;
    const validityDays = numberValue(values, "validity-days", text);
    const expiresAt = textValue(values, "expires");
    if (validityDays === undefined && expiresAt === undefined) {
      throw new CliError("missing_argument", text.usage.missingOneOf("expiry", ["--validity-days", "--expires"]));
    }
    const settings = await context.settings();
    const runtime = await context.open();
    const link = await runtime.paylinks.changeExpiry(
      args[0] as string,
      { ...(validityDays !== undefined ? { validityDays } : {}), ...(expiresAt !== undefined ? { expiresAt } : {}) },
      { actor: runtime.actor, locale: text.locale },
    );
    const zone = timeZoneOf(settings, link.shopId);
    const when = `${formatInstant(link.expiresAt, zone)} (${zone})`;
    return linkResult(link, text.out.expiryChanged(linkName(link), when), settings, text);
  },
};
