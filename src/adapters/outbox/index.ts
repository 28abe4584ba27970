export { outboxFileName } from "./outbox-file-name";
export type {
  OutboxMailer,
  OutboxMessage,
  OutboxNodemailer,
  OutboxSendInfo,
  OutboxStreamOptions,
} from "./outbox-shapes";
export type { OutboxEnvelope, OutboxTransport, OutboxTransportOptions } from "./outbox-transport";
export { createOutboxTransport } from "./outbox-transport";
