import type { AdvancedParameters } from "../advanced/advanced-parameters";
import type { MessageTemplate } from "../message/message-template";
import type {
  DeliveryAttempt,
  LinkDelivery,
  LinkPayment,
  StoredLink,
  StoredOrder,
} from "../ports/payment-order-records";

/**
 * The fields of a link to set in {@link makeLink}: any field, and any part of `payment` and `delivery` (the
 * others keep their defaults).
 */
export interface LinkFields extends Partial<Omit<StoredLink, "payment" | "delivery">> {
  /** Parts of the payment state to set. */
  readonly payment?: Partial<LinkPayment> | undefined;
  /** Parts of the delivery state to set. */
  readonly delivery?: Partial<LinkDelivery> | undefined;
}

/** The creation instant of the records the makers build, unless told otherwise: 2026-03-02 09:00 UTC. */
export const RECORDS_CREATED_AT: Date = new Date(Date.UTC(2026, 2, 2, 9, 0, 0));

const CREATED_AT_MS = RECORDS_CREATED_AT.getTime();

const DAY_MS = 86_400_000;
let sequence = 0;

/** A new id at each call, `prefix-000001`, `prefix-000002`…: unique within a test run, ordered as made. */
const nextId = (prefix: string): string => `${prefix}-${String(++sequence).padStart(6, "0")}`;

/** 23:59:59 UTC of the seventh day after `createdAt`: the default expiry of a shop in UTC. */
const expiryAfter = (createdAt: Date): Date =>
  new Date(Math.floor(createdAt.getTime() / DAY_MS) * DAY_MS + 8 * DAY_MS - 1000);

const advancedFor = (createdAt: Date): AdvancedParameters => ({
  language: "en",
  dataCollectionForm: false,
  validityDays: 7,
  expiresAt: expiryAfter(createdAt),
  paymentMethodSaving: "none",
  threeDsPreference: "no_preference",
  manualValidation: false,
  captureDelayDays: 0,
});

const message = (): MessageTemplate => ({
  subject: "Payment request %reference%",
  body: "Hello,\nplease pay %amount% for order %reference% before %end_date%: %url%",
});

/**
 * Builds a valid order as a shop in UTC would store it: one link, 49.90 EUR, reference `INV-2026-0001`, created
 * by `user-1` in shop `shop-1` at {@link RECORDS_CREATED_AT}, expiring seven days later at 23:59:59, no
 * idempotency key. Every call has a new id (`order-000001`…). Pass the fields a test is about.
 *
 * @param overrides - Fields to set; the expiry follows `createdAt` unless `advanced` is given.
 * @returns A new order (its `Date`s and arrays belong to it).
 * @example
 * ```ts
 * const order = makeOrder({ shopId: "shop-2", idempotencyKey: "key-1" });
 * ```
 */
export function makeOrder(overrides: Partial<StoredOrder> = {}): StoredOrder {
  const createdAt = new Date(overrides.createdAt?.getTime() ?? CREATED_AT_MS);
  return {
    id: nextId("order"),
    mode: "PRODUCTION",
    shopId: "shop-1",
    amount: 4990,
    currency: "EUR",
    reference: "INV-2026-0001",
    buyerReference: undefined,
    advanced: advancedFor(createdAt),
    message: message(),
    bcc: [],
    createdBy: "user-1",
    linkCount: 1,
    idempotencyKey: undefined,
    requestFingerprint: undefined,
    ...overrides,
    createdAt,
  };
}

/**
 * Builds a valid link as the service stores it when an order is created: `RUNNING`, `PENDING`, due at its
 * creation, version 1, first send, no attempt, no lease. It belongs to order `order-1` of shop `shop-1` unless
 * told otherwise (use {@link makeOrderWithLinks} for links that belong to a made order). Every call has a new
 * id, token (unique, 24 characters) and recipient. The dates that depend on `createdAt` (update, next attempt, expiry) follow it.
 *
 * @param overrides - Fields to set; `payment` and `delivery` are merged into the defaults.
 * @returns A new link (its `Date`s and arrays belong to it).
 * @example
 * ```ts
 * const link = makeLink({ delivery: { status: "SENT", nextAttemptAt: undefined } });
 * ```
 */
