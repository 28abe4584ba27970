export type { ClaimRequest, DeliveryCompletion, DeliveryQueue, PaymentOrderStore } from "./delivery-queue";
export type { MailTransport, OutgoingMail, SentMail } from "./mail-transport";
export type { LinkFilter, LinkPage, OrderStore, PageRequest } from "./order-store";
export type {
  DeliveryAttempt,
  DeliveryStatus,
  LinkDelivery,
  LinkPayment,
  LinkReminders,
  PaymentStatus,
  StoredLink,
  StoredOrder,
} from "./payment-order-records";
export type { Clock, IdGenerator } from "./runtime";
export type { AttemptOutcome } from "./statuses";
export { ATTEMPT_OUTCOMES, DELIVERY_STATUSES, PAYMENT_STATUSES } from "./statuses";
