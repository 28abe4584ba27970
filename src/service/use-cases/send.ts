import { PaylinksError } from "../../issues/paylinks-error";
import type { OrderRequest } from "../../order/payment-order-request";
import type { DeliveryStatus, StoredLink, StoredOrder } from "../../ports/payment-order-records";
import type { ServiceContext } from "../service-context";
import { type CreateOrderOptions, createOrder } from "./create-order";
import { deliver } from "./deliver";
import { orderLinks } from "./order-links";

/** The outcome of `send` for one recipient. */
export interface RecipientResult {
  /** The link. */
  readonly linkId: string;
  /** The recipient's address. */
  readonly recipient: string;
  /** The link's reference. */
  readonly reference: string | undefined;
  /** `SENT`, `FAILED`, or `PENDING` when a retry is due later than `deliver` waits. */
  readonly deliveryStatus: DeliveryStatus;
  /** Why it failed, when it did. */
  readonly error: string | undefined;
}

/** What `send` returns: the order and one result per recipient. A partial failure is reported here, not thrown. */
export interface SendResult {
  /** The order. */
  readonly order: StoredOrder;
  /** `false` when an earlier call with the same idempotency key created the order. */
  readonly created: boolean;
  /** One result per recipient, in recipient order. */
  readonly results: readonly RecipientResult[];
}

/** `createOrder`, then `deliver` for that order. Internal: the service's `send`. */
export async function send(
  context: ServiceContext,
  request: OrderRequest,
  options: CreateOrderOptions,
): Promise<SendResult> {
  if (!context.transport) {
    throw new PaylinksError(
      "invalid_context",
      "This service has no mail transport: pass one to createPaylinks to send",
    );
  }
  const { order, created, links: stored } = await createOrder(context, request, options);
  // The links as this delivery wrote them; the order's links are read again only when it did not write them all
  // (another worker's, skipped, or already sent by an earlier call with the same idempotency key).
  const written = new Map<string, StoredLink>();
  await deliver(context, { orderId: order.id }, (link) => written.set(link.id, link));
  const links = stored.every((link) => written.has(link.id))
    ? stored.map((link) => written.get(link.id) as StoredLink)
    : await orderLinks(context, order.id);
  return {
    order,
    created,
    results: links.map((link) => ({
      linkId: link.id,
      recipient: link.recipient,
      reference: link.reference,
      deliveryStatus: link.delivery.status,
      error: link.delivery.status === "FAILED" ? link.delivery.lastError : undefined,
    })),
  };
}
