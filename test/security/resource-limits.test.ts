/**
 * Security review, point 7 (docs/security.md#7-limits): what stops one request from making the service plan,
 * store, render and send without bound, and what does not. Every refused request below is refused through
 * createPaylinks.createOrder with `invalid_request`, before any id is made and with nothing stored or emitted.
 */
import { describe, expect, it } from "vitest";
import { createCaptureTransport, createMemoryStore } from "../../src/adapters/memory";
import {
  AMOUNT_MAX_MINOR,
  BUYER_REFERENCE_MAX_LENGTH,
  MESSAGE_BODY_MAX_LENGTH,
  MESSAGE_SUBJECT_MAX_LENGTH,
  ORDER_REFERENCE_MAX_LENGTH,
  PaylinksError,
  type PaymentOrderRequest,
  type ShopConfig,
  validateLinkParameters,
} from "../../src/index";
import type { LinkParametersInput } from "../../src/link/link-parameters";
import { makeShop } from "../support/fixtures";
import { OWNER, serviceOver } from "./support";

const addresses = (count: number, prefix = "buyer"): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}.${i}@example.fr`);

/** A service over a memory store whose ids are counted: a refused request must make none. */
function world(shop: ShopConfig = makeShop()) {
  const store = createMemoryStore();
  let ids = 0;
  const service = serviceOver(store, createCaptureTransport(), {
    shops: [shop],
    workerId: "worker-1",
    generateId: () => `id-${String(++ids).padStart(6, "0")}`,
  });
  return { ...service, store, ids: () => ids };
}

/** Creates an order that must be refused; returns the issues' codes and params, and checks nothing happened. */
async function refused(request: PaymentOrderRequest, shop?: ShopConfig) {
  const { paylinks, store, events, ids } = world(shop);
  const error = await paylinks.createOrder(request, { actor: OWNER }).catch((reason: unknown) => reason);
  expect(error).toBeInstanceOf(PaylinksError);
  expect((error as PaylinksError).code).toBe("invalid_request");
  expect(store.size()).toEqual({ orders: 0, links: 0, attempts: 0 });
  expect(events).toEqual([]);
  expect(ids()).toBe(0);
  return (error as PaylinksError).issues.map((issue) => ({ code: issue.code, path: issue.path, params: issue.params }));
}

/** Creates an order that must be accepted; returns how many links it has. */
async function accepted(request: PaymentOrderRequest, shop?: ShopConfig): Promise<number> {
  const { paylinks } = world(shop);
  return (await paylinks.createOrder(request, { actor: OWNER })).links.length;
}

const link = (overrides: Partial<LinkParametersInput> = {}): LinkParametersInput => ({
  shopId: "shop-1",
  amount: 4990,
  currency: "EUR",
  recipients: "alice@example.fr",
  ...overrides,
});

describe("ShopConfig.maxRecipients", () => {
  const limited = makeShop({ maxRecipients: 1000 });

  it("refuses 50,000 recipients to a shop that allows 1,000: recipients_too_many, no id, nothing stored", async () => {
    const issues = await refused({ link: link({ recipients: addresses(50_000).join(";") }) }, limited);
    expect(issues).toEqual([
      { code: "recipients_too_many", path: ["link", "recipients"], params: { max: 1000, count: 50_000 } },
    ]);
  });

  it("refuses them given as a list too, and accepts exactly the limit", async () => {
    const issues = await refused({ link: link({ recipients: addresses(1001) }) }, limited);
    expect(issues.map((issue) => issue.code)).toEqual(["recipients_too_many"]);
    expect(await accepted({ link: link({ recipients: addresses(1000) }) }, limited)).toBe(1000);
  });

  it("is off by default: a shop without it accepts 5,000 recipients in one order", async () => {
    expect(makeShop().maxRecipients).toBeUndefined();
    expect(await accepted({ link: link({ recipients: addresses(5000) }) })).toBe(5000);
  });

  it("counts every entry of the text, so the whole text is still read: its size is not limited here", () => {
    // 50,000 addresses, about a megabyte: every one is split and checked before the count is compared. A limit
    // on the size of the request body belongs to the HTTP layer in front of paylinks.
    const text = addresses(50_000).join(";");
    expect(text.length).toBeGreaterThan(1_000_000);
    const result = validateLinkParameters(link({ recipients: text }), { shop: limited });
    expect(result.ok ? undefined : result.issues[0]?.params).toEqual({ max: 1000, count: 50_000 });
  });

  // FINDING F3 (src/link/check-link.ts, src/link/check-bcc.ts): blind copies are not counted by maxRecipients and
  // have no limit of their own, and every link's e-mail goes to all of them. One recipient with 5,000 blind copies
  // passes a shop limited to 1,000 recipients, and becomes one e-mail with 5,001 envelope recipients (stored 5,000
  // times over with N recipients: N × 5,000 addresses in the store). Expected: the blind copies count towards the
  // limit, or have one of their own. it.fails until they do.
  it("counts the blind copies towards the shop's limit", async () => {
    await refused({ link: link({ bcc: { addresses: addresses(5000, "copy") } }) }, limited);
  });
});

describe("the limits of each field", () => {
  it(`refuses a body longer than ${MESSAGE_BODY_MAX_LENGTH} characters and accepts one that long`, async () => {
    const body = (length: number) => `%url%\n${"x".repeat(length - 6)}`;
    const issues = await refused({ link: link(), message: { subject: "Paiement", body: body(2001) } });
    expect(issues).toEqual([
      { code: "message_body_too_long", path: ["message", "body"], params: { max: 2000, length: 2001 } },
    ]);
    expect(await accepted({ link: link(), message: { subject: "Paiement", body: body(2000) } })).toBe(1);
  });

  it(`refuses a subject longer than ${MESSAGE_SUBJECT_MAX_LENGTH} characters and accepts one that long`, async () => {
    const issues = await refused({ link: link(), message: { subject: "s".repeat(256), body: "%url%" } });
    expect(issues).toEqual([
      {
        code: "message_subject_invalid",
        path: ["message", "subject"],
        params: { reason: "too_long", max: 255, length: 256 },
      },
    ]);
    expect(await accepted({ link: link(), message: { subject: "s".repeat(255), body: "%url%" } })).toBe(1);
  });

  it(`refuses an order reference longer than ${ORDER_REFERENCE_MAX_LENGTH} characters, suffix included`, async () => {
    const issues = await refused({ link: link({ orderReference: "R".repeat(65) }) });
    expect(issues.map((issue) => [issue.code, issue.params?.maxBase])).toEqual([["reference_too_long", 64]]);
    const withSuffix = await refused({
      link: link({ orderReference: "R".repeat(61), recipients: "a@example.fr;b@example.fr" }),
    });
    expect(withSuffix.map((issue) => [issue.code, issue.params?.maxBase])).toEqual([["reference_too_long", 60]]);
    expect(await accepted({ link: link({ orderReference: "R".repeat(64) }) })).toBe(1);
  });

  it(`refuses a buyer reference longer than ${BUYER_REFERENCE_MAX_LENGTH} characters`, async () => {
    const issues = await refused({ link: link({ buyerReference: "b".repeat(65) }) });
    expect(issues).toEqual([
      { code: "buyer_reference_too_long", path: ["link", "buyerReference"], params: { max: 64, length: 65 } },
    ]);
    expect(await accepted({ link: link({ buyerReference: "b".repeat(64) }) })).toBe(1);
  });

  it("refuses an amount of more than 12 digits in minor units", async () => {
    expect(AMOUNT_MAX_MINOR).toBe(999_999_999_999);
    const issues = await refused({ link: link({ amount: 1_000_000_000_000 }) });
    expect(issues.map((issue) => issue.code)).toEqual(["amount_too_large"]);
    expect(await accepted({ link: link({ amount: AMOUNT_MAX_MINOR }) })).toBe(1);
  });

  it("refuses a recipient address longer than 254 characters, and previews a huge one in 80 characters", async () => {
    const huge = `${"a".repeat(64)}@${"b".repeat(100_000)}.fr`;
    const issues = await refused({ link: link({ recipients: [huge] }) });
    expect(issues.map((issue) => [issue.code, issue.params?.reason])).toEqual([["recipient_invalid", "too_long"]]);
    expect(String(issues[0]?.params?.value).length).toBeLessThanOrEqual(80);
  });
});

describe("listLinks page size", () => {
  it("returns at most 1,000 links however large the limit asked, with a cursor to the rest", async () => {
    const { paylinks } = world();
    await paylinks.createOrder({ link: link({ recipients: addresses(1200) }) }, { actor: OWNER });
    for (const limit of [1e9, Number.POSITIVE_INFINITY, 1001]) {
      const page = await paylinks.listLinks({}, { limit }, { actor: OWNER });
      expect(page.links, String(limit)).toHaveLength(1000);
      expect(page.nextCursor).toBeDefined();
    }
    expect((await paylinks.listLinks({}, { limit: -5 }, { actor: OWNER })).links).toHaveLength(1);
    expect((await paylinks.listLinks({}, {}, { actor: OWNER })).links).toHaveLength(50);
    await expect(paylinks.listLinks({}, { limit: Number.NaN }, { actor: OWNER })).rejects.toMatchObject({
      code: "invalid_request",
    });
  });
});
