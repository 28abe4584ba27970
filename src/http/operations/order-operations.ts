import type { PaymentBatchRequest, PaymentOrderRequest } from "../../order/payment-order-request";
import { HttpProblem } from "../http-problem";
import { orderWithLinksJson, planJson } from "../json-output";
import { BATCH_REQUEST, ORDER_REQUEST } from "../schemas/request-schemas";
import type { Operation } from "./operation";

/** Printable ASCII, 1 to 255 characters, not only spaces. */
const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/;

/** The `Idempotency-Key` header, checked. */
function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (!IDEMPOTENCY_KEY.test(key) || key.trim() === "") throw new HttpProblem(400, "idempotency_key_invalid");
  return key;
}

/** `POST /orders`: `createOrder`. */
export const createOrderOperation: Operation = {
  operationId: "createOrder",
  method: "POST",
  path: "/orders",
  summary: "Validates the three steps and stores the order and one link per recipient, PENDING: the worker sends them.",
  tag: "Orders",
  access: "actor",
  body: { schema: ORDER_REQUEST, required: true },
  headers: [
    {
      name: "Idempotency-Key",
      description:
        "Unique per shop: the same key with the same body answers the order already made (200, created false); with another body, 409.",
      required: false,
    },
  ],
  responses: {
    201: { description: "The order was made.", schema: "CreatedOrder" },
    200: { description: "An earlier request with this Idempotency-Key made it.", schema: "CreatedOrder" },
  },
  errors: [400, 401, 403, 404, 409, 413, 415, 422, 503],
  async run({ paylinks, request, body, actor, locale }) {
    const idempotencyKey = idempotencyKeyOf(request);
    const made = await paylinks.createOrder(body as PaymentOrderRequest, { actor, locale, idempotencyKey });
    return { status: made.created ? 201 : 200, body: orderWithLinksJson(made.order, made.links, made.created) };
  },
};

/** `POST /orders/preview`: `previewOrder`. */
export const previewOrderOperation: Operation = {
  operationId: "previewOrder",
  method: "POST",
  path: "/orders/preview",
  summary: "The dry run of createOrder: the same checks, and the plan with every e-mail; nothing is stored or sent.",
  tag: "Orders",
  access: "actor",
  body: { schema: ORDER_REQUEST, required: true },
  responses: { 200: { description: "What createOrder would store.", schema: "OrderPlan" } },
  errors: [400, 401, 403, 404, 413, 415, 422],
  async run({ paylinks, body, actor, locale }) {
    const plan = await paylinks.previewOrder(body as PaymentOrderRequest, { actor, locale });
    return { status: 200, body: planJson(plan) };
  },
};

/** `POST /batches`: `createOrder` with rows, one link per row. */
export const createBatchOperation: Operation = {
  ...createOrderOperation,
  operationId: "createBatch",
  path: "/batches",
  summary:
    "Validates a batch (one row per recipient, each with its own amount, reference and variables) and stores it whole, PENDING.",
  body: { schema: BATCH_REQUEST, required: true },
  batchBody: true,
  async run({ paylinks, request, body, actor, locale }) {
    const idempotencyKey = idempotencyKeyOf(request);
    const made = await paylinks.createOrder(body as PaymentBatchRequest, { actor, locale, idempotencyKey });
    return { status: made.created ? 201 : 200, body: orderWithLinksJson(made.order, made.links, made.created) };
  },
};

/** `POST /batches/preview`: `previewOrder` with rows. */
export const previewBatchOperation: Operation = {
  ...previewOrderOperation,
  operationId: "previewBatch",
  path: "/batches/preview",
  summary: "The dry run of createBatch: every issue of every row at once, or the plan; nothing is stored or sent.",
  body: { schema: BATCH_REQUEST, required: true },
  batchBody: true,
  async run({ paylinks, body, actor, locale }) {
    const plan = await paylinks.previewOrder(body as PaymentBatchRequest, { actor, locale });
    return { status: 200, body: planJson(plan) };
  },
};

/** `GET /orders/{orderId}`: `getOrder` and `orderLinks`. */
export const getOrderOperation: Operation = {
  operationId: "getOrder",
  method: "GET",
  path: "/orders/{orderId}",
  summary: "An order and its links, in recipient order.",
  tag: "Orders",
  access: "actor",
  responses: { 200: { description: "The order.", schema: "OrderWithLinks" } },
  errors: [401, 403, 404, 503],
  async run({ paylinks, params, actor, locale }) {
    const order = await paylinks.getOrder(params.orderId as string, { actor, locale });
    const links = await paylinks.orderLinks(order.id, { actor, locale });
    return { status: 200, body: orderWithLinksJson(order, links) };
  },
};
