import type { OrderStore } from "./order-store";
import type { DeliveryAttempt, LinkDelivery, LinkReminders, StoredLink } from "./payment-order-records";

/** What {@link DeliveryQueue.claimDueLinks} needs. */
export interface ClaimRequest {
  /** The current instant: links whose next attempt is due at or before it, and whose lease has ended. */
  readonly now: Date;
  /** The claiming worker. */
  readonly worker: string;
  /** When the lease of the claimed links ends. */
  readonly leaseUntil: Date;
  /** At most this many links. */
  readonly limit: number;
  /** Only links of this order. */
  readonly orderId?: string | undefined;
}

/** One finished delivery attempt and what it makes of its link: an item of {@link DeliveryQueue.completeDeliveries}. */
export interface DeliveryCompletion {
  /** The attempt, recorded in every case. */
  readonly attempt: DeliveryAttempt;
  /** The link's version as the worker holds it: the link changes only if it is still at this version. */
  readonly expectedVersion: number;
  /** The link's delivery state after the attempt. */
  readonly delivery: LinkDelivery;
  /** The link's new `updatedAt`. */
  readonly updatedAt: Date;
  /**
   * The link's reminder state after a reminder's attempt (`attempt.kind` is `"reminder"`); absent for an e-mail's
   * attempt, which leaves the link's reminders as they are.
   */
  readonly reminders?: LinkReminders | undefined;
}

/**
 * The delivery queue over the links of an order store: which links are due, who holds them, and what each
 * attempt did. It reads and leases the links the store holds (the service writes each outcome back through
 * {@link OrderStore.updateLink}), so an adapter implements it over the same data as its store; the memory and
 * PostgreSQL adapters implement both. Every method may reject when the storage fails.
 *
 * Run `describeDeliveryQueueContract` from `paylinks/testing` against an implementation to prove it.
 */
export interface DeliveryQueue {
  /**
   * Claims links due for delivery, atomically: links whose `delivery.status` is `PENDING`, whose
   * `delivery.nextAttemptAt` is at or before `now` and whose lease is absent or ended, by `nextAttemptAt`, then
   * `createdAt`, then id. Each claimed link gets the worker and the lease end (`delivery.leaseOwner`,
   * `delivery.leaseExpiresAt`) and one more version; its `updatedAt` may stay or become `now`. Two concurrent
   * claims never return the same link while its lease runs.
   * @returns The claimed links, as stored after the claim.
   */
  claimDueLinks(request: ClaimRequest): Promise<StoredLink[]>;
  /**
   * When the next `PENDING` link (of the order, if given) becomes claimable: the later of its `nextAttemptAt` and
   * its lease end. A `PENDING` link without `nextAttemptAt` (cancelled before delivery) is not waiting.
   * @returns The instant, or `undefined` when no `PENDING` link has a `nextAttemptAt`.
   */
  nextDueAt(orderId?: string): Promise<Date | undefined>;
  /** Records one delivery attempt. */
  recordAttempt(attempt: DeliveryAttempt): Promise<void>;
  /** @returns The attempts of a link, oldest first. */
  listAttempts(linkId: string): Promise<DeliveryAttempt[]>;
  /**
   * Records the outcome of many attempts at once, in one transaction: every attempt is recorded, and each link
   * still at its `expectedVersion` gets the new `delivery` and `updatedAt`, and version `expectedVersion + 1`;
   * the other fields of the link stay as stored. A link appears at most once per call. All or nothing: when it
   * rejects, nothing was written.
   *
   * Optional: the service's delivery batches the writes of its concurrent sends through it (one statement for
   * many e-mails), and falls back to {@link DeliveryQueue.recordAttempt} and {@link OrderStore.updateLink} for
   * each when a queue does not implement it.
   * @returns For each completion, in order, whether its link was changed (`false`: its version had moved).
   */
  completeDeliveries?(completions: readonly DeliveryCompletion[]): Promise<boolean[]>;
}

const QUEUE_METHODS = ["claimDueLinks", "nextDueAt", "recordAttempt", "listAttempts"] as const;

/**
 * Whether a value implements the four {@link DeliveryQueue} methods: how the service and the conformance suites
 * tell a store that is also its queue.
 */
export const isDeliveryQueue = (value: unknown): value is DeliveryQueue =>
  value !== null &&
  typeof value === "object" &&
  QUEUE_METHODS.every((name) => typeof (value as Record<string, unknown>)[name] === "function");

/** An adapter that is both the order store and its delivery queue, as the memory and PostgreSQL adapters are. */
export interface PaymentOrderStore extends OrderStore, DeliveryQueue {}
