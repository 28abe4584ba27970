import { PaylinksError } from "../../issues/paylinks-error";
import type { LinkFilter } from "../../ports/order-store";
import { DELIVERY_STATUSES, PAYMENT_STATUSES } from "../../ports/statuses";
import { CliError } from "../cli-error";
import { choicesValue, countValue, flagValue, textValue } from "../command-line/read-values";
import { linkJson } from "../output/link-json";
import { linkTable } from "../output/link-lines";
import type { Command } from "./command";

/** `paylinks list`: the links, newest last, a page at a time, with filters. */
export const listCommand: Command = {
  name: "list",
  args: [],
  options: {
    status: { type: "string", value: "statuses" },
    delivery: { type: "string", value: "statuses" },
    reference: { type: "string", value: "prefix" },
    to: { type: "string", value: "address" },
    order: { type: "string", value: "id" },
    shop: { type: "string", value: "id" },
    test: { type: "boolean" },
    production: { type: "boolean" },
    limit: { type: "string", value: "number" },
    cursor: { type: "string", value: "cursor" },
  },
  groups: [
    { group: "filters", options: ["status", "delivery", "reference", "to", "order", "shop", "test", "production"] },
    { group: "pages", options: ["limit", "cursor"] },
  ],

  async run(context, { values }) {
    const { text } = context;
    if (flagValue(values, "test") && flagValue(values, "production")) {
      throw new CliError("conflicting_options", text.usage.conflicting("--test", "--production"));
    }
    const shopId = textValue(values, "shop");
    const filter: LinkFilter = {
      paymentStatuses: choicesValue(values, "status", PAYMENT_STATUSES, text),
      deliveryStatuses: choicesValue(values, "delivery", DELIVERY_STATUSES, text),
      referencePrefix: textValue(values, "reference"),
      recipient: textValue(values, "to"),
      orderId: textValue(values, "order"),
      shopIds: shopId === undefined ? undefined : [shopId],
      modes: flagValue(values, "test") ? ["TEST"] : flagValue(values, "production") ? ["PRODUCTION"] : undefined,
    };
    const limit = countValue(values, "limit", text);
    const cursor = textValue(values, "cursor");
    const settings = await context.settings();
    const runtime = await context.open();
    let page: Awaited<ReturnType<typeof runtime.paylinks.listLinks>>;
    try {
      page = await runtime.paylinks.listLinks(filter, { limit, cursor }, { actor: runtime.actor });
    } catch (error) {
      // A cursor the store did not make is a mistake on the command line: the stores refuse it with
      // invalid_request (details.cursor); older ones threw a RangeError, which the service reports as storage_failed.
      const badCursor =
        error instanceof PaylinksError &&
        ((error.code === "invalid_request" && error.details.cursor !== undefined) ||
          (error.code === "storage_failed" && error.cause instanceof RangeError));
      if (cursor !== undefined && badCursor) {
        throw new CliError("invalid_value", text.usage.invalidCursor(cursor), {
          cause: error,
          details: { option: "--cursor" },
        });
      }
      throw error;
    }
    // The store pages by creation, then id; on screen, an order's links are shown in recipient order.
    const links = [...page.links].sort(
      (a, b) =>
        a.createdAt.getTime() - b.createdAt.getTime() ||
        (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : a.position - b.position),
    );
    const lines =
      links.length === 0
        ? [text.out.noLinks]
        : [...linkTable(links, { settings, text }), "", text.out.linkCount(links.length)];
    if (page.nextCursor !== undefined) lines.push(text.out.nextPage(page.nextCursor));
    return { data: { links: links.map(linkJson), nextCursor: page.nextCursor ?? null }, lines };
  },
};
