import type { Result } from "../issues/result";
import type { PaymentOrderPlan, PlanContext } from "./payment-order-plan";
import type { OrderRequest } from "./payment-order-request";
import { planOrder } from "./plan-order";
import { validateRequest } from "./validate-request";

/**
 * Plans a payment order in one call: {@link validateRequest}, then {@link planOrder} when the request is valid. It
 * returns exactly what Send will create, one link per recipient in list order, each with its id, secret token,
 * URL, final reference, blind copies and rendered e-mail. Nothing is stored or sent: the plan is also the preview
 * a merchant reviews before sending.
 *
 * - Every issue of the three steps comes back at once, with paths that start with `link`, `advanced` or
 *   `message`.
 * - It is pure: the same request with the same `now` and the same ids gives the same plan.
 *
 * @param request - The three steps.
 * @param context - The shop, the actor, the instant, and the id and URL functions.
 * @returns The plan, or the issues.
 * @throws {@link PaylinksError} `invalid_context` when `generateId` or `paymentUrl` return something that is not
 *   a non-empty string, or `now` is not a valid `Date`: those are the integrator's, not the merchant's input.
 * @example
 * ```ts
 * const result = planPaymentOrder(
 *   { link: { shopId: "shop-1", amount: 4990, currency: "EUR", orderReference: "Recouvrement",
 *             recipients: "a@example.fr;b@example.fr;c@example.fr", channel: "email" } },
 *   { shop, actor, now: new Date(), generateId: () => nanoid(), paymentUrl: (l) => `https://pay.example/t/${l.token}` },
 * );
 * // result.value.links.map((l) => l.reference): ["Recouvrement-001", "Recouvrement-002", "Recouvrement-003"]
 * ```
 */
export function planPaymentOrder(request: OrderRequest, context: PlanContext): Result<PaymentOrderPlan> {
  const checked = validateRequest(request, context);
  if (!checked.ok) return checked;
  const { actor, generateId, paymentUrl } = context;
  return { ok: true, value: planOrder(checked.value, { createdBy: actor.id, generateId, paymentUrl }) };
}