export function makeLink(overrides: LinkFields = {}): StoredLink {
  const { payment, delivery, ...fields } = overrides;
  const id = overrides.id ?? nextId("link");
  const createdAt = new Date(overrides.createdAt?.getTime() ?? CREATED_AT_MS);
  const advanced = overrides.advanced ?? advancedFor(createdAt);
  const token = `tok_${String(++sequence).padStart(20, "0")}`;
  const url = overrides.url ?? `https://pay.example.com/t/${token}`;
  const reference = "reference" in overrides ? overrides.reference : "INV-2026-0001";
  return {
    id,
    orderId: "order-1",
    shopId: "shop-1",
    mode: "PRODUCTION",
    createdBy: "user-1",
    token,
    url,
    reference,
    recipient: `buyer.${id}@example.com`,
    position: 0,
    bcc: [],
    amount: 4990,
    currency: "EUR",
    buyerReference: undefined,
    advanced,
    message: message(),
    subject: `Payment request ${reference ?? ""}`.trim(),
    text: `Hello,\nplease pay 49.90 EUR for order ${reference ?? ""}: ${url}`,
    html: `<p>Hello,</p><p>please pay 49.90 EUR for order ${reference ?? ""}: <a href="${url}">${url}</a></p>`,
    expiresAt: new Date(advanced.expiresAt.getTime()),
    updatedAt: new Date(createdAt.getTime()),
    version: 1,
    openedAt: undefined,
    ...fields,
    createdAt,
    payment: { status: "RUNNING", transactionId: undefined, at: undefined, ...payment },
    delivery: {
      status: "PENDING",
      sendCount: 1,
      attempts: 0,
      nextAttemptAt: new Date(createdAt.getTime()),
      leaseOwner: undefined,
      leaseExpiresAt: undefined,
      lastError: undefined,
      messageId: undefined,
      sentAt: undefined,
      ...delivery,
    },
  };
}

/** What {@link makeOrderWithLinks} builds. */
export interface OrderWithLinksRecords {
  /** The order; its `linkCount` is the number of links. */
  readonly order: StoredOrder;
  /** Its links, in recipient order. */
  readonly links: StoredLink[];
}

/** The options of {@link makeOrderWithLinks}. */
export interface MakeOrderWithLinksOptions {
  /** Fields of the order; the links copy its shop, mode, creator, creation, amount, currency and steps 2 and 3. */
  readonly order?: Partial<StoredOrder> | undefined;
  /**
   * How many links, or the fields of each link (one link per entry).
   * @defaultValue 1
   */
  readonly links?: number | readonly LinkFields[] | undefined;
}

/**
 * Builds an order and its links, consistent with each other as the service makes them: the links carry the
 * order's id, shop, mode, creator, creation instant, amount, currency, blind copies and steps 2 and 3, and, when
 * there are several, its reference suffixed `-001`, `-002`…
 *
 * @param options - The order's fields, and the number of links or each link's fields.
 * @returns The order and its links, ready for `saveOrder`.
 * @example
 * ```ts
 * const { order, links } = makeOrderWithLinks({ order: { shopId: "shop-2" }, links: 3 });
 * await store.saveOrder(order, links);
 * ```
 */
export function makeOrderWithLinks(options: MakeOrderWithLinksOptions = {}): OrderWithLinksRecords {
  const given = options.links ?? 1;
  const overrides: readonly LinkFields[] =
    typeof given === "number" ? Array.from({ length: given }, () => ({})) : given;
  const order = makeOrder({ linkCount: overrides.length, ...options.order });
  const suffixed = overrides.length > 1 && order.reference !== undefined;
  const links = overrides.map((fields, index) =>
    makeLink({
      orderId: order.id,
      shopId: order.shopId,
      mode: order.mode,
      createdBy: order.createdBy,
      createdAt: order.createdAt,
      reference: suffixed ? `${order.reference}-${String(index + 1).padStart(3, "0")}` : order.reference,
      bcc: [...order.bcc],
      amount: order.amount,
      currency: order.currency,
      buyerReference: order.buyerReference,
      advanced: { ...order.advanced, expiresAt: new Date(order.advanced.expiresAt.getTime()) },
      message: { ...order.message },
      position: index,
      ...fields,
    }),
  );
  return { order, links };
}

/**
 * Builds a delivery attempt: the first attempt of the first send of `link-1`, sent by `worker-1` at
 * {@link RECORDS_CREATED_AT}.
 *
 * @param overrides - Fields to set.
 * @returns A new attempt.
 * @example
 * ```ts
 * await store.recordAttempt(makeAttempt({ linkId: link.id, outcome: "transient", messageId: undefined, error: "451" }));
 * ```
 */
export function makeAttempt(overrides: Partial<DeliveryAttempt> = {}): DeliveryAttempt {
  return {
    linkId: "link-1",
    sendCount: 1,
    attempt: 1,
    at: new Date(CREATED_AT_MS),
    worker: "worker-1",
    outcome: "sent",
    messageId: "<link-1.1@paylinks.invalid>",
    error: undefined,
    ...overrides,
  };
}
