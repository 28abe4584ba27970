import { expect } from "vitest";
import {
  type CaptureTransport,
  createCaptureTransport,
  createMemoryStore,
  type MemoryStore,
} from "../../src/adapters/memory";
import type { Actor, LinkParametersInput, PaymentOrderRequest, PaymentUrlInput } from "../../src/index";
import { PaylinksError } from "../../src/index";
import type {
  DeliveryAttempt,
  MailTransport,
  OutgoingMail,
  PaymentOrderStore,
  StoredLink,
  StoredOrder,
} from "../../src/ports";
import {
  createPaylinks,
  type DeliveryOptions,
  type NotificationOptions,
  type Paylinks,
  type PaylinksEvent,
  type PaylinksOptions,
} from "../../src/service";
import { createFakeClock, type FakeClock } from "../support/fake-clock";
import { makeActor, makeShop } from "../support/fixtures";

/** The fake clock's start: 1 December 2026, 11:00 in Paris. */
export const START = new Date("2026-12-01T10:00:00Z");

/** One day in ms. */
export const DAY = 86_400_000;

/** Enough time for a link created at {@link START} with the default 7 days to have expired. */
export const PAST_EXPIRY_MS = 8 * DAY;

/** The owner of the links in these tests: user-1 of shop-1, every permission. */
export const OWNER: Actor = makeActor();

/** Ids `id-0001`, `id-0002`, … in call order: deterministic, and sorted in creation order. */
export function counterIds(prefix = "id"): () => string {
  let count = 0;
  return () => `${prefix}-${String(++count).padStart(4, "0")}`;
}

/** The payment URL of the brief. */
export const paymentUrl = (link: PaymentUrlInput): string => `https://pay.example.com/t/${link.token}`;

/** A step-1 request for shop-1 (one recipient, 49,90 EUR, reference REF-42), with overrides. */
export function linkRequest(
  overrides: Partial<LinkParametersInput> = {},
  rest: Omit<PaymentOrderRequest, "link"> = {},
): PaymentOrderRequest {
  return {
    link: {
      shopId: "shop-1",
      amount: 4990,
      currency: "EUR",
      orderReference: "REF-42",
      recipients: "alice@example.fr",
      ...overrides,
    },
    ...rest,
  };
}

/** `count` distinct recipient addresses. */
export const recipients = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `buyer${String(i + 1).padStart(4, "0")}@example.fr`);

/** Options of {@link makeWorld}. */
export interface WorldOptions {
  readonly shops?: PaylinksOptions["shops"];
  readonly delivery?: DeliveryOptions;
  readonly clock?: FakeClock;
  readonly workerId?: string;
  /** Ids; by default `counterIds(workerId ?? "id")`. */
  readonly generateId?: () => string;
  /** Wraps the memory store the service uses (the world keeps the unwrapped one to inspect). */
  readonly wrapStore?: (store: MemoryStore) => PaymentOrderStore;
  /** Wraps the capture transport the service uses. */
  readonly wrapTransport?: (transport: CaptureTransport) => MailTransport;
  /** Share these instead of creating new ones (several services over the same store and transport). */
  readonly store?: MemoryStore;
  readonly transport?: CaptureTransport;
  /** The payment platform's notification secrets. */
  readonly notifications?: NotificationOptions;
}

/** A service with its memory store, capture transport, fake clock, and every event and listener error recorded. */
export interface World {
  readonly paylinks: Paylinks;
  readonly store: MemoryStore;
  readonly transport: CaptureTransport;
  readonly clock: FakeClock;
  readonly events: PaylinksEvent[];
  readonly listenerErrors: unknown[];
}

