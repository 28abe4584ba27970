import { PaylinksError } from "../issues/paylinks-error";
import type { PaymentUrlInput } from "../order/payment-order-plan";
import type { DeliveryQueue } from "../ports/delivery-queue";
import type { MailTransport } from "../ports/mail-transport";
import type { OrderStore } from "../ports/order-store";
import type { Clock, IdGenerator } from "../ports/runtime";
import type { ShopConfig } from "../shop/shop-config";
import type { PaylinksEvent } from "./events";
import type { ResolvedNotifications } from "./use-cases/receive-notification";

/** How the service delivers e-mails. */
export interface DeliveryOptions {
  /**
   * Attempts per send before a link is `FAILED` on transient errors.
   * @defaultValue 5
   */
  readonly maxAttempts?: number | undefined;
  /**
   * Delay before the second attempt, in ms; it doubles at each attempt, with jitter.
   * @defaultValue 1000
   */
  readonly baseDelayMs?: number | undefined;
  /**
   * Longest delay between two attempts, in ms.
   * @defaultValue 60000
   */
  readonly maxDelayMs?: number | undefined;
  /**
   * How long a claimed link stays reserved for the worker that claimed it, in ms. A worker that dies releases
   * its links when their lease ends. Keep it well above the time one e-mail takes to send.
   * @defaultValue 60000
   */
  readonly leaseMs?: number | undefined;
  /**
   * E-mails sent at the same time by one `deliver` call.
   * @defaultValue 8
   */
  readonly concurrency?: number | undefined;
  /**
   * How long `deliver` waits for links that are not due yet (a retry later, another worker's lease), in ms;
   * links due later are left to a later call.
   * @defaultValue 120000
   */
  readonly maxWaitMs?: number | undefined;
  /**
   * While `deliver` waits for links that are not due yet, it looks again for due links at least this often, in
   * ms, so that links created meanwhile, or freed by another worker, are not left waiting for the whole delay.
   * @defaultValue 5000
   */
  readonly pollMs?: number | undefined;
  /**
   * Links a `deliver` call holds beyond the ones being sent: claimed ahead so that a slot never waits for a
   * claim, or sent and waiting for their outcome to be written. A worker holds at most `concurrency + prefetch`
   * links, each under a lease: that is also how many links can be sent twice when a worker dies. Under
   * `ratePerSecond`, the default is capped so that every link held goes out within half its lease
   * (`(concurrency + prefetch) / ratePerSecond ≤ leaseMs / 2`), down to 0.
   * @defaultValue 3 × `concurrency` (24 for the default 8 slots)
   */
  readonly prefetch?: number | undefined;
  /**
   * The most e-mails per second this service sends, all its delivery slots together (a limit per worker: with N
   * workers the mail server sees up to N times this). Unset, no limit.
   */
  readonly ratePerSecond?: number | undefined;
  /**
   * How many e-mails may go at once after a pause, under `ratePerSecond`.
   * @defaultValue 1
   */
  readonly rateBurst?: number | undefined;
  /**
   * How long every delivery slot of this service stops sending after the mail server answers that it sends too
   * fast (a throttling answer: `421 Too many messages`, `450 Rate limit exceeded`, "try again later"), in ms. The
   * pause doubles at each throttling answer that follows a pause, up to `throttlePauseMaxMs`, and starts from this
   * again once a message is accepted. The refused e-mail itself is retried with its backoff. `0`: no pause.
   * @defaultValue 1000
   */
  readonly throttlePauseMs?: number | undefined;
  /**
   * The longest pause after throttling answers, in ms.
   * @defaultValue 60000
   */
  readonly throttlePauseMaxMs?: number | undefined;
  /**
   * Random numbers in [0, 1) for the jitter; inject one to make retries deterministic in tests.
   * @defaultValue `Math.random`
   */
  readonly random?: (() => number) | undefined;
}

