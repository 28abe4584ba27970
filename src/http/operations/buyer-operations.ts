import { toJson } from "../json-output";
import { readBytes } from "../read-body";
import type { Operation } from "./operation";

/** `GET /pay/{token}`: `openLink`, for the payment page. */
export const openLinkOperation: Operation = {
  operationId: "openLink",
  method: "GET",
  path: "/pay/{token}",
  summary:
    "The payment page's lookup: whether the link of this token can be paid now, or why not. No authentication: the token is the capability; an unknown token answers 200 with reason unknown, like a wrong one.",
  tag: "Buyer",
  access: "public",
  responses: { 200: { description: "The link, payable or not.", schema: "LinkOpening" } },
  errors: [503],
  async run({ paylinks, params }) {
    return {
      status: 200,
      body: toJson(await paylinks.openLink(params.token as string)),
      headers: { "referrer-policy": "no-referrer" },
    };
  },
};

/** `POST /notifications`: `receiveNotification`. */
export const receiveNotificationOperation: Operation = {
  operationId: "receiveNotification",
  method: "POST",
  path: "/notifications",
  summary:
    "The payment platform's signed notification (HMAC-SHA256 of `t.body`): records PAID or REFUSED, idempotently on the transaction id. Answer 200 means: stop sending it.",
  tag: "Platform",
  access: "public",
  body: "raw",
  headers: [{ name: "Paylinks-Signature", description: "`t=<unix seconds>,v1=<hex HMAC-SHA256>`.", required: true }],
  responses: {
    200: { description: "Applied, a duplicate, or ignored (with the reason).", schema: "NotificationOutcome" },
  },
  errors: [401, 404, 409, 413, 422, 503],
  async run({ paylinks, request, maxBodyBytes }) {
    const body = await readBytes(request, maxBodyBytes);
    const outcome = await paylinks.receiveNotification({ body, signature: request.headers.get("paylinks-signature") });
    return {
      status: 200,
      body: {
        outcome: outcome.outcome,
        reason: outcome.outcome === "ignored" ? outcome.reason : null,
        linkId: outcome.link.id,
        paymentStatus: outcome.link.payment.status,
      },
    };
  },
};