/** Builds the service as the brief says: memory store, capture transport, shop-1, fake clock, counter ids. */
export function makeWorld(options: WorldOptions = {}): World {
  const store = options.store ?? createMemoryStore();
  const transport = options.transport ?? createCaptureTransport();
  const clock = options.clock ?? createFakeClock(START);
  const listenerErrors: unknown[] = [];
  const paylinks = createPaylinks({
    store: options.wrapStore ? options.wrapStore(store) : store,
    transport: options.wrapTransport ? options.wrapTransport(transport) : transport,
    shops: options.shops ?? [makeShop()],
    clock,
    generateId: options.generateId ?? counterIds(options.workerId ?? "id"),
    paymentUrl,
    delivery: { random: () => 0.5, ...options.delivery },
    ...(options.workerId === undefined ? {} : { workerId: options.workerId }),
    ...(options.notifications === undefined ? {} : { notifications: options.notifications }),
    onListenerError: (error) => listenerErrors.push(error),
  });
  const events: PaylinksEvent[] = [];
  paylinks.subscribe((event) => {
    events.push(event);
  });
  return { paylinks, store, transport, clock, events, listenerErrors };
}

import { allLinks } from "../support/all-links";

export { allLinks };

/** Everything the store holds: sizes, every link, every attempt, every order. */
export interface StoreSnapshot {
  readonly size: ReturnType<MemoryStore["size"]>;
  readonly links: StoredLink[];
  readonly attempts: DeliveryAttempt[][];
  readonly orders: (StoredOrder | undefined)[];
}

/** Reads the whole store, to compare before and after a call that must write nothing. */
export async function snapshotOf(store: MemoryStore): Promise<StoreSnapshot> {
  const links = await allLinks(store);
  const attempts = await Promise.all(links.map((link) => store.listAttempts(link.id)));
  const orderIds = [...new Set(links.map((link) => link.orderId))];
  const orders = await Promise.all(orderIds.map((id) => store.getOrder(id)));
  return { size: store.size(), links, attempts, orders };
}

/** The error a promise rejects with; fails the test when it resolves or rejects with something else. */
export async function rejectionOf(promise: Promise<unknown>): Promise<PaylinksError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, "expected the call to reject").toBeInstanceOf(PaylinksError);
  return error as PaylinksError;
}

/** A link read straight from the store; fails when it is missing. */
export async function storedLink(store: PaymentOrderStore, linkId: string): Promise<StoredLink> {
  const link = await store.getLink(linkId);
  if (!link) throw new Error(`link ${linkId} is not stored`);
  return link;
}

/** The first element, or a failure. */
export function first<T>(list: readonly T[]): T {
  const item = list[0];
  if (item === undefined) throw new Error("expected a non-empty list");
  return item;
}

/** How many captured messages each link got. */
export function sendsPerLink(transport: CaptureTransport): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of transport.messages) {
    counts.set(message.mail.linkId, (counts.get(message.mail.linkId) ?? 0) + 1);
  }
  return counts;
}

/** Creates an order of one recipient (by default) and delivers it: a RUNNING, SENT link. */
export async function sentLink(world: World, actor: Actor = OWNER, request = linkRequest()): Promise<StoredLink> {
  const { links } = await world.paylinks.createOrder(request, { actor });
  await world.paylinks.deliver();
  return storedLink(world.store, first(links).id);
}

/** A transport that records every mail handed to it, accepted or not, before passing it on. */
export function recordingTransport(inner: MailTransport): MailTransport & { readonly handed: OutgoingMail[] } {
  const handed: OutgoingMail[] = [];
  return {
    handed,
    send(mail) {
      handed.push(mail);
      return inner.send(mail);
    },
  };
}

/** Lets every pending promise chain of the memory adapters run (they never wait on a timer). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A fake clock whose `sleep` first lets the other work in progress run to its end (a macrotask), then jumps.
 * With the plain fake clock a sleeping `deliver` jumps over the whole lease of a link that another loop of the
 * same test is still sending (a send that takes no time at all in real life), which no real clock can do.
 */
export function createSettlingClock(start: Date = START): FakeClock {
  const clock = createFakeClock(start);
  return {
    ...clock,
    sleeps: clock.sleeps,
    async sleep(ms, signal) {
      await settle();
      return clock.sleep(ms, signal);
    },
  };
}

/** The owner with some permissions or fields changed. */
export function actorWith(
  overrides: Omit<Partial<Actor>, "permissions"> & { permissions?: Partial<Actor["permissions"]> },
): Actor {
  const { permissions, ...rest } = overrides;
  return makeActor({ ...rest, permissions: { ...OWNER.permissions, ...permissions } });
}
