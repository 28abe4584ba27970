import type { Actor } from "../actor/actor";
import { PaylinksError } from "../issues/paylinks-error";
import type { PaymentUrlInput } from "../order/payment-order-plan";
import { type DeliveryQueue, isDeliveryQueue } from "../ports/delivery-queue";
import type { MailTransport } from "../ports/mail-transport";
import type { OrderStore } from "../ports/order-store";
import type { Clock, IdGenerator } from "../ports/runtime";
import type { ShopConfig } from "../shop/shop-config";
import type { SendRate } from "./delivery/send-rate";
import type { ThrottlePause } from "./delivery/throttle-pause";
import type { EventHub } from "./events";
import type { PaylinksOptions, ResolvedDelivery } from "./paylinks-options";

/** What every use case of the service works with. Internal. */
export interface ServiceContext {
  readonly store: OrderStore;
  readonly queue: DeliveryQueue | undefined;
  readonly transport: MailTransport | undefined;
  readonly clock: Clock;
  readonly generateId: IdGenerator;
  readonly paymentUrl: (link: PaymentUrlInput) => string;
  readonly delivery: ResolvedDelivery;
  readonly events: EventHub;
  readonly workerId: string;
  readonly messageIdDomain: string;
  readonly findShop: (shopId: string) => Promise<ShopConfig>;
  /** The send-rate limit shared by every delivery of this service, when one is set. */
  readonly sendRate: SendRate | undefined;
  /** The pause of every delivery of this service after a throttling answer, unless turned off. */
  readonly throttlePause: ThrottlePause | undefined;
  /** The state of this service's `runWorker`, which `health` reports. */
  readonly worker: WorkerState;
}

/** What the service knows of its own worker: changed by `runWorker` as it goes, read by `health`. Internal. */
export interface WorkerState {
  /** Whether a `runWorker` of this service is running (until its promise settles). */
  running: boolean;
  /** When the last `runWorker` started. */
  startedAt: Date | undefined;
  /** When its last reported batch ended. */
  lastBatchAt: Date | undefined;
  /** The error of its last batch, when that batch failed. */
  lastError: string | undefined;
  /** The batches it reported. */
  batches: number;
}

/** The state of a service that has never run a worker. Internal. */
export function idleWorkerState(): WorkerState {
  return { running: false, startedAt: undefined, lastBatchAt: undefined, lastError: undefined, batches: 0 };
}

/** Options every call takes: who is acting, and the language of issue messages. */
export interface CallOptions {
  /** The acting user; every call checks its permissions. */
  readonly actor: Actor;
  /**
   * Language of validation issue messages.
   * @defaultValue `"en"`
   */
  readonly locale?: "en" | "fr" | undefined;
}

/** Builds the shop lookup from the `shops` option. Internal. */
export function shopFinder(shops: PaylinksOptions["shops"]): (shopId: string) => Promise<ShopConfig> {
  return async (shopId) => {
    const shop = typeof shops === "function" ? await shops(shopId) : shops.find((s) => s.id === shopId);
    if (!shop) throw new PaylinksError("not_found", `Unknown shop ${shopId}`, { details: { shopId } });
    return shop;
  };
}

/** The queue option, or the store when it also implements the delivery queue. Internal. */
export function queueOf(options: Pick<PaylinksOptions, "store" | "queue">): DeliveryQueue | undefined {
  if (options.queue !== undefined) return options.queue;
  return isDeliveryQueue(options.store) ? options.store : undefined;
}
