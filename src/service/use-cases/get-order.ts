import { PaylinksError } from "../../issues/paylinks-error";
import type { StoredOrder } from "../../ports/payment-order-records";
import { authorize, scopeOf } from "../authorize";
import type { CallOptions, ServiceContext } from "../service-context";
import { storeCall } from "../store-call";

/** Reads an order the actor may see. Internal: the service's `getOrder`. */
export async function getOrder(context: ServiceContext, orderId: string, options: CallOptions): Promise<StoredOrder> {
  authorize(options?.actor, "getOrder");
  const order = await storeCall("reading an order", () => context.store.getOrder(orderId));
  if (!order) throw new PaylinksError("not_found", `Unknown order ${orderId}`, { details: { orderId } });
  authorize(options.actor, "getOrder", scopeOf(order));
  return order;
}
