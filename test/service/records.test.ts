import { describe, expect, it } from "vitest";
import { planPaymentOrder } from "../../src/index";
import type { PaymentOrderPlan } from "../../src/order/payment-order-plan";
import { recordsFromPlan } from "../../src/service/records";
import { makeActor, makeShop } from "../support/fixtures";

const NOW = new Date("2026-12-07T09:00:00Z");
const shop = makeShop({ currencies: ["EUR", "JPY"], maxRecipients: 5 });

function planOf(request: Parameters<typeof planPaymentOrder>[0]): PaymentOrderPlan {
  let n = 0;
  const result = planPaymentOrder(request, {
    shop,
    actor: makeActor(),
    now: NOW,
    generateId: () => `id${++n}`,
    paymentUrl: (l: { token: string }) => `https://pay.example/t/${l.token}`,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const noKey = { key: undefined, fingerprint: undefined };

describe("recordsFromPlan", () => {
  it("gives each link every planned field, the order's values and a fresh delivery state", () => {
    const plan = planOf({
      link: {
        shopId: "shop-1",
        amount: 4990,
        currency: "EUR",
        orderReference: "Lot",
        recipients: "a@example.fr;b@example.fr",
      },
    });
    const { order, links } = recordsFromPlan(plan, noKey, shop.timezone);
    expect(links).toHaveLength(2);
    links.forEach((link, position) => {
      const planned = plan.links[position];
      expect(link).toMatchObject({ ...planned, orderId: order.id, position, amount: 4990, currency: "EUR" });
      expect(link.reference).toBe(`Lot-00${position + 1}`);
      expect(link.delivery).toEqual({
        status: "PENDING",
        sendCount: 1,
        attempts: 0,
        nextAttemptAt: order.createdAt,
        leaseOwner: undefined,
        leaseExpiresAt: undefined,
        lastError: undefined,
        messageId: undefined,
        sentAt: undefined,
      });
      expect(link.payment.status).toBe("RUNNING");
      expect(link.expiresAt).toEqual(order.advanced.expiresAt);
      // No variables and no reminders: the keys are absent, as in the plan.
      expect("variables" in link).toBe(false);
      expect("reminders" in link).toBe(false);
    });
  });

  it("keeps a batch row's own amount, currency and variables on its link", () => {
    const plan = planOf({
      link: { shopId: "shop-1", amount: 1000, currency: "EUR" },
      rows: [
        { email: "a@example.fr", prenom: "Marie" },
        { email: "b@example.fr", amount: "10", currency: "JPY" },
      ],
      message: { subject: "Bonjour %prenom%", body: "Montant : %amount%" },
    });
    const { links } = recordsFromPlan(plan, noKey, shop.timezone);
    expect(links.map((l) => [l.amount, l.currency, l.variables])).toEqual([
      [1000, "EUR", { prenom: "Marie" }],
      [10, "JPY", { prenom: "" }],
    ]);
    expect(links.map((l) => l.variables)).toEqual(plan.links.map((l) => l.variables));
  });

  it("schedules the first reminder when the order has reminders", () => {
    const plan = planOf({
      link: { shopId: "shop-1", amount: 4990, currency: "EUR", recipients: "a@example.fr" },
      advanced: { reminders: { afterCreation: [2] } },
    });
    const { links } = recordsFromPlan(plan, noKey, shop.timezone);
    expect(links[0]?.reminders?.sent).toBe(0);
    expect(links[0]?.reminders?.nextAt).toBeInstanceOf(Date);
  });
});
