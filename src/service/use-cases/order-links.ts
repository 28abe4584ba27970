import type { StoredLink } from "../../ports/payment-order-records";
import type { CallOptions, ServiceContext } from "../service-context";
import { storeCall } from "../store-call";
import { getOrder } from "./get-order";

/** Reads every link of an order, page by page, in recipient order; no permission check. Internal. */
export async function orderLinks(context: ServiceContext, orderId: string): Promise<StoredLink[]> {
  const links: StoredLink[] = [];
  let cursor: string | undefined;
  do {
    const page = await storeCall("reading the links of an order", () =>
      context.store.listLinks({ orderId }, { limit: 1000, cursor }),
    );
    links.push(...page.links);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return links.sort((a, b) => a.position - b.position);
}

/** Reads every link of an order the actor may see, in recipient order. Internal: the service's `orderLinks`. */
export async function listOrderLinks(
  context: ServiceContext,
  orderId: string,
  options: CallOptions,
): Promise<StoredLink[]> {
  await getOrder(context, orderId, options);
  return orderLinks(context, orderId);
}
