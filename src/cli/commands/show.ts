import { join } from "node:path";
import { outboxFileName } from "../../adapters/outbox/outbox-file-name";
import { PaylinksError } from "../../issues/paylinks-error";
import type { StoredLink } from "../../ports/payment-order-records";
import { flagValue } from "../command-line/read-values";
import type { Settings } from "../config/settings";
import { linkJson, orderJson } from "../output/link-json";
import { linkDetails, orderDetails } from "../output/link-lines";
import type { Runtime } from "../runtime/open-runtime";
import type { Command } from "./command";
import { shownPath } from "./delivery-outcome";

/** The `.eml` file of a link's last e-mail, when mail goes to the outbox and the e-mail left. */
function emlFileOf(link: StoredLink, settings: Settings, cwd: string): string | undefined {
  if (settings.mail.kind !== "outbox" || link.delivery.messageId === undefined) return undefined;
  const name = outboxFileName({ linkId: link.id, messageId: link.delivery.messageId });
  return shownPath(join(settings.mail.dir, name), cwd);
}

async function findLink(runtime: Runtime, id: string): Promise<StoredLink | undefined> {
  try {
    return await runtime.paylinks.getLink(id, { actor: runtime.actor });
  } catch (error) {
    if (error instanceof PaylinksError && error.code === "not_found") return undefined;
    throw error;
  }
}

/** `paylinks show <id>`: a link, or an order with its links. */
export const showCommand: Command = {
  name: "show",
  args: ["id"],
  options: { message: { type: "boolean" } },

  async run(context, { values, args }) {
    const { text, io } = context;
    const id = args[0] as string;
    const settings = await context.settings();
    const runtime = await context.open();
    const view = { settings, text };
    const link = await findLink(runtime, id);
    if (link) {
      const emlFile = emlFileOf(link, settings, io.cwd);
      const lines = linkDetails(link, view, emlFile);
      if (flagValue(values, "message")) lines.push("", ...link.text.split("\n"));
      return { data: { link: { ...linkJson(link), text: link.text, emlFile: emlFile ?? null } }, lines };
    }
    try {
      const order = await runtime.paylinks.getOrder(id, { actor: runtime.actor });
      const links = await runtime.paylinks.orderLinks(order.id, { actor: runtime.actor });
      return { data: { order: orderJson(order), links: links.map(linkJson) }, lines: orderDetails(order, links, view) };
    } catch (error) {
      if (error instanceof PaylinksError && error.code === "not_found") {
        throw new PaylinksError("not_found", `No link or order ${id}`, { details: { id }, cause: error });
      }
      throw error;
    }
  },
};
