import { nanoid } from "nanoid";
import type { PaymentOrderPlan } from "../order/payment-order-plan";
import type { OrderRequest } from "../order/payment-order-request";
import type { LinkFilter, LinkPage } from "../ports/order-store";
import type { StoredLink, StoredOrder } from "../ports/payment-order-records";
import type { Clock } from "../ports/runtime";
import type { ReminderScheduleInput } from "../reminders/reminder-schedule";
import { createSendRate } from "./delivery/send-rate";
import { createThrottlePause, type ThrottlePause } from "./delivery/throttle-pause";
import { createEventHub, type PaylinksListener } from "./events";
import { type DeliveryOptions, type PaylinksOptions, resolveDelivery, resolveNotifications } from "./paylinks-options";
import { type CallOptions, idleWorkerState, queueOf, type ServiceContext, shopFinder } from "./service-context";
import { systemClock } from "./system-clock";
import { cancelLink } from "./use-cases/cancel-link";
import { changeExpiry, type ExpiryChange } from "./use-cases/change-expiry";
import { changeReminders } from "./use-cases/change-reminders";
import { type CreateOrderOptions, createOrder, type OrderWithLinks } from "./use-cases/create-order";
import { type DeliverOptions, type DeliveryReport, deliver } from "./use-cases/deliver";
import { type DuplicateOptions, duplicateLink } from "./use-cases/duplicate-link";
import { type ExpireDueOptions, type ExpireDueResult, expireDue } from "./use-cases/expire-due";
import { getLink } from "./use-cases/get-link";
import { getOrder } from "./use-cases/get-order";
import { type Health, type HealthOptions, health } from "./use-cases/health";
import { type ListPage, listLinks } from "./use-cases/list-links";
import { type LinkOpening, openLink } from "./use-cases/open-link";
import { listOrderLinks } from "./use-cases/order-links";
import { previewOrder } from "./use-cases/preview-order";
import { reactivateLink } from "./use-cases/reactivate-link";
import {
  type NotificationOutcome,
  type PaymentNotification,
  receiveNotification,
} from "./use-cases/receive-notification";
import { type PaymentResult, recordPayment } from "./use-cases/record-payment";
import type { LinkChanges } from "./use-cases/rerender-link";
import { resendLink } from "./use-cases/resend-link";
import { runWorker, type WorkerOptions, type WorkerSummary } from "./use-cases/run-worker";
import { type SendResult, send } from "./use-cases/send";
import { updateLink } from "./use-cases/update-link";

/** The service: every use case of payment links sent by e-mail, over a store and a mail transport. */
export interface Paylinks {
  /** Checks the actor, validates the three steps, and stores the order and its links, `PENDING`, sending nothing. */
  createOrder(request: OrderRequest, options: CreateOrderOptions): Promise<OrderWithLinks>;
  /** The dry run of `createOrder`: the same checks, and the plan it would store; nothing is read, stored or sent. */
  previewOrder(request: OrderRequest, options: CallOptions): Promise<PaymentOrderPlan>;
  /** Sends the links that are due, with bounded concurrency and retries; safe to run in several processes. */
  deliver(options?: DeliverOptions): Promise<DeliveryReport>;
  /** `createOrder` then `deliver` for that order: one result per recipient. */
  send(request: OrderRequest, options: CreateOrderOptions): Promise<SendResult>;
  /** Queues a running link's e-mail again (a new Message-ID); `deliver` sends it. */
  resend(linkId: string, options: CallOptions): Promise<StoredLink>;
  /** Edits a running (or expired) link and queues its e-mail again; the channel cannot change. */
  update(linkId: string, changes: LinkChanges, options: CallOptions): Promise<StoredLink>;
  /** Moves the expiry of a running or expired link (reopening an expired one); nothing is sent. */
  changeExpiry(linkId: string, expiry: ExpiryChange, options: CallOptions): Promise<StoredLink>;
  /**
   * Sets the reminder schedule of a running link (`{}` removes it); nothing is sent now. Each reminder must fall
   * after now and at or before the expiry; the offsets after creation count from the link's creation day.
   */
  changeReminders(linkId: string, schedule: ReminderScheduleInput, options: CallOptions): Promise<StoredLink>;
  /** Cancels a running link; the buyer can no longer pay. */
  cancel(linkId: string, options: CallOptions): Promise<StoredLink>;
  /** Makes a cancelled link run again, before its expiry. */
  reactivate(linkId: string, options: CallOptions): Promise<StoredLink>;
  /** Creates a new order from a link: everything but the reference (give a new one in `reference`). */
  duplicate(linkId: string, options: DuplicateOptions): Promise<OrderWithLinks>;
  /** Records a payment result on a running link; recording the same result twice is harmless. */
  recordPayment(linkId: string, result: PaymentResult, options: CallOptions): Promise<StoredLink>;
  /**
   * The payment page's lookup: the link of a secret token, whether it can be paid now or why not, and the first
   * opening recorded (`openedAt`, an `opened` event). No actor: the token is the capability. An unknown, malformed
   * or wrong token gets the same `{ payable: false, reason: "unknown" }`.
   */
  openLink(token: string): Promise<LinkOpening>;
  /**
   * Receives the payment platform's signed notification (the raw body and its `Paylinks-Signature` header) and
   * records PAID or REFUSED on the link, idempotently on the transaction id; a duplicate or out-of-order one
   * changes nothing. No actor: the signature (HMAC-SHA256 with the `notifications` secret) authenticates it.
   */
  receiveNotification(notification: PaymentNotification): Promise<NotificationOutcome>;
  /** Marks every running link of the actor's shops whose expiry has passed as `EXPIRED`. */
  expireDue(options: ExpireDueOptions): Promise<ExpireDueResult>;
  /** Reads an order. */
  getOrder(orderId: string, options: CallOptions): Promise<StoredOrder>;
  /** Reads every link of an order, in recipient order. */
  orderLinks(orderId: string, options: CallOptions): Promise<StoredLink[]>;
  /** Reads a link. */
  getLink(linkId: string, options: CallOptions): Promise<StoredLink>;
  /** Lists links, in creation order, a page at a time; an actor sees only what its rights allow. */
  listLinks(filter: LinkFilter, page: ListPage, options: CallOptions): Promise<LinkPage>;
  /**
   * The service's background work, until `options.signal` aborts: delivers continuously (sleeping `idleMs` when
   * nothing is due) and expires the links past their expiry in every shop every `expireEveryMs`, with no actor. A
   * failed batch (the database is away) is reported to `onBatch` and tried again after a backoff. On abort, no new
   * link is claimed, the e-mails under way finish and are recorded, then it resolves with the totals. One at a
   * time per service (a second call rejects with `invalid_context`); run several processes for more.
   */
  runWorker(options: WorkerOptions): Promise<WorkerSummary>;
  /**
   * Readiness: whether the store answers a cheap read (within `timeoutMs`), and the state of this service's
   * worker. Never throws; `status` is `"unavailable"` when the store does not answer.
   */
  health(options?: HealthOptions): Promise<Health>;
  /** Subscribes to the events; returns the function that unsubscribes. */
  subscribe(listener: PaylinksListener): () => void;
}

