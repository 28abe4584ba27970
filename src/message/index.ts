export { DEFAULT_MESSAGES, defaultMessage } from "./default-messages";
export { escapeHtml } from "./escape-html";
export type { MessageTemplate } from "./message-template";
export { MESSAGE_BODY_MAX_LENGTH, MESSAGE_SUBJECT_MAX_LENGTH } from "./message-template";
export type { MessageVariable, MessageVariableName } from "./message-variables";
export { isMessageVariableName, MESSAGE_VARIABLES } from "./message-variables";
export type { MessageValues, RenderedMessage, RenderOptions } from "./render-message";
export { renderMessage } from "./render-message";
export { validateMessageTemplate } from "./validate-message-template";
