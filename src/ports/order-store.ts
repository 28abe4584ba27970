import type { Mode } from "../actor/actor";
import type { DeliveryStatus, PaymentStatus, StoredLink, StoredOrder } from "./payment-order-records";

/**
 * Which links to list; every field narrows the list, and an absent field does not. A list that is present but
 * empty matches nothing (the service passes the actor's shops: an actor with none must see nothing). Text is
 * matched literally: `%`, `_` and `\` are plain characters.
 */
export interface LinkFilter {
  /** Only links of these shops. */
  readonly shopIds?: readonly string[] | undefined;
  /** Only links of these modes. */
  readonly modes?: readonly Mode[] | undefined;
  /** Only links of this order. */
  readonly orderId?: string | undefined;
  /** Only links with one of these payment statuses. */
  readonly paymentStatuses?: readonly PaymentStatus[] | undefined;
  /** Only links with one of these delivery statuses. */
  readonly deliveryStatuses?: readonly DeliveryStatus[] | undefined;
  /** Only links whose reference starts with this text (case-sensitive). */
  readonly referencePrefix?: string | undefined;
  /** Only links sent to this address (compared without case). */
  readonly recipient?: string | undefined;
  /** Only links created at or after this instant. */
  readonly createdFrom?: Date | undefined;
  /** Only links created before this instant. */
  readonly createdTo?: Date | undefined;
  /** Only links of orders created by this actor. */
  readonly createdBy?: string | undefined;
  /** Only links that expire before this instant. */
  readonly expiresBefore?: Date | undefined;
}

/**
 * A page request: links come in creation order, then in id order compared by UTF-16 code unit (as PostgreSQL's
 * `COLLATE "C"`), from the cursor on. A cursor the store did not make is rejected.
 */
export interface PageRequest {
  /** At most this many links. */
  readonly limit: number;
  /** Where the previous page stopped (the `nextCursor` of that page); absent for the first page. */
  readonly cursor?: string | undefined;
}

/** A page of links. */
export interface LinkPage {
  /** The links of this page. */
  readonly links: StoredLink[];
  /** Pass it to get the next page; absent on the last page, even when that page is full. */
  readonly nextCursor: string | undefined;
}

/**
 * The order store: payment orders and their links, saved once and changed one link at a time. Adapters implement
 * these primitives; the rules (statuses, retries, permissions) live in the service. Every method may reject when
 * the storage fails.
 *
 * Run `describeOrderStoreContract` from `paylinks/testing` against an implementation to prove it.
 */
export interface OrderStore {
  /**
   * Saves an order and all its links in one transaction: all are stored, or none. Order ids, link ids and link
   * tokens are unique: saving one that exists rejects, and stores nothing.
   * @returns `"saved"`, or `"duplicate"` (nothing stored) when the order has an idempotency key that another
   *   order of the same shop already has.
   */
  saveOrder(order: StoredOrder, links: readonly StoredLink[]): Promise<"saved" | "duplicate">;
  /** @returns The order, or `undefined`. */
  getOrder(id: string): Promise<StoredOrder | undefined>;
  /** @returns The link, or `undefined`. */
  getLink(id: string): Promise<StoredLink | undefined>;
  /**
   * Finds a link by its secret token, for the payment page: an indexed lookup (a unique index on the token), by
   * exact, case-sensitive equality; `%`, `_` and `\` are plain characters.
   * @returns The link, or `undefined`.
   */
  findLinkByToken(token: string): Promise<StoredLink | undefined>;
  /** @returns The order of a shop with this idempotency key, or `undefined`. */
  findOrderByIdempotencyKey(shopId: string, key: string): Promise<StoredOrder | undefined>;
  /** @returns One page of the links that match the filter, in creation order then id order. */
  listLinks(filter: LinkFilter, page: PageRequest): Promise<LinkPage>;
  /**
   * Replaces a link if its stored version is still `expectedVersion` (optimistic concurrency). The service always
   * passes a link whose `version` is `expectedVersion + 1`; stores need not check it.
   * @returns `true` when written, `false` when the stored version differs (nothing written).
   */
  updateLink(link: StoredLink, expectedVersion: number): Promise<boolean>;
}
