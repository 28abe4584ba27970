import type { StoredLink } from "../ports/payment-order-records";
import type { ServiceContext } from "./service-context";
import { storeCall } from "./store-call";

/** Reads every link of an order, page by page, in recipient order. Internal. */
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
