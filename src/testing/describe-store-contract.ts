import { afterEach, beforeEach, describe } from "vitest";
import type { DeliveryQueue, PaymentOrderStore } from "../ports/delivery-queue";
import type { OrderStore } from "../ports/order-store";
import { describeAttempts } from "./store-contract/attempts";
import { describeClaimDueLinks } from "./store-contract/claim-due-links";
import { describeCompleteDeliveries } from "./store-contract/complete-deliveries";
import { describeCopies } from "./store-contract/copies";
import { describeFindLinkByToken } from "./store-contract/find-link-by-token";
import { describeHostileStrings } from "./store-contract/hostile-strings";
import { describeListFilters } from "./store-contract/list-filters";
import { describeListPages } from "./store-contract/list-pages";
import { describeNextDueAt } from "./store-contract/next-due-at";
import { describeQueueCopies } from "./store-contract/queue-copies";
import { describeQueueHostileStrings } from "./store-contract/queue-hostile-strings";
import { describeQueueSeesUpdates } from "./store-contract/queue-sees-updates";
import { describeSaveOrder } from "./store-contract/save-order";
import { describeUpdateLink } from "./store-contract/update-link";
import {
  type OpenedStore,
  openStore,
  type StoreContractOptions,
  type StoreFactory,
  storeWithQueue,
} from "./store-fixture";

/** Opens a new store before each test of the enclosing suite and releases it after; gives the open one. */
function eachTestOpens(makeStore: StoreFactory, options: StoreContractOptions): () => OpenedStore {
  let opened: OpenedStore | undefined;
  beforeEach(async () => {
    opened = await openStore(makeStore);
  }, options.timeout);
  afterEach(async () => {
    const closing = opened;
    opened = undefined;
    await closing?.cleanup();
  }, options.timeout);
  return () => {
    if (!opened) throw new Error("The store of this test is not open: makeStore failed or has not run");
    return opened;
  };
}

/**
 * Declares, with vitest, the tests that prove an {@link OrderStore} does what the port documents. Call it at the
 * top level of a test file, or inside a `describe`; each test gets a new store from `makeStore` and releases it
 * afterwards.
 *
 * What it proves:
 * - `saveOrder` is all or nothing (an order with a link id or token already stored, a repeated link id or an
 *   order id already stored rejects and stores nothing), answers `"duplicate"` for an idempotency key the shop already
 *   used (storing nothing, even when two saves race) and allows the same key in another shop;
 * - reads give back exactly what was saved: `Date`s to the millisecond, 12-digit amounts as numbers, empty
 *   strings, fields that are `undefined` still present, the nested `payment` and `delivery` states; hostile
 *   strings (SQL, quotes, backslashes, wildcards, control characters, emoji) come back unchanged and are matched
 *   literally;
 * - the store keeps copies: changing what was given or returned changes nothing inside;
 * - `listLinks` applies every filter field (a present but empty list lets nothing through), orders by creation
 *   then by id compared by code unit (as `COLLATE "C"`), and pages with a cursor that neither repeats nor skips a
 *   link, even when links are added or changed between pages; it rejects a cursor it did not make;
 * - `findLinkByToken` finds a link by its whole token, exactly (case, prefixes and wildcards never match);
 * - `updateLink` writes only over the expected version, and one of two racing updates wins.
 *
 * @param name - The adapter's name, shown in the test report.
 * @param makeStore - Makes an empty store for each test, and how to release it.
 * @param options - A longer timeout for slow databases.
 * @example
 * ```ts
 * import { createMemoryStore } from "paylinks/memory";
 * import { describeOrderStoreContract } from "paylinks/testing";
 *
 * describeOrderStoreContract("memory", () => createMemoryStore());
 * ```
 */
