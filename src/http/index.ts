export type { HttpErrorCode } from "./http-error-codes";
export { HTTP_ERROR_CODES } from "./http-error-codes";
export type { HttpHandler, HttpHandlerOptions } from "./http-handler";
export { createHttpHandler } from "./http-handler";
export type { HttpLocale } from "./http-messages";
export type { NodeListenerOptions } from "./node-listener";
export { createNodeListener } from "./node-listener";
export type { OpenApiDocument, OpenApiOptions } from "./openapi-document";
export { openApiDocument } from "./openapi-document";
