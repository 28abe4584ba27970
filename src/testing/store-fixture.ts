import { type DeliveryQueue, isDeliveryQueue, type PaymentOrderStore } from "../ports/delivery-queue";
import type { OrderStore } from "../ports/order-store";

/** A store that needs tearing down after each test, with the function that does it. */
export interface StoreFixture {
  /** An empty order store of its own: a new object, a fresh schema or database, or tables just emptied. */
  readonly store: OrderStore;
  /**
   * The delivery queue over that store's links, for `describeDeliveryQueueContract`; left out, the store must
   * be its own queue (as the memory and PostgreSQL adapters are).
   */
  readonly queue?: DeliveryQueue | undefined;
  /**
   * Releases the store after the test, whether it passed or failed: drop the schema, close the pool or the
   * embedded database.
   */
  readonly cleanup?: (() => void | Promise<void>) | undefined;
}

/**
 * Makes the store one test runs against; it is called before every test of the suite and must return an empty
 * store. Return the store itself when nothing needs releasing (a memory store), or a {@link StoreFixture} with
 * a `cleanup` when something does (a database connection, a schema).
 */
export type StoreFactory = () => OrderStore | StoreFixture | Promise<OrderStore | StoreFixture>;

/** The options of the store and queue contracts. */
export interface StoreContractOptions {
  /**
   * Time allowed to each test, and to each call of the factory and of `cleanup`, in ms. Raise it for a database
   * that starts slowly (an embedded PGlite takes seconds).
   * @defaultValue vitest's `testTimeout` and `hookTimeout`
   */
  readonly timeout?: number | undefined;
}

/** What the factory made, with a cleanup that is never absent. Internal. */
export interface OpenedStore {
  readonly store: OrderStore;
  readonly queue: DeliveryQueue | undefined;
  readonly cleanup: () => Promise<void>;
}

const asQueue = (value: unknown): DeliveryQueue | undefined => (isDeliveryQueue(value) ? value : undefined);

const isStore = (value: OrderStore | StoreFixture): value is OrderStore =>
  typeof (value as Partial<OrderStore>).saveOrder === "function";

/** Calls the factory and tells a bare store from a fixture. Internal. */
export async function openStore(makeStore: StoreFactory): Promise<OpenedStore> {
  const made = await makeStore();
  if (isStore(made)) return { store: made, queue: asQueue(made), cleanup: async () => {} };
  if (!made || typeof made.store?.saveOrder !== "function") {
    throw new TypeError("makeStore must return an OrderStore or { store, queue?, cleanup? }");
  }
  const { cleanup } = made;
  return { store: made.store, queue: made.queue ?? asQueue(made.store), cleanup: async () => cleanup?.() };
}

/** The store and its queue as one object, for the queue contract's tests. Internal. */
export function storeWithQueue(opened: OpenedStore): PaymentOrderStore {
  const { store, queue } = opened;
  if (!queue) throw new TypeError("The delivery queue contract needs a queue: return { store, queue } from makeStore");
  const complete = queue.completeDeliveries?.bind(queue);
  return {
    saveOrder: (order, links) => store.saveOrder(order, links),
    getOrder: (id) => store.getOrder(id),
    getLink: (id) => store.getLink(id),
    findLinkByToken: (token) => store.findLinkByToken(token),
    findOrderByIdempotencyKey: (shopId, key) => store.findOrderByIdempotencyKey(shopId, key),
    listLinks: (filter, page) => store.listLinks(filter, page),
    updateLink: (link, version) => store.updateLink(link, version),
    claimDueLinks: (request) => queue.claimDueLinks(request),
    nextDueAt: (orderId) => queue.nextDueAt(orderId),
    recordAttempt: (attempt) => queue.recordAttempt(attempt),
    listAttempts: (linkId) => queue.listAttempts(linkId),
    ...(complete === undefined ? {} : { completeDeliveries: complete }),
  };
}
