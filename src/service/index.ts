export type { ErrorCode, PaylinksErrorOptions } from "../issues/paylinks-error";
export { ERROR_CODES, PaylinksError } from "../issues/paylinks-error";
export type {
  AttemptOutcome,
  ClaimRequest,
  Clock,
  DeliveryAttempt,
  DeliveryCompletion,
  DeliveryQueue,
  DeliveryStatus,
  IdGenerator,
  LinkDelivery,
  LinkFilter,
  LinkPage,
  LinkPayment,
  LinkReminders,
  MailTransport,
  OrderStore,
  OutgoingMail,
  PageRequest,
  PaymentOrderStore,
  PaymentStatus,
  SentMail,
  StoredLink,
  StoredOrder,
} from "../ports";
export { ATTEMPT_OUTCOMES, DELIVERY_STATUSES, PAYMENT_STATUSES } from "../ports";
export type { Paylinks } from "./create-paylinks";
export { createPaylinks } from "./create-paylinks";
export type {
  CreatedEvent,
  DeliveryFailedEvent,
  ExpiryChangedEvent,
  LinkActionEvent,
  LinkEventBase,
  OpenedEvent,
  PaylinksEvent,
  PaylinksListener,
  PaymentEvent,
  ReminderFailedEvent,
  ReminderSentEvent,
  SentEvent,
} from "./events";
export type { NotificationBody } from "./notification-signature";
export { signNotification } from "./notification-signature";
export type { DeliveryOptions, NotificationOptions, PaylinksOptions } from "./paylinks-options";
export type { CallOptions } from "./service-context";
export { systemClock } from "./system-clock";
export type { LinkAction } from "./transitions";
export { ALLOWED_FROM } from "./transitions";
export type { ExpiryChange } from "./use-cases/change-expiry";
export type { CreateOrderOptions, OrderWithLinks } from "./use-cases/create-order";
export type { DeliverOptions, DeliveryProgress, DeliveryReport } from "./use-cases/deliver";
export { messageIdOf } from "./use-cases/deliver";
export type { DuplicateOptions } from "./use-cases/duplicate-link";
export type { ExpireDueOptions, ExpireDueResult } from "./use-cases/expire-due";
export type { Health, HealthOptions, WorkerHealth } from "./use-cases/health";
export type { ListPage } from "./use-cases/list-links";
export type { LinkOpening, PaymentPageLink, UnpayableReason } from "./use-cases/open-link";
export type {
  IgnoredReason,
  NotificationOutcome,
  NotificationPayload,
  PaymentNotification,
} from "./use-cases/receive-notification";
export type { PaymentResult } from "./use-cases/record-payment";
export type { LinkChanges } from "./use-cases/rerender-link";
export type { WorkerBatch, WorkerCounts, WorkerOptions, WorkerSummary } from "./use-cases/run-worker";
export type { RecipientResult, SendResult } from "./use-cases/send";
