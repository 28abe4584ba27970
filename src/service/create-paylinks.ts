import { nanoid } from "nanoid";
import type { Mode } from "../actor/actor";
import { PaylinksError } from "../issues/paylinks-error";
import type { PaymentOrderRequest } from "../order/payment-order-plan";
import type { DeliveryStatus, PaymentStatus, StoredLink, StoredOrder } from "../ports/payment-order-records";
import type { LinkFilter, LinkPage } from "../ports/payment-order-store";
import { type CreateOrderOptions, createOrder, type OrderWithLinks } from "./create-order";
import { type DeliverOptions, type DeliveryReport, deliver } from "./deliver";
import { createEventHub, type PaylinksListener } from "./events";
import { changeLink, eventBase, type LinkChanges, loadLink, queuedAgain, replan } from "./link-actions";
import { orderLinks } from "./order-links";
import { type PaylinksOptions, resolveDelivery } from "./paylinks-options";
import { authorize, authorizeBase } from "./permissions";
import { advancedInput } from "./records";
import { type CallOptions, type ServiceContext, shopFinder } from "./service-context";
import { storeCall } from "./store-call";
import { systemClock } from "./system-clock";

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

/** Which links to list: every field narrows the list. The actor's rights narrow it further. */
export interface ListLinksFilter {
  /** Only this shop (one the actor may use). */
  readonly shopId?: string | undefined;
  /** Only this mode (one the actor may use). */
  readonly mode?: Mode | undefined;
  /** Only this order. */
  readonly orderId?: string | undefined;
  /** Only these payment statuses. */
  readonly paymentStatus?: PaymentStatus | readonly PaymentStatus[] | undefined;
  /** Only these delivery statuses. */
  readonly deliveryStatus?: DeliveryStatus | readonly DeliveryStatus[] | undefined;
  /** Only references starting with this text. */
  readonly referencePrefix?: string | undefined;
  /** Only this recipient (without case). */
  readonly recipient?: string | undefined;
  /** Only links created at or after this instant. */
  readonly createdFrom?: Date | undefined;
  /** Only links created before this instant. */
  readonly createdTo?: Date | undefined;
  /** Only orders created by this actor. */
  readonly createdBy?: string | undefined;
}

/** A page to list. */
export interface ListPage {
  /**
   * Links per page, 1 to 1000.
   * @defaultValue 50
   */
  readonly limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string | undefined;
}

/** A payment result, as the payment platform reports it. */
export interface PaymentResult {
  /** Paid, or refused. */
  readonly status: "PAID" | "REFUSED";
  /** The platform's transaction id. */
  readonly transactionId?: string | undefined;
  /** When it happened; defaults to now. A payment after the link's expiry is refused. */
  readonly at?: Date | undefined;
}

/** What `expireDue` did. */
export interface ExpireDueResult {
  /** How many links it marked `EXPIRED`. */
  readonly expired: number;
}

/** The service: every use case of payment links sent by e-mail, over a store and a mail transport. */
export interface Paylinks {
  /** Checks the actor, validates the three steps, and stores the order and its links, `PENDING`, sending nothing. */
  createOrder(request: PaymentOrderRequest, options: CreateOrderOptions): Promise<OrderWithLinks>;
  /** Sends the links that are due, with bounded concurrency and retries; safe to run in several processes. */
  deliver(options?: DeliverOptions): Promise<DeliveryReport>;
  /** `createOrder` then `deliver` for that order: one result per recipient. */
  send(request: PaymentOrderRequest, options: CreateOrderOptions): Promise<SendResult>;
  /** Queues a running link's e-mail again (a new Message-ID); `deliver` sends it. */
  resend(linkId: string, options: CallOptions): Promise<StoredLink>;
  /** Edits a running (or expired) link and queues its e-mail again; the channel cannot change. */
  update(linkId: string, changes: LinkChanges, options: CallOptions): Promise<StoredLink>;
  /** Moves the expiry of a running or expired link (reopening an expired one); nothing is sent. */
  changeExpiry(
    linkId: string,
    expiry: { readonly validityDays?: number; readonly expiresAt?: Date | string },
    options: CallOptions,
  ): Promise<StoredLink>;
  /** Cancels a running link; the buyer can no longer pay. */
  cancel(linkId: string, options: CallOptions): Promise<StoredLink>;
  /** Makes a cancelled link run again, before its expiry. */
  reactivate(linkId: string, options: CallOptions): Promise<StoredLink>;
  /** Creates a new order from a link: everything but the reference (give a new one in `reference`). */
  duplicate(
    linkId: string,
    options: CreateOrderOptions & { readonly reference?: string | undefined },
  ): Promise<OrderWithLinks>;
  /** Records a payment result on a running link; recording the same result twice is harmless. */
  recordPayment(linkId: string, result: PaymentResult, options: CallOptions): Promise<StoredLink>;
  /** Marks every running link of the actor's shops whose expiry has passed as `EXPIRED`. */
  expireDue(options: CallOptions & { readonly limit?: number | undefined }): Promise<ExpireDueResult>;
  /** Reads an order. */
  getOrder(orderId: string, options: CallOptions): Promise<StoredOrder>;
  /** Reads a link. */
  getLink(linkId: string, options: CallOptions): Promise<StoredLink>;
  /** Lists links, in creation order, a page at a time; an actor sees only what its rights allow. */
  listLinks(filter: ListLinksFilter, page: ListPage, options: CallOptions): Promise<LinkPage>;
  /** Subscribes to the events; returns the function that unsubscribes. */
  subscribe(listener: PaylinksListener): () => void;
}

