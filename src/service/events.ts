import type { Mode } from "../actor/actor";

/** What every event says: what happened, when, to which link, and who did it. Events never carry a token or a URL. */
export interface LinkEventBase {
  /** When the change was stored. */
  readonly at: Date;
  /** The link. */
  readonly linkId: string;
  /** Its order. */
  readonly orderId: string;
  /** Its shop. */
  readonly shopId: string;
  /** PRODUCTION or TEST. */
  readonly mode: Mode;
  /** The actor who asked for the change; absent for delivery outcomes. */
  readonly actorId: string | undefined;
}

/** An order was stored with its links. */
export interface CreatedEvent {
  /** The event's kind. */
  readonly type: "created";
  /** When the order was stored. */
  readonly at: Date;
  /** The order. */
  readonly orderId: string;
  /** Its shop. */
  readonly shopId: string;
  /** PRODUCTION or TEST. */
  readonly mode: Mode;
  /** Its links, in recipient order. */
  readonly linkIds: readonly string[];
  /** Who created it. */
  readonly actorId: string;
}

/** A link's e-mail was accepted by the mail server. */
export interface SentEvent extends LinkEventBase {
  /** The event's kind. */
  readonly type: "sent";
  /** The Message-ID used. */
  readonly messageId: string;
  /** Which attempt succeeded. */
  readonly attempt: number;
}

/** A link's e-mail failed for good. */
export interface DeliveryFailedEvent extends LinkEventBase {
  /** The event's kind. */
  readonly type: "delivery_failed";
  /** Why. */
  readonly error: string;
  /** Attempts made. */
  readonly attempts: number;
}

/** A link's expiry changed. */
export interface ExpiryChangedEvent extends LinkEventBase {
  /** The event's kind. */
  readonly type: "expiry_changed";
  /** The new expiry. */
  readonly expiresAt: Date;
}

/** A payment result was recorded. */
export interface PaymentEvent extends LinkEventBase {
  /** The event's kind: the result recorded. */
  readonly type: "paid" | "refused";
  /** The transaction, when known. */
  readonly transactionId: string | undefined;
}

/** A change of a link's state by an action. */
export interface LinkActionEvent extends LinkEventBase {
  /** The event's kind: the action done. */
  readonly type: "resent" | "updated" | "cancelled" | "reactivated" | "expired" | "reminders_changed";
}

/** A reminder of a link went out. */
export interface ReminderSentEvent extends LinkEventBase {
  /** The event's kind. */
  readonly type: "reminder_sent";
  /** Which reminder, from 1. */
  readonly reminder: number;
  /** The reminder's Message-ID. */
  readonly messageId: string;
}

/** A reminder of a link failed for good; the next one, if any, is still due. */
export interface ReminderFailedEvent extends LinkEventBase {
  /** The event's kind. */
  readonly type: "reminder_failed";
  /** Which reminder, from 1. */
  readonly reminder: number;
  /** Why. */
  readonly error: string;
}

/** The buyer opened the link for the first time (its token was looked up by `openLink`). */
export interface OpenedEvent extends LinkEventBase {
  /** The event's kind. */
  readonly type: "opened";
}

/** Every event the service emits, after the change is stored. */
export type PaylinksEvent =
  | CreatedEvent
  | SentEvent
  | DeliveryFailedEvent
  | ExpiryChangedEvent
  | PaymentEvent
  | LinkActionEvent
  | OpenedEvent
  | ReminderSentEvent
  | ReminderFailedEvent;

/** A subscriber; its errors and rejections never reach the service call. */
export type PaylinksListener = (event: PaylinksEvent) => void | Promise<void>;

/** A tiny synchronous event hub. Internal. */
export interface EventHub {
  subscribe(listener: PaylinksListener): () => void;
  emit(event: PaylinksEvent): void;
}

/** Creates an event hub. Internal. */
export function createEventHub(onError?: (error: unknown, event: PaylinksEvent) => void): EventHub {
  const listeners = new Set<PaylinksListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const listener of listeners) {
        try {
          const result = listener(event);
          if (result && typeof (result as Promise<void>).catch === "function") {
            (result as Promise<void>).catch((error) => onError?.(error, event));
          }
        } catch (error) {
          onError?.(error, event);
        }
      }
    },
  };
}
