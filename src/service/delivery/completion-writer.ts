import type { DeliveryCompletion, DeliveryQueue } from "../../ports/delivery-queue";
import type { OrderStore } from "../../ports/order-store";
import type { StoredLink } from "../../ports/payment-order-records";
import { storeCall } from "../store-call";

/** One completion to write, with the link as the worker holds it (for queues without `completeDeliveries`). */
interface Waiting {
  readonly link: StoredLink;
  readonly completion: DeliveryCompletion;
  readonly resolve: (applied: boolean) => void;
  readonly reject: (error: unknown) => void;
}

/** Writes the outcomes of a worker's sends, many per statement. Internal. */
export interface CompletionWriter {
  /**
   * Queues the outcome of one attempt of `link` (as the worker holds it) for the next write.
   * @returns Whether the link was changed (`false`: its version had moved, the attempt is recorded all the same);
   *   rejects with `storage_failed` when the write failed, and then nothing of its batch was written.
   */
  write(link: StoredLink, completion: DeliveryCompletion): Promise<boolean>;
}

/** Runs `fn` on the next turn of the event loop, after the I/O already received (a timer where there is no `setImmediate`). */
const nextTurn = (fn: () => void): void => {
  if (typeof setImmediate === "function") setImmediate(fn);
  else setTimeout(fn, 0);
};

/** The most completions written by one statement. */
const MAX_BATCH = 256;

/**
 * A group commit of delivery outcomes. The first completion is written at once when no other send is on its way
 * (`busy` says so); otherwise on the next turn of the event loop, so that the sends that end in the same turn go
 * together. Those that come while a write is under way wait for it and go together in the next one, up to
 * {@link MAX_BATCH}. With a queue that has
 * `completeDeliveries`, one statement writes a batch; without it, each completion is its attempt then its link
 * update, the batch's completions side by side. One write at a time, so a link's outcomes keep their order.
 * Internal.
 */
export function createCompletionWriter(queue: DeliveryQueue, store: OrderStore, busy: () => boolean): CompletionWriter {
  const waiting: Waiting[] = [];
  let writing = false;

  const writeEach = (batch: readonly Waiting[]): Promise<boolean[]> =>
    Promise.all(
      batch.map(async ({ link, completion }) => {
        // The attempt first: a link is never SENT without its attempt.
        await storeCall("recording a delivery attempt", () => queue.recordAttempt(completion.attempt));
        const next: StoredLink = {
          ...link,
          delivery: completion.delivery,
          ...(completion.reminders === undefined ? {} : { reminders: completion.reminders }),
          updatedAt: completion.updatedAt,
          version: completion.expectedVersion + 1,
        };
        return storeCall("recording a delivery", () => store.updateLink(next, completion.expectedVersion));
      }),
    );

  const drain = async (): Promise<void> => {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting.splice(0, MAX_BATCH);
      const completions = batch.map((item) => item.completion);
      try {
        const applied = await storeCall("recording delivery attempts", () =>
          queue.completeDeliveries ? queue.completeDeliveries(completions) : writeEach(batch),
        );
        batch.forEach((item, index) => {
          item.resolve(applied[index] === true);
        });
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    writing = false;
  };

  return {
    write(link, completion) {
      return new Promise<boolean>((resolve, reject) => {
        waiting.push({ link, completion, resolve, reject });
        if (writing) return;
        if (busy()) {
          // Other sends are on their way: those that end in this turn of the event loop go in the same write.
          writing = true;
          nextTurn(() => void drain());
        } else void drain();
      });
    },
  };
}
