import { PaylinksError } from "../../issues/paylinks-error";
import type { OrderRequest } from "../../order/payment-order-request";
import type { DeliveryStatus, StoredOrder } from "../../ports/payment-order-records";
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
  const { order, created } = await createOrder(context, request, options);
  await deliver(context, { orderId: order.id });
  const links = await orderLinks(context, order.id);
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
