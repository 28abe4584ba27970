import type { StoredLink } from "../../ports/payment-order-records";
import type { Runtime } from "../runtime/open-runtime";

/**
 * Every link of an order, in recipient order, page after page.
 *
 * @param runtime - The service and the actor.
 * @param orderId - The order.
 * @returns The links.
 */
export async function orderLinks(runtime: Runtime, orderId: string): Promise<StoredLink[]> {
  const links: StoredLink[] = [];
  let cursor: string | undefined;
  do {
    const page = await runtime.paylinks.listLinks({ orderId }, { limit: 1000, cursor }, { actor: runtime.actor });
    links.push(...page.links);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return links.sort((a, b) => a.position - b.position);
}
