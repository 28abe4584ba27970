export { outboxFileName } from "./outbox-file-name";
export type { OutboxEnvelope, OutboxTransport, OutboxTransportOptions } from "./outbox-transport";
export { createOutboxTransport } from "./outbox-transport";