const list = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/**
 * Creates the paylinks service over a store and a mail transport.
 *
 * Every call but `deliver` and `subscribe` takes the acting user and checks its permissions: the back-office
 * and "manage payment orders" permissions before anything is read, the shop, the mode and the own-orders rule
 * as soon as the order or link is read, and always before anything is written. Invalid input throws `invalid_request` with every issue, and nothing is stored. A storage
 * failure throws `storage_failed` with the cause; a link's state is only ever changed by one write, checked
 * against its version, so a failed call leaves it as it was.
 *
 * @param options - The store, the transport, the shops, the payment URL builder, and optional clock, ids,
 *   delivery settings.
 * @returns The service.
 * @example
 * ```ts
 * import { createPaylinks } from "paylinks/service";
 * import { createMemoryStore, createCaptureTransport } from "paylinks/memory";
 *
 * const paylinks = createPaylinks({
 *   store: createMemoryStore(), transport: createCaptureTransport(), shops: [shop],
 *   paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
 * });
 * const { results } = await paylinks.send({ link: { shopId: shop.id, amount: 4990, currency: "EUR",
 *   orderReference: "Recouvrement", recipients: "a@example.fr;b@example.fr" } }, { actor });
 * ```
 */
export function createPaylinks(options: PaylinksOptions): Paylinks {
  const generateId = options.generateId ?? (() => nanoid());
  const context: ServiceContext = {
    store: options.store,
    transport: options.transport,
    clock: options.clock ?? systemClock,
    generateId,
    paymentUrl: options.paymentUrl,
    delivery: resolveDelivery(options.delivery),
    events: createEventHub(options.onListenerError),
    workerId: options.workerId ?? `worker-${generateId()}`,
    messageIdDomain: options.messageIdDomain ?? "paylinks.invalid",
    findShop: shopFinder(options.shops),
  };

  const service: Paylinks = {
    createOrder: (request, callOptions) => createOrder(context, request, callOptions),

    deliver: (deliverOptions) => deliver(context, deliverOptions),

    async send(request, callOptions) {
      if (!context.transport) {
        throw new PaylinksError(
          "invalid_context",
          "This service has no mail transport: pass one to createPaylinks to send",
        );
      }
      const { order, created } = await createOrder(context, request, callOptions);
      await deliver(context, { orderId: order.id });
      const links = await orderLinks(context, order.id);
      return {
        order,
        created,
        results: links.map((link) => ({
          linkId: link.id,
          recipient: link.recipient,
          reference: link.reference,
          deliveryStatus: link.deliveryStatus,
          error: link.deliveryStatus === "FAILED" ? link.lastError : undefined,
        })),
      };
    },

    resend: (linkId, callOptions) =>
      changeLink(
        context,
        linkId,
        "resend",
        callOptions,
        (link, now) => ({ ...link, ...queuedAgain(link, now) }),
        (link) => ({ ...eventBase(link, callOptions.actor), type: "resent" }),
      ),

    update(linkId, changes, callOptions) {
      try {
        authorizeBase(callOptions?.actor, "update");
      } catch (error) {
        return Promise.reject(error);
      }
      if (changes?.channel !== undefined && changes.channel !== "email") {
        return Promise.reject(
          new PaylinksError("invalid_request", "The channel of a link cannot change", {
            details: { channel: String(changes.channel) },
          }),
        );
      }
      return changeLink(
        context,
        linkId,
        "update",
        callOptions,
        async (link, now) => {
          const edited = await replan(context, link, changes ?? {}, callOptions, now);
          return { ...edited, paymentStatus: "RUNNING", ...queuedAgain(link, now) };
        },
        (link) => ({ ...eventBase(link, callOptions.actor), type: "updated" }),
      );
    },

    changeExpiry: (linkId, expiry, callOptions) =>
      changeLink(
        context,
        linkId,
        "changeExpiry",
        callOptions,
        async (link, now) => {
          const given = { validityDays: expiry?.validityDays, expiresAt: expiry?.expiresAt };
          if (given.validityDays === undefined && given.expiresAt === undefined) {
            throw new PaylinksError("invalid_request", "Give validityDays or expiresAt");
          }
          const edited = await replan(
            context,
            link,
            { advanced: { ...advancedInput(link), ...given } },
            callOptions,
            now,
          );
          // The delivery state stays as it is: nothing is sent. A link waiting for delivery is scheduled again.
          const reopened = link.deliveryStatus === "PENDING" && link.nextAttemptAt === undefined;
          return { ...edited, paymentStatus: "RUNNING", ...(reopened ? { nextAttemptAt: now } : {}) };
        },
        (link) => ({ ...eventBase(link, callOptions.actor), type: "expiry_changed", expiresAt: link.expiresAt }),
      ),

    cancel: (linkId, callOptions) =>
      changeLink(
        context,
        linkId,
        "cancel",
        callOptions,
        (link) => ({ ...link, paymentStatus: "CANCELLED", nextAttemptAt: undefined }),
        (link) => ({ ...eventBase(link, callOptions.actor), type: "cancelled" }),
      ),

    reactivate: (linkId, callOptions) =>
      changeLink(
        context,
        linkId,
        "reactivate",
        callOptions,
        (link, now) => {
          if (link.expiresAt.getTime() < now.getTime()) {
            throw new PaylinksError("invalid_transition", `Cannot reactivate link ${link.id}: it has expired`, {
              details: { action: "reactivate", status: "CANCELLED", reason: "expired", linkId: link.id },
            });
          }
          const waiting = link.deliveryStatus === "PENDING";
          return { ...link, paymentStatus: "RUNNING", ...(waiting ? { nextAttemptAt: now } : {}) };
        },
        (link) => ({ ...eventBase(link, callOptions.actor), type: "reactivated" }),
      ),

    async duplicate(linkId, callOptions) {
      authorizeBase(callOptions?.actor, "duplicate");
      const link = await loadLink(context, linkId);
      authorize(callOptions.actor, "duplicate", { shopId: link.shopId, mode: link.mode, createdBy: link.createdBy });
      return createOrder(
        context,
        {
          link: {
            shopId: link.shopId,
            mode: link.mode,
            amount: link.amount,
            currency: link.currency,
            orderReference: callOptions.reference,
            recipients: [link.recipient],
            buyerReference: link.buyerReference,
            channel: "email",
            bcc: { addresses: [...link.bcc] },
          },
          advanced: { ...advancedInput(link), validityDays: link.advanced.validityDays },
          message: link.message,
        },
        callOptions,
      );
    },

    async recordPayment(linkId, result, callOptions) {
      authorizeBase(callOptions?.actor, "recordPayment");
      const status = result?.status;
      if (status !== "PAID" && status !== "REFUSED") {
        throw new PaylinksError("invalid_request", "A payment result is PAID or REFUSED", {
          details: { status: String(status) },
        });
      }
      return changeLink(
        context,
        linkId,
        "recordPayment",
        callOptions,
        (link, now) => {
          const at = result.at ?? now;
          if (link.expiresAt.getTime() < at.getTime()) {
            throw new PaylinksError(
              "invalid_transition",
              `Cannot record a payment on link ${link.id} after its expiry`,
              {
                details: { action: "recordPayment", status: "EXPIRED", linkId: link.id },
              },
            );
          }
          return {
            ...link,
            paymentStatus: status,
            transactionId: result.transactionId,
            paymentAt: at,
            nextAttemptAt: undefined,
          };
        },
        (link) => ({
          ...eventBase(link, callOptions.actor),
          type: status === "PAID" ? "paid" : "refused",
          transactionId: link.transactionId,
        }),
        {
          // A payment platform may report the same result twice (a retried notification): that is no error.
          alreadyDone: (link) => link.paymentStatus === status && link.transactionId === result.transactionId,
          at: result.at,
        },
      );
    },

    async expireDue(callOptions) {
      const { actor } = callOptions;
      authorizeBase(actor, "expireDue");
      const now = context.clock.now();
      const limit = callOptions.limit ?? Number.POSITIVE_INFINITY;
      let expired = 0;
      let cursor: string | undefined;
      do {
        const page = await storeCall("listing expired links", () =>
          context.store.listLinks(
            {
              shopIds: actor.shopIds,
              modes: actor.permissions.modes,
              paymentStatuses: ["RUNNING"],
              expiresBefore: now,
              createdBy: actor.permissions.viewAllOrders === true ? undefined : actor.id,
            },
            { limit: 500, cursor },
          ),
        );
        for (const link of page.links) {
          if (expired >= limit) break;
          try {
            await changeLink(
              context,
              link.id,
              "expire",
              callOptions,
              (current) => ({ ...current, paymentStatus: "EXPIRED", nextAttemptAt: undefined }),
              (current) => ({ ...eventBase(current, actor), type: "expired" }),
            );
            expired++;
          } catch (error) {
            // A link paid, cancelled or already expired in the meantime is not an error here.
            if (!(error instanceof PaylinksError && error.code === "invalid_transition")) throw error;
          }
        }
        cursor = expired >= limit ? undefined : page.nextCursor;
      } while (cursor !== undefined);
      return { expired };
    },

    async getOrder(orderId, callOptions) {
      authorizeBase(callOptions?.actor, "getOrder");
      const order = await storeCall("reading an order", () => context.store.getOrder(orderId));
      if (!order) throw new PaylinksError("not_found", `Unknown order ${orderId}`, { details: { orderId } });
      authorize(callOptions.actor, "getOrder", { shopId: order.shopId, mode: order.mode, createdBy: order.createdBy });
      return order;
    },

    async getLink(linkId, callOptions) {
      authorizeBase(callOptions?.actor, "getLink");
      const link = await loadLink(context, linkId);
      authorize(callOptions.actor, "getLink", { shopId: link.shopId, mode: link.mode, createdBy: link.createdBy });
      return link;
    },

    async listLinks(filter, page, callOptions) {
      const { actor } = callOptions;
      authorizeBase(actor, "listLinks");
      if (filter.shopId !== undefined)
        authorize(actor, "listLinks", {
          shopId: filter.shopId,
          mode: filter.mode ?? actor.permissions.modes[0] ?? "PRODUCTION",
        });
      if (filter.mode !== undefined && !actor.permissions.modes.includes(filter.mode)) {
        throw new PaylinksError("forbidden", `listLinks: actor ${actor.id} may not use ${filter.mode} payment orders`, {
          details: { action: "listLinks", mode: filter.mode },
        });
      }
      if (filter.createdBy !== undefined && filter.createdBy !== actor.id && actor.permissions.viewAllOrders !== true) {
        throw new PaylinksError("forbidden", `listLinks: actor ${actor.id} may only see the orders it created`, {
          details: { action: "listLinks", permission: "viewAllOrders" },
        });
      }
      const asked = page?.limit ?? 50;
      if (typeof asked !== "number" || Number.isNaN(asked)) {
        throw new PaylinksError("invalid_request", "The page limit must be a number", {
          details: { limit: String(asked) },
        });
      }
      const limit = Math.min(1000, Math.max(1, Math.floor(asked)));
      const storeFilter: LinkFilter = {
        shopIds: filter.shopId !== undefined ? [filter.shopId] : actor.shopIds,
        modes: filter.mode !== undefined ? [filter.mode] : actor.permissions.modes,
        orderId: filter.orderId,
        paymentStatuses: list(filter.paymentStatus),
        deliveryStatuses: list(filter.deliveryStatus),
        referencePrefix: filter.referencePrefix,
        recipient: filter.recipient,
        createdFrom: filter.createdFrom,
        createdTo: filter.createdTo,
        createdBy: actor.permissions.viewAllOrders === true ? filter.createdBy : actor.id,
      };
      return storeCall("listing links", () => context.store.listLinks(storeFilter, { limit, cursor: page?.cursor }));
    },

    subscribe: (listener) => context.events.subscribe(listener),
  };
  return service;
}