/** The options of {@link createPaylinks}. */
export interface PaylinksOptions {
  /** Where orders and links are stored. */
  readonly store: OrderStore;
  /**
   * The delivery queue over the store's links. Left out, the store is used when it is also a queue (the memory
   * and PostgreSQL adapters are); a service without a queue cannot `deliver` or `send` (`invalid_context`).
   */
  readonly queue?: DeliveryQueue | undefined;
  /**
   * How e-mails are delivered. A process that only creates and manages orders (a web server whose workers
   * deliver) may leave it out; `deliver` and `send` then throw `invalid_context`.
   */
  readonly transport?: MailTransport | undefined;
  /** The shops: a list, or a function that finds one by id (it may be async). */
  readonly shops:
    | readonly ShopConfig[]
    | ((shopId: string) => ShopConfig | undefined | Promise<ShopConfig | undefined>);
  /** Builds the payment page URL of a link, e.g. `(link) => \`https://pay.example.com/t/${link.token}\``. */
  readonly paymentUrl: (link: PaymentUrlInput) => string;
  /**
   * The time source.
   * @defaultValue the system clock
   */
  readonly clock?: Clock | undefined;
  /**
   * Makes ids and tokens; it must draw from a secure random source.
   * @defaultValue nanoid (21 characters, 126 bits)
   */
  readonly generateId?: IdGenerator | undefined;
  /** Retries, leases and concurrency of delivery. */
  readonly delivery?: DeliveryOptions | undefined;
  /**
   * The domain part of the Message-IDs (`<link-id.1@domain>`).
   * @defaultValue `"paylinks.invalid"`
   */
  readonly messageIdDomain?: string | undefined;
  /**
   * The name of this worker in leases and delivery attempts.
   * @defaultValue `"worker-"` and a random id
   */
  readonly workerId?: string | undefined;
  /** The payment platform's signed notifications (`receiveNotification`); without it, that call throws. */
  readonly notifications?: NotificationOptions | undefined;
  /** Called when an event listener throws; listeners never break a service call. */
  readonly onListenerError?: ((error: unknown, event: PaylinksEvent) => void) | undefined;
}

/** How payment notifications are authenticated. */
export interface NotificationOptions {
  /**
   * The secret shared with the payment platform, or several during a rotation (a signature under any of them is
   * accepted). Each is a non-empty string; use at least 32 random bytes.
   */
  readonly secrets: string | readonly string[];
  /**
   * How far a notification's timestamp may be from now, either way, in ms: an older one is refused as a replay.
   * @defaultValue 300000 (5 minutes)
   */
  readonly toleranceMs?: number | undefined;
}

/** The delivery options with every default applied. Internal. */
export interface ResolvedDelivery {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly leaseMs: number;
  readonly concurrency: number;
  readonly prefetch: number | undefined;
  readonly ratePerSecond: number | undefined;
  readonly maxWaitMs: number;
  readonly pollMs: number;
  readonly random: () => number;
}

/** Applies the delivery defaults. Internal. */
export function resolveDelivery(options: DeliveryOptions = {}): ResolvedDelivery {
  return {
    maxAttempts: options.maxAttempts ?? 5,
    baseDelayMs: options.baseDelayMs ?? 1000,
    maxDelayMs: options.maxDelayMs ?? 60_000,
    leaseMs: options.leaseMs ?? 60_000,
    concurrency: options.concurrency ?? 8,
    prefetch: options.prefetch,
    ratePerSecond: options.ratePerSecond,
    maxWaitMs: options.maxWaitMs ?? 120_000,
    pollMs: Math.max(1, options.pollMs ?? 5000),
    random: options.random ?? Math.random,
  };
}

/** Checks and applies the notification defaults. Internal. */
export function resolveNotifications(options: NotificationOptions | undefined): ResolvedNotifications | undefined {
  if (options === undefined) return undefined;
  const secrets = typeof options.secrets === "string" ? [options.secrets] : [...(options.secrets ?? [])];
  if (secrets.length === 0 || !secrets.every((secret) => typeof secret === "string" && secret !== "")) {
    throw new PaylinksError("invalid_context", "notifications.secrets must be one or more non-empty strings", {
      details: { option: "notifications.secrets" },
    });
  }
  const toleranceMs = options.toleranceMs ?? 300_000;
  if (!Number.isFinite(toleranceMs) || toleranceMs < 0) {
    throw new PaylinksError("invalid_context", "notifications.toleranceMs must be a number of ms, 0 or more", {
      details: { option: "notifications.toleranceMs" },
    });
  }
  return { secrets, toleranceMs };
}
