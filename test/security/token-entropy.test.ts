/**
 * Security review, point 3 (docs/security.md#3-link-tokens): the token of a link is unguessable and is the only
 * secret of its URL, and it never leaves the service through an event or an error.
 *
 * Entropy of the default token (nanoid): 21 symbols drawn uniformly from a 64-symbol alphabet by
 * crypto.getRandomValues, so 21 × log2(64) = 21 × 6 = 126 bits, above the 96 bits the design asks for.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createCaptureTransport, createMemoryStore } from "../../src/adapters/memory";
import type { StoredLink } from "../../src/ports";
import { createPaylinks, type PaylinksEvent } from "../../src/service";
import { createFakeClock } from "../support/fake-clock";
import { makeActor, makeShop } from "../support/fixtures";
import { errorText, OWNER, PAY_PREFIX, START, secretsIn } from "./support";

const TOKEN = /^[A-Za-z0-9_-]{21}$/;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
const DAY = 86_400_000;

/** Pearson's chi-square statistic of symbol counts against a uniform distribution over the 64 symbols. */
function chiSquare(symbols: Iterable<string>): number {
  const counts = new Map<string, number>([...ALPHABET].map((symbol) => [symbol, 0]));
  let total = 0;
  for (const symbol of symbols) {
    counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    total++;
  }
  const expected = total / ALPHABET.length;
  let statistic = 0;
  for (const observed of counts.values()) statistic += (observed - expected) ** 2 / expected;
  return statistic;
}

/**
 * The bound on the chi-square statistic, 63 degrees of freedom (mean 63, standard deviation 11.2): a uniform
 * source exceeds 200 with a probability below 1e-13, so the test does not flake; a source that uses half of the
 * alphabet, or favours some symbols by a few percent over 210,000 draws, is far above it.
 */
const CHI_SQUARE_BOUND = 200;

describe("the default token generator, through createPaylinks without generateId", () => {
  const shop = makeShop();
  let links: StoredLink[] = [];

  beforeAll(async () => {
    const store = createMemoryStore();
    const paylinks = createPaylinks({
      store,
      transport: createCaptureTransport(),
      shops: [shop],
      clock: createFakeClock(START),
      paymentUrl: (link) => `${PAY_PREFIX}${link.token}`,
    });
    links = [];
    for (let order = 0; order < 10; order++) {
      const recipients = Array.from({ length: 1000 }, (_, i) => `buyer.${order}.${i}@example.fr`);
      const created = await paylinks.createOrder(
        { link: { shopId: shop.id, amount: 4990, currency: "EUR", recipients } },
        { actor: OWNER },
      );
      links.push(...created.links);
    }
  });

  it("creates 10,000 links, each with a 21-symbol token of [A-Za-z0-9_-]", () => {
    expect(links).toHaveLength(10_000);
    expect(links.filter((link) => !TOKEN.test(link.token))).toEqual([]);
  });

  it("never repeats a token, and no token is an id (link or order)", () => {
    const tokens = new Set(links.map((link) => link.token));
    expect(tokens.size).toBe(10_000);
    const ids = new Set([...links.map((link) => link.id), ...links.map((link) => link.orderId)]);
    expect([...tokens].filter((token) => ids.has(token))).toEqual([]);
  });

  it("uses the whole 64-symbol alphabet: 21 × log2(64) = 126 bits ≥ 96", () => {
    const seen = new Set(links.flatMap((link) => [...link.token]));
    const length = Math.min(...links.map((link) => link.token.length));
    const bits = length * Math.log2(seen.size);
    expect(seen.size).toBe(64);
    expect(bits).toBe(126);
    expect(bits).toBeGreaterThanOrEqual(96);
  });

  it("draws the symbols uniformly: chi-square over all 210,000 symbols and at each of the 21 positions", () => {
    const all = chiSquare(links.flatMap((link) => [...link.token]));
    expect(all).toBeLessThan(CHI_SQUARE_BOUND);
    for (let position = 0; position < 21; position++) {
      const atPosition = chiSquare(links.map((link) => link.token[position] as string));
      expect(atPosition, `position ${position}`).toBeLessThan(CHI_SQUARE_BOUND);
    }
  });

  it("would catch a weak generator: the same check rejects sequential and half-alphabet tokens", () => {
    const sequential = Array.from({ length: 10_000 }, (_, i) => `link-${String(i).padStart(16, "0")}`);
    const half = links.map((link) => link.token.replace(/[a-z]/g, "A"));
    expect(chiSquare(sequential.flatMap((token) => [...token]))).toBeGreaterThan(CHI_SQUARE_BOUND);
    expect(chiSquare(half.flatMap((token) => [...token]))).toBeGreaterThan(CHI_SQUARE_BOUND);
  });

  it("makes the token the only part of the URL that changes from one link to the next", () => {
    expect(new Set(links.map((link) => link.url.replace(link.token, ""))).size).toBe(1);
    expect(links.every((link) => link.url === `${PAY_PREFIX}${link.token}`)).toBe(true);
  });
});

