import { afterAll, describe, expect, it } from "vitest";
import type { PaymentBatchRequest } from "../../src/index";
import type { PaymentOrderStore } from "../../src/ports";
import { allLinks } from "../support/all-links";
import { closeSharedClients, DATABASES, freshStore } from "../support/postgres";
import { makeWorld, OWNER, rejectionOf } from "./support";

const BATCH: PaymentBatchRequest = {
  link: { shopId: "shop-1", amount: "20", currency: "EUR", orderReference: "Relance" },
  rows: [
    { email: "marie@example.fr", amount: "49,90", "first name": "Marie" },
    { email: "paul@example.fr", currency: "USD", "first name": "Paul", reference: "P-1" },
    { email: "lea@example.fr", "first name": "" },
  ],
  message: { subject: "Bonjour %first_name%", body: "Bonjour %first_name%,\nMontant : %amount%" },
};

afterAll(() => closeSharedClients());

async function linksOf(store: PaymentOrderStore, orderId: string) {
  return (await allLinks(store)).filter((l) => l.orderId === orderId).sort((a, b) => a.position - b.position);
}

type StoreMaker = () => Promise<{ store: PaymentOrderStore; cleanup: () => Promise<void> }>;
const STORES: [string, StoreMaker | undefined][] = [
  ["memory", undefined],
  ...DATABASES.map((kind): [string, StoreMaker] => [kind, () => freshStore(kind)]),
];

describe.each(STORES)("a batch through the service (%s)", (_name, make) => {
  async function world() {
    const made = make ? await make() : undefined;
    const w = makeWorld(made ? { wrapStore: () => made.store } : {});
    const store: PaymentOrderStore = made ? made.store : w.store;
    return { ...w, store, cleanup: made?.cleanup ?? (async () => {}) };
  }

  it("stores one link per row with the row's amount, currency, reference and variables", async () => {
    const w = await world();
    try {
      const made = await w.paylinks.createOrder(BATCH, { actor: OWNER });
      const links = await linksOf(w.store, made.order.id);
      expect(links.map((l) => [l.recipient, l.reference, l.amount, l.currency, l.variables])).toEqual([
        ["marie@example.fr", "Relance-001", 4990, "EUR", { first_name: "Marie" }],
        ["paul@example.fr", "P-1", 2000, "USD", { first_name: "Paul" }],
        ["lea@example.fr", "Relance-002", 2000, "EUR", { first_name: "" }],
      ]);
      expect(made.order.linkCount).toBe(3);
      expect(links[0]?.subject).toBe("Bonjour Marie");
      expect(links[2]?.text.startsWith("Montant : 20,00")).toBe(true);
    } finally {
      await w.cleanup();
    }
  });

  it("stores nothing when one row is invalid, and reports the row", async () => {
    const w = await world();
    try {
      const bad: PaymentBatchRequest = { ...BATCH, rows: [...BATCH.rows, { email: "nobody", amount: "x" }] };
      const error = await rejectionOf(w.paylinks.createOrder(bad, { actor: OWNER }));
      expect(error.code).toBe("invalid_request");
      expect(error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
        ["rows.3.email", "recipient_invalid"],
        ["rows.3.amount", "amount_invalid"],
      ]);
      expect(await allLinks(w.store)).toEqual([]);
    } finally {
      await w.cleanup();
    }
  });

  it("renders a row's e-mail again with its variables when the expiry changes", async () => {
    const w = await world();
    try {
      const made = await w.paylinks.createOrder(BATCH, { actor: OWNER });
      const first = made.links[0];
      if (!first) throw new Error("no link");
      const changed = await w.paylinks.changeExpiry(first.id, { validityDays: 10 }, { actor: OWNER });
      expect(changed.subject).toBe("Bonjour Marie");
      expect(changed.variables).toEqual({ first_name: "Marie" });
      expect(changed.amount).toBe(4990);
      const stored = (await linksOf(w.store, made.order.id))[0];
      expect(stored?.expiresAt).toEqual(changed.expiresAt);
      expect(stored?.variables).toEqual({ first_name: "Marie" });
    } finally {
      await w.cleanup();
    }
  });

  it("sends every row's e-mail, and a retry with the same idempotency key creates nothing new", async () => {
    const w = await world();
    try {
      const sent = await w.paylinks.send(BATCH, { actor: OWNER, idempotencyKey: "batch-1" });
      expect(sent.results.map((r) => r.deliveryStatus)).toEqual(["SENT", "SENT", "SENT"]);
      // Sent concurrently: in any order.
      expect(w.transport.messages.map((m) => m.subject).sort()).toEqual(["Bonjour", "Bonjour Marie", "Bonjour Paul"]);
      const again = await w.paylinks.send(BATCH, { actor: OWNER, idempotencyKey: "batch-1" });
      expect(again.created).toBe(false);
      expect(w.transport.messages).toHaveLength(3);
    } finally {
      await w.cleanup();
    }
  });
});