export function describeOrderStoreContract(
  name: string,
  makeStore: StoreFactory,
  options: StoreContractOptions = {},
): void {
  describe(
    `OrderStore contract: ${name}`,
    () => {
      const opened = eachTestOpens(makeStore, options);
      const current = () => opened().store;
      describeSaveOrder(current);
      describeFindLinkByToken(current);
      describeCopies(current);
      describeHostileStrings(current);
      describeListFilters(current);
      describeListPages(current);
      describeUpdateLink(current);
    },
    options.timeout,
  );
}

/**
 * Declares, with vitest, the tests that prove a {@link DeliveryQueue} does what the port documents, over the
 * links of its order store: the factory gives the store (links are saved and updated through it) and the queue,
 * or a store that is its own queue.
 *
 * What it proves:
 * - `claimDueLinks` claims due `PENDING` links oldest first, honours leases, the limit and the order scope, and
 *   never gives a link to two concurrent claims; its `updatedAt` may stay or become `now`;
 * - `nextDueAt` is the earliest instant a `PENDING` link becomes claimable, and both see the store's updates at
 *   once;
 * - attempts list oldest first, come back exactly as recorded (hostile strings too), and are copies;
 * - `completeDeliveries`, when the queue has it, records every attempt and changes only the links still at their
 *   expected version, all or nothing.
 *
 * @param name - The adapter's name, shown in the test report.
 * @param makeStore - Makes an empty store and its queue for each test, and how to release them.
 * @param options - A longer timeout for slow databases.
 * @example
 * ```ts
 * import { createMemoryStore } from "paylinks/memory";
 * import { describeDeliveryQueueContract } from "paylinks/testing";
 *
 * describeDeliveryQueueContract("memory", () => createMemoryStore());
 * ```
 */
export function describeDeliveryQueueContract(
  name: string,
  makeStore: StoreFactory,
  options: StoreContractOptions = {},
): void {
  describe(
    `DeliveryQueue contract: ${name}`,
    () => {
      const opened = eachTestOpens(makeStore, options);
      let combined: { readonly from: OpenedStore; readonly store: PaymentOrderStore } | undefined;
      const current = (): PaymentOrderStore => {
        const now = opened();
        if (combined?.from !== now) combined = { from: now, store: storeWithQueue(now) };
        return combined.store;
      };
      describeClaimDueLinks(current);
      describeNextDueAt(current);
      describeQueueSeesUpdates(current);
      describeAttempts(current);
      describeCompleteDeliveries(current);
      describeQueueCopies(current);
      describeQueueHostileStrings(current);
    },
    options.timeout,
  );
}

/**
 * Declares both {@link describeOrderStoreContract} and {@link describeDeliveryQueueContract} for an adapter that
 * is both, such as the memory and PostgreSQL adapters.
 *
 * @param name - The adapter's name, shown in the test report.
 * @param makeStore - Makes an empty store for each test (which is its own queue, or `{ store, queue }`), and how
 *   to release it.
 * @param options - A longer timeout for slow databases.
 * @example
 * ```ts
 * // A PostgreSQL adapter: a fresh schema per test, dropped and closed afterwards.
 * import pg from "pg";
 * import { describe } from "vitest";
 *
 * describe.skipIf(!process.env.DATABASE_URL)("postgres", () => {
 *   describeStoreContract(
 *     "postgres",
 *     async () => {
 *       const schema = `contract_${crypto.randomUUID().replaceAll("-", "")}`;
 *       const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 *       const store = createPostgresStore({ client: pool, schema });
 *       await store.migrate(); // creates the schema and its tables
 *       return {
 *         store,
 *         cleanup: async () => {
 *           await pool.query(`DROP SCHEMA ${schema} CASCADE`);
 *           await pool.end();
 *         },
 *       };
 *     },
 *     { timeout: 20_000 },
 *   );
 * });
 * ```
 */
export function describeStoreContract(name: string, makeStore: StoreFactory, options: StoreContractOptions = {}): void {
  describeOrderStoreContract(name, makeStore, options);
  describeDeliveryQueueContract(name, makeStore, options);
}