describe("the token never leaves the service through an event or an error", () => {
  it("is in no event of a full lifecycle and no error of a refused call", async () => {
    const store = createMemoryStore();
    const transport = createCaptureTransport();
    const clock = createFakeClock(START);
    const shop = makeShop({ contactEmail: "contact@librairie-durand.example" });
    const paylinks = createPaylinks({
      store,
      transport,
      shops: [shop],
      clock,
      paymentUrl: (link) => `${PAY_PREFIX}${link.token}?ref=${link.reference ?? ""}`,
      delivery: { random: () => 0.5, maxAttempts: 1 },
      onListenerError: (error) => {
        throw error;
      },
    });
    const events: PaylinksEvent[] = [];
    paylinks.subscribe((event) => {
      events.push(event);
    });
    const actor = OWNER;
    const stranger = makeActor({ id: "user-2", shopIds: ["shop-2"] });
    const errors: unknown[] = [];
    const refused = async (call: Promise<unknown>): Promise<void> => {
      errors.push(
        await call.then(
          () => new Error("the call should have failed"),
          (error: unknown) => error,
        ),
      );
    };

    transport.failFor("carol@example.fr", { kind: "permanent" });
    const { links } = await paylinks.createOrder(
      {
        link: {
          shopId: shop.id,
          amount: 4990,
          currency: "EUR",
          orderReference: "REF-7",
          recipients: "alice@example.fr;bob@example.fr;carol@example.fr",
          buyerReference: "client 42",
        },
      },
      { actor, idempotencyKey: "key-1" },
    );
    const [alice, bob, carol] = links.map((link) => link.id) as [string, string, string];
    await paylinks.deliver();
    await paylinks.resend(alice, { actor });
    await paylinks.update(alice, { amount: 5990, buyerReference: "client 43" }, { actor });
    await paylinks.changeExpiry(alice, { validityDays: 10 }, { actor });
    await paylinks.cancel(alice, { actor });
    await paylinks.reactivate(alice, { actor });
    await paylinks.deliver();
    await paylinks.recordPayment(alice, { status: "PAID", transactionId: "tx-1" }, { actor });
    await paylinks.duplicate(bob, { actor, reference: "REF-8" });
    clock.advance(8 * DAY);
    await paylinks.expireDue({ actor });

    await refused(paylinks.cancel(alice, { actor })); // PAID: invalid_transition
    await refused(paylinks.recordPayment(bob, { status: "PAID" }, { actor })); // expired
    await refused(paylinks.getLink(alice, { actor: stranger })); // forbidden
    await refused(paylinks.getLink("no-such-link", { actor })); // not_found
    await refused(paylinks.update(bob, { amount: 0, recipient: "bob@" }, { actor })); // invalid_request
    await refused(paylinks.update(carol, { channel: "sms" as "email" }, { actor })); // invalid_request
    await refused(
      paylinks.createOrder(
        { link: { shopId: shop.id, amount: 1, currency: "EUR", recipients: "x@example.fr" } },
        { actor, idempotencyKey: "key-1" },
      ),
    ); // idempotency_conflict
    await refused(paylinks.changeExpiry(alice, {}, { actor })); // PAID
    await refused(paylinks.reactivate(bob, { actor })); // invalid_transition

    const stored = (await store.listLinks({}, { limit: 1000 })).links;
    const secrets = stored.flatMap((link) => [link.token, link.url]);
    expect(stored.length).toBe(4);
    expect(new Set(events.map((event) => event.type))).toEqual(
      new Set([
        "created",
        "sent",
        "delivery_failed",
        "resent",
        "updated",
        "expiry_changed",
        "cancelled",
        "reactivated",
        "paid",
        "expired",
      ]),
    );
    const dump = JSON.stringify(events);
    expect(secretsIn(dump, secrets)).toEqual([]);
    expect(dump).not.toContain(PAY_PREFIX);
    expect(dump).not.toContain("<p>");
    for (const event of events) {
      expect(Object.keys(event).filter((key) => ["token", "url", "html", "text", "subject"].includes(key))).toEqual([]);
    }
    expect(errors.map((error) => (error as { code?: string }).code)).toEqual([
      "invalid_transition",
      "invalid_transition",
      "forbidden",
      "not_found",
      "invalid_request",
      "invalid_request",
      "idempotency_conflict",
      "invalid_transition",
      "invalid_transition",
    ]);
    for (const error of errors) expect(secretsIn(errorText(error), secrets), errorText(error)).toEqual([]);
    // The delivery error of carol's link (kept as lastError and in the attempts) does not hold it either.
    const failed = stored.find((link) => link.delivery.status === "FAILED");
    expect(failed?.delivery.lastError).toMatch(/550/);
    const attempts = await Promise.all(stored.map((link) => store.listAttempts(link.id)));
    expect(secretsIn(JSON.stringify(attempts), secrets)).toEqual([]);
    expect(secretsIn(failed?.delivery.lastError ?? "", secrets)).toEqual([]);
  });
});
