import type { Actor } from "../../actor/actor";
import { PaylinksError } from "../../issues/paylinks-error";
import type { OrderRequest } from "../../order/payment-order-request";
import { planOrder } from "../../order/plan-order";
import type { StoredLink, StoredOrder } from "../../ports/payment-order-records";
import { authorize, scopeOf } from "../authorize";
import { authorizeRequest, checkedRequest } from "../checked-request";
import { fingerprint } from "../fingerprint";
import { recordsFromPlan } from "../records";
import type { CallOptions, ServiceContext } from "../service-context";
import { storeCall } from "../store-call";
import { orderLinks } from "./order-links";

/** Options of `createOrder` and `send`. */
export interface CreateOrderOptions extends CallOptions {
  /**
   * A key chosen by the caller, unique per shop: calling again with the same key and the same request returns
   * the order already created and sends nothing new; the same key with another request fails with
   * `idempotency_conflict`.
   */
  readonly idempotencyKey?: string | undefined;
}

/** An order and its links, as stored. */
export interface OrderWithLinks {
  /** The order. */
  readonly order: StoredOrder;
  /** Its links, in recipient order. */
  readonly links: readonly StoredLink[];
  /** `false` when an earlier call with the same idempotency key created it. */
  readonly created: boolean;
}

async function replay(
  context: ServiceContext,
  existing: StoredOrder,
  requestFingerprint: string,
  actor: Actor,
): Promise<OrderWithLinks> {
  authorize(actor, "createOrder", scopeOf(existing));
  if (existing.requestFingerprint !== requestFingerprint) {
    throw new PaylinksError(
      "idempotency_conflict",
      `Idempotency key ${existing.idempotencyKey} was used for a different request (order ${existing.id})`,
      { details: { orderId: existing.id } },
    );
  }
  return { order: existing, links: await orderLinks(context, existing.id), created: false };
}

function findByKey(context: ServiceContext, shopId: string, key: string): Promise<StoredOrder | undefined> {
  return storeCall("looking up the idempotency key", () => context.store.findOrderByIdempotencyKey(shopId, key));
}

/**
 * Checks the actor, validates the three steps, plans the order and stores it with all its links, `PENDING`,
 * before any e-mail leaves. Internal: the service's `createOrder`.
 */
export async function createOrder(
  context: ServiceContext,
  request: OrderRequest,
  options: CreateOrderOptions,
): Promise<OrderWithLinks> {
  const { actor, idempotencyKey } = options;
  const target = authorizeRequest(request, "createOrder", options);
  if (idempotencyKey !== undefined && (typeof idempotencyKey !== "string" || idempotencyKey === "")) {
    throw new PaylinksError("invalid_context", "idempotencyKey must be a non-empty string");
  }
  const requestFingerprint = idempotencyKey === undefined ? undefined : fingerprint(request);
  if (idempotencyKey !== undefined && requestFingerprint !== undefined) {
    await context.findShop(target.shopId);
    const existing = await findByKey(context, target.shopId, idempotencyKey);
    if (existing) return replay(context, existing, requestFingerprint, actor);
  }
  const validated = await checkedRequest(context, request, target, options);
  const plan = planOrder(validated, {
    createdBy: actor.id,
    generateId: context.generateId,
    paymentUrl: context.paymentUrl,
  });
  const { order, links } = recordsFromPlan(
    plan,
    { key: idempotencyKey, fingerprint: requestFingerprint },
    validated.shop.timezone,
  );
  const outcome = await storeCall("saving the order", () => context.store.saveOrder(order, links));
  if (outcome === "duplicate" && idempotencyKey !== undefined && requestFingerprint !== undefined) {
    // Another call with the same key won the race: answer as a retry of it.
    const existing = await findByKey(context, target.shopId, idempotencyKey);
    if (existing) return replay(context, existing, requestFingerprint, actor);
    throw new PaylinksError("storage_failed", "The store reported a duplicate key but has no order for it");
  }
  context.events.emit({
    type: "created",
    at: order.createdAt,
    orderId: order.id,
    shopId: order.shopId,
    mode: order.mode,
    linkIds: links.map((l) => l.id),
    actorId: actor.id,
  });
  return { order, links, created: true };
}
