import type { PaymentOrderPlan } from "../../order/payment-order-plan";
import type { OrderRequest } from "../../order/payment-order-request";
import { planOrder } from "../../order/plan-order";
import { authorizeRequest, checkedRequest } from "../checked-request";
import type { CallOptions, ServiceContext } from "../service-context";

/**
 * The dry run of `createOrder`: the same permission check and validation, then the plan it would store, with
 * fresh ids, URLs and rendered e-mails. Nothing is read from or written to the store, nothing is sent, no event.
 * Internal: the service's `previewOrder`.
 */
export async function previewOrder(
  context: ServiceContext,
  request: OrderRequest,
  options: CallOptions,
): Promise<PaymentOrderPlan> {
  const target = authorizeRequest(request, "createOrder", options);
  const validated = await checkedRequest(context, request, target, options);
  return planOrder(validated, {
    createdBy: options.actor.id,
    generateId: context.generateId,
    paymentUrl: context.paymentUrl,
  });
}
