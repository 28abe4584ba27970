export type {
  PaymentOrderPlan,
  PaymentUrlInput,
  PlanContext,
  PlannedLink,
  PlannedOrder,
  PlanOptions,
} from "./payment-order-plan";
export type {
  OrderRequest,
  PaymentBatchRequest,
  PaymentOrderRequest,
  RequestContext,
  ValidatedRequest,
} from "./payment-order-request";
export { planOrder } from "./plan-order";
export { planPaymentOrder } from "./plan-payment-order";
export type { LinkIdentity } from "./render-link";
export { renderLink } from "./render-link";
export { validateRequest } from "./validate-request";
