export type { ErrorCode, PaylinksErrorOptions } from "../issues/paylinks-error";
export { ERROR_CODES, PaylinksError } from "../issues/paylinks-error";
export type {
  ClaimRequest,
  Clock,
  DeliveryAttempt,
  DeliveryStatus,
  IdGenerator,
  LinkFilter,
  LinkPage,
  MailTransport,
  OutgoingMail,
  PageRequest,
  PaymentOrderStore,
  PaymentStatus,
  SentMail,
  StoredLink,
  StoredOrder,
} from "../ports";
export type { CreateOrderOptions, OrderWithLinks } from "./create-order";
export type {
  ExpireDueResult,
  ListLinksFilter,
  ListPage,
  Paylinks,
  PaymentResult,
  RecipientResult,
  SendResult,
} from "./create-paylinks";
export { createPaylinks } from "./create-paylinks";
export type { DeliverOptions, DeliveryProgress, DeliveryReport } from "./deliver";
export { messageIdOf } from "./deliver";
export type {
  CreatedEvent,
  DeliveryFailedEvent,
  ExpiryChangedEvent,
  LinkActionEvent,
  LinkEventBase,
  PaylinksEvent,
  PaylinksListener,
  PaymentEvent,
  SentEvent,
} from "./events";
export type { LinkChanges } from "./link-actions";
export type { DeliveryOptions, PaylinksOptions } from "./paylinks-options";
export type { CallOptions } from "./service-context";
export { systemClock } from "./system-clock";
export type { LinkAction } from "./transitions";
export { ALLOWED_FROM } from "./transitions";
