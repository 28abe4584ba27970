import type { PaymentOrderStore } from "../ports/payment-order-store";

/** A store that needs tearing down after each test, with the function that does it. */
export interface StoreFixture {
  /** An empty store of its own: a new object, a fresh schema or database, or tables just emptied. */
  readonly store: PaymentOrderStore;
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
export type StoreFactory = () => PaymentOrderStore | StoreFixture | Promise<PaymentOrderStore | StoreFixture>;

/** The options of `describeStoreContract`. */
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
  readonly store: PaymentOrderStore;
  readonly cleanup: () => Promise<void>;
}

const isStore = (value: PaymentOrderStore | StoreFixture): value is PaymentOrderStore =>
  typeof (value as Partial<PaymentOrderStore>).saveOrder === "function";

/** Calls the factory and tells a bare store from a fixture. Internal. */
export async function openStore(makeStore: StoreFactory): Promise<OpenedStore> {
  const made = await makeStore();
  if (isStore(made)) return { store: made, cleanup: async () => {} };
  if (!made || typeof made.store?.saveOrder !== "function") {
    throw new TypeError("makeStore must return a PaymentOrderStore or { store, cleanup }");
  }
  const { cleanup } = made;
  return { store: made.store, cleanup: async () => cleanup?.() };
}
