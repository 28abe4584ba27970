export type {
  SmtpEnvelope,
  SmtpErrorLike,
  SmtpMessage,
  SmtpSender,
  SmtpSendInfo,
  SmtpTransporter,
} from "./smtp-shapes";
export type { SmtpTransport, SmtpTransportOptions } from "./smtp-transport";
export { createSmtpTransport } from "./smtp-transport";