/** The throttling pause the delivery options ask for: none with `throttlePauseMs: 0`. */
function throttlePauseOf(delivery: DeliveryOptions | undefined, clock: Clock): ThrottlePause | undefined {
  const firstMs = delivery?.throttlePauseMs ?? 1000;
  if (firstMs === 0) return undefined;
  return createThrottlePause({ firstMs, maxMs: delivery?.throttlePauseMaxMs ?? Math.max(60_000, firstMs), clock });
}

/**
 * Creates the paylinks service over a store and a mail transport: a thin facade over one function per use case
 * (`src/service/use-cases/`).
 *
 * Every call but `deliver`, `runWorker`, `health`, `openLink`, `receiveNotification` and `subscribe` takes the
 * acting user and checks its permissions through one `authorize`: the back-office and "manage payment orders"
 * permissions before anything is read, the shop, the mode and the own-orders rule as soon as the order or link is
 * read, and always before anything is written.
 * Invalid input throws `invalid_request` with every issue, and nothing is stored. A storage failure throws
 * `storage_failed` with the cause; a link's state is only ever changed by one write, checked against its version,
 * so a failed call leaves it as it was.
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
  const notifications = resolveNotifications(options.notifications);
  const clock = options.clock ?? systemClock;
  const rate = options.delivery?.ratePerSecond;
  const context: ServiceContext = {
    store: options.store,
    queue: queueOf(options),
    transport: options.transport,
    clock,
    generateId,
    paymentUrl: options.paymentUrl,
    delivery: resolveDelivery(options.delivery),
    events: createEventHub(options.onListenerError),
    workerId: options.workerId ?? `worker-${generateId()}`,
    messageIdDomain: options.messageIdDomain ?? "paylinks.invalid",
    findShop: shopFinder(options.shops),
    worker: idleWorkerState(),
    sendRate:
      rate === undefined ? undefined : createSendRate({ perSecond: rate, burst: options.delivery?.rateBurst, clock }),
    throttlePause: throttlePauseOf(options.delivery, clock),
  };
  return {
    createOrder: (request, call) => createOrder(context, request, call),
    previewOrder: (request, call) => previewOrder(context, request, call),
    deliver: (deliverOptions) => deliver(context, deliverOptions),
    send: (request, call) => send(context, request, call),
    resend: (linkId, call) => resendLink(context, linkId, call),
    update: (linkId, changes, call) => updateLink(context, linkId, changes, call),
    changeExpiry: (linkId, expiry, call) => changeExpiry(context, linkId, expiry, call),
    cancel: (linkId, call) => cancelLink(context, linkId, call),
    reactivate: (linkId, call) => reactivateLink(context, linkId, call),
    changeReminders: (linkId, schedule, call) => changeReminders(context, linkId, schedule, call),
    duplicate: (linkId, call) => duplicateLink(context, linkId, call),
    recordPayment: (linkId, result, call) => recordPayment(context, linkId, result, call),
    openLink: (token) => openLink(context, token),
    receiveNotification: (notification) => receiveNotification(context, notifications, notification),
    expireDue: (call) => expireDue(context, call),
    getOrder: (orderId, call) => getOrder(context, orderId, call),
    orderLinks: (orderId, call) => listOrderLinks(context, orderId, call),
    getLink: (linkId, call) => getLink(context, linkId, call),
    listLinks: (filter, page, call) => listLinks(context, filter, page, call),
    runWorker: (workerOptions) => runWorker(context, workerOptions),
    health: (healthOptions) => health(context, healthOptions),
    subscribe: (listener) => context.events.subscribe(listener),
  };
}
