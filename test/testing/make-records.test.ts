import { describe, expect, it } from "vitest";
import { isEmailAddress, validateMessageTemplate, validateOrderReference } from "../../src/index";
import {
  makeAttempt,
  makeLink,
  makeOrder,
  makeOrderWithLinks,
  makeOutgoingMail,
  RECORDS_CREATED_AT,
} from "../../src/testing";

const DAY_MS = 86_400_000;

describe("record makers (paylinks/testing)", () => {
  describe("makeOrder", () => {
    it("builds a valid order with a new id at each call", () => {
      const one = makeOrder();
      const two = makeOrder();
      expect(one.id).not.toBe(two.id);
      expect(one).toMatchObject({ mode: "PRODUCTION", shopId: "shop-1", amount: 4990, currency: "EUR", linkCount: 1 });
      expect(one.createdAt).toEqual(RECORDS_CREATED_AT);
      expect(validateOrderReference(one.reference).ok).toBe(true);
      expect(validateMessageTemplate(one.message).ok).toBe(true);
      expect(Object.keys(one)).toEqual(
        expect.arrayContaining(["buyerReference", "idempotencyKey", "requestFingerprint"]),
      );
    });

    it("expires at 23:59:59 UTC seven days after a given creation instant", () => {
      const order = makeOrder({ createdAt: new Date("2026-07-14T22:30:00Z") });
      expect(order.advanced.expiresAt).toEqual(new Date("2026-07-21T23:59:59Z"));
      expect(order.advanced.validityDays).toBe(7);
    });

    it("applies overrides, and copies the creation Date it is given", () => {
      const createdAt = new Date("2026-05-01T10:00:00Z");
      const order = makeOrder({ createdAt, idempotencyKey: "key", shopId: "shop-9" });
      expect(order).toMatchObject({ idempotencyKey: "key", shopId: "shop-9" });
      expect(order.createdAt).toEqual(createdAt);
      expect(order.createdAt).not.toBe(createdAt);
    });
  });

  describe("makeLink", () => {
    it("builds a link as the service stores it: RUNNING, PENDING, due at creation, version 1", () => {
      const link = makeLink();
      expect(link).toMatchObject({
        payment: { status: "RUNNING" },
        delivery: { status: "PENDING", sendCount: 1, attempts: 0 },
        version: 1,
      });
      expect(link.delivery.nextAttemptAt).toEqual(link.createdAt);
      expect(link.updatedAt).toEqual(link.createdAt);
      expect(link.expiresAt).toEqual(link.advanced.expiresAt);
      expect(isEmailAddress(link.recipient)).toBe(true);
      expect(link.token.length).toBeGreaterThanOrEqual(16);
      expect(link.url).toContain(link.token);
      for (const key of ["leaseOwner", "leaseExpiresAt", "lastError", "messageId", "sentAt"]) {
        expect(Object.hasOwn(link.delivery, key), `delivery.${key}`).toBe(true);
      }
      for (const key of ["transactionId", "at"]) {
        expect(Object.hasOwn(link.payment, key), `payment.${key}`).toBe(true);
      }
    });

    it("gives each link its own id, token and recipient", () => {
      const [a, b] = [makeLink(), makeLink()];
      expect(a?.id).not.toBe(b?.id);
      expect(a?.token).not.toBe(b?.token);
      expect(a?.recipient).not.toBe(b?.recipient);
    });

    it("keeps an explicit undefined reference, and moves the dependent dates with createdAt", () => {
      const link = makeLink({ reference: undefined, createdAt: new Date("2026-01-10T08:00:00Z") });
      expect(link.reference).toBeUndefined();
      expect(link.delivery.nextAttemptAt).toEqual(new Date("2026-01-10T08:00:00Z"));
      expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBeLessThan(8 * DAY_MS);
    });
  });

  describe("makeOrderWithLinks", () => {
    it("makes links consistent with their order, references suffixed -001, -002…", () => {
      const { order, links } = makeOrderWithLinks({
        order: { shopId: "shop-2", mode: "TEST", bcc: ["m@example.com"] },
        links: 3,
      });
      expect(order.linkCount).toBe(3);
      expect(links.map((l) => l.reference)).toEqual(["INV-2026-0001-001", "INV-2026-0001-002", "INV-2026-0001-003"]);
      for (const link of links) {
        expect(link).toMatchObject({ orderId: order.id, shopId: "shop-2", mode: "TEST", createdBy: order.createdBy });
        expect(link.createdAt).toEqual(order.createdAt);
        expect(link.advanced).toEqual(order.advanced);
        expect(link.bcc).toEqual(["m@example.com"]);
        expect(link.bcc).not.toBe(order.bcc);
        expect(validateOrderReference(link.reference).ok).toBe(true);
      }
      expect(new Set(links.map((l) => l.recipient)).size).toBe(3);
    });

    it("keeps a single link's reference unsuffixed, and takes each link's own fields", () => {
      expect(makeOrderWithLinks().links[0]?.reference).toBe("INV-2026-0001");
      const { links } = makeOrderWithLinks({ links: [{ id: "x" }, { delivery: { status: "SENT" } }] });
      expect(links[0]?.id).toBe("x");
      expect(links[1]?.delivery.status).toBe("SENT");
    });
  });

  it("makeAttempt builds a sent first attempt, with overrides", () => {
    expect(makeAttempt({ outcome: "transient", error: "451" })).toMatchObject({
      attempt: 1,
      sendCount: 1,
      outcome: "transient",
      error: "451",
    });
  });

  it("makeOutgoingMail builds a mail with a Message-ID of its own link", () => {
    const [a, b] = [makeOutgoingMail(), makeOutgoingMail()];
    expect(a?.messageId).not.toBe(b?.messageId);
    expect(a?.messageId).toBe(`<${a?.linkId}.1@paylinks.invalid>`);
    expect(isEmailAddress(a?.to ?? "")).toBe(true);
  });
});
