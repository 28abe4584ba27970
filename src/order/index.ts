export type {
  PaymentOrderPlan,
  PaymentOrderRequest,
  PaymentUrlInput,
  PlanContext,
  PlannedLink,
  PlannedOrder,
} from "./payment-order-plan";
export { planPaymentOrder } from "./plan-payment-order";
