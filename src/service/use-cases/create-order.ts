import type { Actor } from "../actor/actor";
import { createIssue } from "../issues/create-issue";
import { PaylinksError } from "../issues/paylinks-error";
import { preview, textOf } from "../issues/preview";
import { readField } from "../link/read-field";
import type { PaymentOrderRequest } from "../order/payment-order-plan";
import { planPaymentOrder } from "../order/plan-payment-order";
import type { StoredLink, StoredOrder } from "../ports/payment-order-records";
import { fingerprint } from "./fingerprint";
import { orderLinks } from "./order-links";
import { authorize } from "./permissions";
import { recordsFromPlan } from "./records";
import type { CallOptions, ServiceContext } from "./service-context";
import { storeCall } from "./store-call";

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
  authorize(actor, "createOrder", { shopId: existing.shopId, mode: existing.mode, createdBy: existing.createdBy });
  if (existing.requestFingerprint !== requestFingerprint) {
    throw new PaylinksError(
      "idempotency_conflict",
      `Idempotency key ${existing.idempotencyKey} was used for a different request (order ${existing.id})`,
      { details: { orderId: existing.id } },
    );
  }
  return { order: existing, links: await orderLinks(context, existing.id), created: false };
}

/**
 * Checks the actor, plans the order and stores it with all its links, `PENDING`, before any e-mail leaves.
 * Internal: the service's `createOrder`.
 */
export async function createOrder(
  context: ServiceContext,
  request: PaymentOrderRequest,
  options: CreateOrderOptions,
): Promise<OrderWithLinks> {
  const { actor, idempotencyKey, locale } = options;
  const link = readField(request, "link");
  const shopId = readField(link, "shopId");
  const mode = readField(link, "mode") ?? "PRODUCTION";
  if (typeof shopId !== "string") {
    const issue = createIssue("type_invalid", ["link", "shopId"], { expected: "string" }, locale);
    throw new PaylinksError("invalid_request", "The request has no shop id", { issues: [issue] });
  }
  if (mode !== "PRODUCTION" && mode !== "TEST") {
    const issue = createIssue("mode_invalid", ["link", "mode"], { value: preview(textOf(mode)) }, locale);
    throw new PaylinksError("invalid_request", "The request has an invalid mode", { issues: [issue] });
  }
  authorize(actor, "createOrder", { shopId, mode });
  if (idempotencyKey !== undefined && (typeof idempotencyKey !== "string" || idempotencyKey === "")) {
    throw new PaylinksError("invalid_context", "idempotencyKey must be a non-empty string");
  }
  const shop = await context.findShop(shopId);
  const requestFingerprint = idempotencyKey === undefined ? undefined : fingerprint(request);
  if (idempotencyKey !== undefined && requestFingerprint !== undefined) {
    const existing = await storeCall("looking up the idempotency key", () =>
      context.store.findOrderByIdempotencyKey(shopId, idempotencyKey),
    );
    if (existing) return replay(context, existing, requestFingerprint, actor);
  }
  const result = planPaymentOrder(request, planContext(context, shop, actor, locale));
  if (!result.ok) {
    throw new PaylinksError("invalid_request", `The request has ${result.issues.length} issue(s)`, {
      issues: result.issues,
    });
  }
  const { order, links } = recordsFromPlan(result.value, { key: idempotencyKey, fingerprint: requestFingerprint });
  const outcome = await storeCall("saving the order", () => context.store.saveOrder(order, links));
  if (outcome === "duplicate" && idempotencyKey !== undefined && requestFingerprint !== undefined) {
    // Another call with the same key won the race: answer as a retry of it.
    const existing = await storeCall("looking up the idempotency key", () =>
      context.store.findOrderByIdempotencyKey(shopId, idempotencyKey),
    );
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

/** The context of planPaymentOrder from the service's. Internal. */
export function planContext(
  context: ServiceContext,
  shop: Parameters<typeof planPaymentOrder>[1]["shop"],
  actor: Actor,
  locale: CallOptions["locale"],
): Parameters<typeof planPaymentOrder>[1] {
  return {
    shop,
    actor,
    now: context.clock.now(),
    generateId: context.generateId,
    paymentUrl: context.paymentUrl,
    locale,
  };
}
