export type { MailTransport, OutgoingMail, SentMail } from "./mail-transport";
export type {
  DeliveryAttempt,
  DeliveryStatus,
  PaymentStatus,
  StoredLink,
  StoredOrder,
} from "./payment-order-records";
export type { ClaimRequest, LinkFilter, LinkPage, PageRequest, PaymentOrderStore } from "./payment-order-store";
export type { Clock, IdGenerator } from "./runtime";
