import type { Mode } from "../../actor/actor";
import type { LinkFilter } from "../../ports/order-store";
import type { DeliveryStatus, PaymentStatus } from "../../ports/payment-order-records";
import type { ReminderScheduleInput } from "../../reminders/reminder-schedule";
import type { ExpiryChange } from "../../service/use-cases/change-expiry";
import type { LinkChanges } from "../../service/use-cases/rerender-link";
import { linkJson, orderWithLinksJson, pageJson } from "../json-output";
import {
  DUPLICATE_REQUEST,
  EXPIRY_CHANGE,
  LINK_CHANGES,
  LIST_QUERY,
  NO_FIELDS,
  REMINDER_SCHEDULE,
} from "../schemas/request-schemas";
import type { Operation } from "./operation";

const LINK_ERRORS = [400, 401, 403, 404, 409, 413, 415, 422, 503] as const;

/** A comma-separated list of the query, or `undefined`. */
const listOf = <T extends string>(value: string | undefined): T[] | undefined =>
  value === undefined ? undefined : (value.split(",").filter((item) => item !== "") as T[]);

const dateOf = (value: string | undefined): Date | undefined => (value === undefined ? undefined : new Date(value));

/** The store filter of the `listLinks` query. */
function filterOf(query: Readonly<Record<string, string | undefined>>): LinkFilter {
  return {
    shopIds: listOf(query.shopId),
    modes: listOf<Mode>(query.mode),
    orderId: query.orderId,
    paymentStatuses: listOf<PaymentStatus>(query.paymentStatus),
    deliveryStatuses: listOf<DeliveryStatus>(query.deliveryStatus),
    referencePrefix: query.referencePrefix,
    recipient: query.recipient,
    createdFrom: dateOf(query.createdFrom),
    createdTo: dateOf(query.createdTo),
    createdBy: query.createdBy,
    expiresBefore: dateOf(query.expiresBefore),
  };
}

/** `GET /links`: `listLinks`. */
export const listLinksOperation: Operation = {
  operationId: "listLinks",
  method: "GET",
  path: "/links",
  summary:
    "Links the actor may see, in creation order, a page at a time. Lists (shopId, mode, paymentStatus, deliveryStatus) are comma-separated.",
  tag: "Links",
  access: "actor",
  query: LIST_QUERY,
  responses: { 200: { description: "One page; pass nextCursor as cursor for the next.", schema: "LinkPage" } },
  errors: [401, 403, 422, 503],
  async run({ paylinks, query, actor, locale }) {
    const limit = query.limit === undefined ? undefined : Number(query.limit);
    const page = await paylinks.listLinks(filterOf(query), { limit, cursor: query.cursor }, { actor, locale });
    return { status: 200, body: pageJson(page) };
  },
};

/** `GET /links/{linkId}`: `getLink`. */
export const getLinkOperation: Operation = {
  operationId: "getLink",
  method: "GET",
  path: "/links/{linkId}",
  summary: "A link.",
  tag: "Links",
  access: "actor",
  responses: { 200: { description: "The link.", schema: "Link" } },
  errors: [401, 403, 404, 503],
  async run({ paylinks, params, actor, locale }) {
    return { status: 200, body: linkJson(await paylinks.getLink(params.linkId as string, { actor, locale })) };
  },
};

/** `PATCH /links/{linkId}`: `update`. */
export const updateLinkOperation: Operation = {
  operationId: "updateLink",
  method: "PATCH",
  path: "/links/{linkId}",
  summary: "Edits a running (or expired) link and queues its e-mail again.",
  tag: "Links",
  access: "actor",
  body: { schema: LINK_CHANGES, required: true },
  responses: { 200: { description: "The link as stored.", schema: "Link" } },
  errors: [...LINK_ERRORS],
  async run({ paylinks, params, body, actor, locale }) {
    const link = await paylinks.update(params.linkId as string, body as LinkChanges, { actor, locale });
    return { status: 200, body: linkJson(link) };
  },
};

/** `PUT /links/{linkId}/expiry`: `changeExpiry`. */
export const changeExpiryOperation: Operation = {
  operationId: "changeExpiry",
  method: "PUT",
  path: "/links/{linkId}/expiry",
  summary: "Moves the expiry of a running or expired link (reopening an expired one); nothing is sent.",
  tag: "Links",
  access: "actor",
  body: { schema: EXPIRY_CHANGE, required: true },
  responses: { 200: { description: "The link as stored.", schema: "Link" } },
  errors: [...LINK_ERRORS],
  async run({ paylinks, params, body, actor, locale }) {
    const link = await paylinks.changeExpiry(params.linkId as string, body as ExpiryChange, { actor, locale });
    return { status: 200, body: linkJson(link) };
  },
};

/** `PUT /links/{linkId}/reminders`: `changeReminders`. */
export const changeRemindersOperation: Operation = {
  operationId: "changeReminders",
  method: "PUT",
  path: "/links/{linkId}/reminders",
  summary:
    "Sets the reminder schedule of a running link ({} removes it): each reminder after now and at or before the expiry.",
  tag: "Links",
  access: "actor",
  body: { schema: REMINDER_SCHEDULE, required: true },
  responses: { 200: { description: "The link as stored, with its next reminder.", schema: "Link" } },
  errors: [...LINK_ERRORS],
  async run({ paylinks, params, body, actor, locale }) {
    const link = await paylinks.changeReminders(params.linkId as string, body as ReminderScheduleInput, {
      actor,
      locale,
    });
    return { status: 200, body: linkJson(link) };
  },
};

/** An action on a link that takes no body. */
function action(operationId: string, verb: "resend" | "cancel" | "reactivate", summary: string): Operation {
  return {
    operationId,
    method: "POST",
    path: `/links/{linkId}/${verb}`,
    summary,
    tag: "Links",
    access: "actor",
    body: { schema: NO_FIELDS, required: false },
    responses: { 200: { description: "The link as stored.", schema: "Link" } },
    errors: [...LINK_ERRORS],
    async run({ paylinks, params, actor, locale }) {
      return { status: 200, body: linkJson(await paylinks[verb](params.linkId as string, { actor, locale })) };
    },
  };
}

/** `POST /links/{linkId}/resend`: `resend`. */
export const resendLinkOperation = action(
  "resendLink",
  "resend",
  "Queues a running link's e-mail again, with a new Message-ID.",
);

/** `POST /links/{linkId}/cancel`: `cancel`. */
export const cancelLinkOperation = action("cancelLink", "cancel", "Cancels a running link: it can no longer be paid.");

/** `POST /links/{linkId}/reactivate`: `reactivate`. */
export const reactivateLinkOperation = action(
  "reactivateLink",
  "reactivate",
  "Makes a cancelled link run again, before its expiry.",
);

/** `POST /links/{linkId}/duplicate`: `duplicate`. */
export const duplicateLinkOperation: Operation = {
  operationId: "duplicateLink",
  method: "POST",
  path: "/links/{linkId}/duplicate",
  summary: "A new order from a link: everything but the reference (give a new one).",
  tag: "Links",
  access: "actor",
  body: { schema: DUPLICATE_REQUEST, required: false },
  responses: { 201: { description: "The new order.", schema: "OrderWithLinks" } },
  errors: [...LINK_ERRORS],
  async run({ paylinks, params, body, actor, locale }) {
    const reference = (body as { reference?: string } | undefined)?.reference;
    const made = await paylinks.duplicate(params.linkId as string, { actor, locale, reference });
    return { status: 201, body: orderWithLinksJson(made.order, made.links) };
  },
};
