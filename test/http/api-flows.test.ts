import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { signNotification } from "../../src/service";
import { closeSharedClients } from "../support/postgres";
import { API_STORES, type ApiServer, NOTIFICATION_SECRET, startApi } from "./api-server";

afterAll(closeSharedClients);

const ORDER = {
  link: {
    shopId: "shop-1",
    amount: "49,90",
    currency: "EUR",
    orderReference: "FACT-2026-12",
    recipients: "alice@example.fr;bob@example.fr;chloe@example.fr",
  },
};

describe.each(API_STORES)("the HTTP API on %s", (kind) => {
  let api: ApiServer;
  beforeEach(async () => {
    api = await startApi(kind);
  });
  afterEach(async () => {
    await api.close();
  });

  it("creates an order of three links, PENDING, with suffixed references, and reads it back", async () => {
    const created = await api.call("POST", "/orders", { body: ORDER });
    expect(created.status).toBe(201);
    expect(created.body.created).toBe(true);
    expect(created.body.order.amount).toBe(4990);
    expect(created.body.links.map((link: { reference: string }) => link.reference)).toEqual([
      "FACT-2026-12-001",
      "FACT-2026-12-002",
      "FACT-2026-12-003",
    ]);
    expect(
      created.body.links.every((link: { delivery: { status: string } }) => link.delivery.status === "PENDING"),
    ).toBe(true);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const read = await api.call("GET", `/orders/${created.body.order.id}`);
    expect(read.status).toBe(200);
    expect(read.body.order).toEqual(created.body.order);
    expect(read.body.links).toEqual(created.body.links);
  });

  it("answers the same order to a retry with the same Idempotency-Key, and 409 to another body", async () => {
    const headers = { "idempotency-key": "order-42" };
    const first = await api.call("POST", "/orders", { body: ORDER, headers });
    const again = await api.call("POST", "/orders", { body: ORDER, headers });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.created).toBe(false);
    expect(again.body.order.id).toBe(first.body.order.id);
    const other = await api.call("POST", "/orders", {
      body: { link: { ...ORDER.link, amount: "12,00" } },
      headers,
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("idempotency_conflict");
    const page = await api.call("GET", "/links");
    expect(page.body.links).toHaveLength(3);
  });

  it("previews an order without storing it", async () => {
    const preview = await api.call("POST", "/orders/preview", { body: ORDER });
    expect(preview.status).toBe(200);
    expect(preview.body.links).toHaveLength(3);
    expect(preview.body.links[0].html).toContain("49,90");
    expect(preview.body.links[0].text).toContain("FACT-2026-12-001");
    expect((await api.call("GET", "/links")).body.links).toEqual([]);
  });

  it("lists links with filters and a cursor", async () => {
    await api.call("POST", "/orders", { body: ORDER });
    await api.call("POST", "/orders", {
      body: { link: { ...ORDER.link, orderReference: "AUTRE", recipients: "david@example.fr" } },
    });
    const first = await api.call("GET", "/links?limit=2");
    expect(first.body.links).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.call("GET", `/links?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.links).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.links, ...second.body.links].map((link: { id: string }) => link.id);
    expect(new Set(ids).size).toBe(4);
    const filtered = await api.call("GET", "/links?referencePrefix=AUTRE&paymentStatus=RUNNING,PAID");
    expect(filtered.body.links.map((link: { recipient: string }) => link.recipient)).toEqual(["david@example.fr"]);
    const byRecipient = await api.call("GET", "/links?recipient=BOB@example.fr");
    expect(byRecipient.body.links.map((link: { reference: string }) => link.reference)).toEqual(["FACT-2026-12-002"]);
    const none = await api.call("GET", "/links?createdFrom=2027-01-01T00:00:00Z");
    expect(none.body.links).toEqual([]);
  });

  it("acts on a link: update, expiry, resend, cancel, reactivate, duplicate", async () => {
    const created = await api.call("POST", "/orders", { body: ORDER });
    const linkId = created.body.links[0].id as string;
    await api.paylinks.deliver();

    const read = await api.call("GET", `/links/${linkId}`);
    expect(read.body.delivery.status).toBe("SENT");
    expect(read.body).not.toHaveProperty("html");

    const updated = await api.call("PATCH", `/links/${linkId}`, { body: { amount: 5500, buyerReference: "CLIENT-7" } });
    expect(updated.status).toBe(200);
    expect(updated.body.amount).toBe(5500);
    expect(updated.body.buyerReference).toBe("CLIENT-7");
    expect(updated.body.delivery.status).toBe("PENDING");

    const moved = await api.call("PUT", `/links/${linkId}/expiry`, { body: { validityDays: 30 } });
    expect(moved.status).toBe(200);
    // Thirty days from 1 December, to the end of the day in the shop's zone (Paris).
    expect(moved.body.expiresAt).toBe("2026-12-31T22:59:59.000Z");
    expect(moved.body.advanced.expiresAt).toBe(moved.body.expiresAt);

    const resent = await api.call("POST", `/links/${linkId}/resend`);
    expect(resent.body.delivery.sendCount).toBe(updated.body.delivery.sendCount + 1);

    const cancelled = await api.call("POST", `/links/${linkId}/cancel`, { body: {} });
    expect(cancelled.body.payment.status).toBe("CANCELLED");
    const again = await api.call("POST", `/links/${linkId}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("invalid_transition");

    const reactivated = await api.call("POST", `/links/${linkId}/reactivate`);
    expect(reactivated.body.payment.status).toBe("RUNNING");

    const duplicated = await api.call("POST", `/links/${linkId}/duplicate`, { body: { reference: "FACT-2027-01" } });
    expect(duplicated.status).toBe(201);
    expect(duplicated.body.order.reference).toBe("FACT-2027-01");
    expect(duplicated.body.links[0].recipient).toBe("alice@example.fr");
    expect(duplicated.body.links[0].amount).toBe(5500);
  });

  it("resolves a token for the payment page, and a signed notification makes the link PAID", async () => {
    const created = await api.call("POST", "/orders", { body: ORDER });
    const link = created.body.links[1];
    const opened = await api.call("GET", `/pay/${link.token}`, { key: null });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ payable: true, link: { linkId: link.id, amount: 4990, currency: "EUR" } });
    expect(JSON.stringify(opened.body)).not.toContain(link.token);
    expect(opened.headers.get("referrer-policy")).toBe("no-referrer");

    // Another last character: a token that ends in "x" already would be the same one.
    const other = `${link.token.slice(0, -1)}${link.token.endsWith("x") ? "y" : "x"}`;
    const unknown = await api.call("GET", `/pay/${other}`, { key: null });
    const garbage = await api.call("GET", "/pay/%E2%82%AC", { key: null });
    expect(unknown.body).toEqual({ payable: false, reason: "unknown" });
    expect(garbage.body).toEqual(unknown.body);

    const body = JSON.stringify({
      linkId: link.id,
      status: "PAID",
      transactionId: "tx-1001",
      at: api.clock.now().toISOString(),
    });
    const signature = signNotification(body, NOTIFICATION_SECRET, api.clock.now());
    const post = (sig: string) =>
      api.call("POST", "/notifications", {
        key: null,
        body,
        headers: { "paylinks-signature": sig },
      });
    const applied = await post(signature);
    expect(applied.status).toBe(200);
    expect(applied.body).toEqual({ outcome: "applied", reason: null, linkId: link.id, paymentStatus: "PAID" });
    const duplicate = await post(signature);
    expect(duplicate.body.outcome).toBe("duplicate");
    const forged = await post(signature.replace(/v1=./, (match) => (match.endsWith("0") ? "v1=1" : "v1=0")));
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe("unauthorized");

    const paid = await api.call("GET", `/links/${link.id}`);
    expect(paid.body.payment).toEqual({ status: "PAID", transactionId: "tx-1001", at: api.clock.now().toISOString() });
    expect(paid.body.openedAt).toBe(api.clock.now().toISOString());
    const page = await api.call("GET", `/pay/${link.token}`, { key: null });
    expect(page.body).toMatchObject({ payable: false, reason: "paid" });
  });

  it("answers its health: ready, with the worker not running in this process", async () => {
    const answer = await api.call("GET", "/health", { key: null });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "ok", store: "ok", worker: { running: false, batches: 0 } });
  });

  it("serves its OpenAPI document", async () => {
    const answer = await api.call("GET", "/openapi.json", { key: null });
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe("3.1.0");
    expect(Object.keys(answer.body.paths)).toContain("/links/{linkId}/cancel");
  });
});
