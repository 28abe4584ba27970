import { checkAdvanced } from "../advanced/check-advanced";
import type { Check } from "../internal/issue-sink";
import { readField } from "../internal/read-field";
import { checkLink } from "../link/check-link";
import { defaultMessage } from "../message/default-messages";
import { checkMessageTemplate } from "../message/validate-message-template";
import type { RequestContext, ValidatedRequest } from "./payment-order-request";

/**
 * Applies the rules of the three steps to a request and reports every issue, at paths under `link`, `advanced`
 * and `message`. Internal.
 */
export const checkRequest: Check<RequestContext, ValidatedRequest> = (request, context, sink) => {
  const { shop, actor, now } = context;
  if (request === null || typeof request !== "object") {
    sink.add("type_invalid", { expected: "object" });
    return undefined;
  }
  const link = checkLink(readField(request, "link"), { shop, actor, amount: "either" }, sink.at("link"));
  const advanced = checkAdvanced(readField(request, "advanced"), { shop, now }, sink.at("advanced"));
  const rawMessage = readField(request, "message");
  const message =
    rawMessage === undefined || rawMessage === null
      ? defaultMessage(advanced?.language ?? shop.language)
      : checkMessageTemplate(rawMessage, undefined, sink.at("message"));
  if (link === undefined || advanced === undefined || message === undefined) return undefined;
  return { shop, link, advanced, message, createdAt: now };
};
