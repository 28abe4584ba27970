import { MODES } from "../../actor/actor";
import { PAYMENT_METHOD_SAVINGS, THREE_DS_PREFERENCES } from "../../advanced/advanced-parameters";
import { DELIVERY_STATUSES, PAYMENT_STATUSES } from "../../ports/statuses";

/*
 * The JSON Schemas (draft 2020-12, as OpenAPI 3.1 uses) of what the API answers. Every object lists all its
 * fields and allows no other, and an absent value is `null`: a test validates every answer of the test suite
 * against them, so they cannot drift from what `json-output.ts` writes.
 */

/** A JSON Schema object. */
export type JsonSchema = Readonly<Record<string, unknown>>;

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const string: JsonSchema = { type: "string" };
const nullableString: JsonSchema = { type: ["string", "null"] };
const integer: JsonSchema = { type: "integer" };
const boolean: JsonSchema = { type: "boolean" };
const instant: JsonSchema = { type: "string", format: "date-time" };
const nullableInstant: JsonSchema = { type: ["string", "null"], format: "date-time" };
const strings: JsonSchema = { type: "array", items: string };
const variables: JsonSchema = {
  type: "object",
  description: "The custom message variables the e-mail was rendered with, by name; {} when there are none.",
  additionalProperties: string,
};
const oneOf = (values: readonly string[]): JsonSchema => ({ type: "string", enum: [...values] });

/** An object with these fields, all required, and no other. */
function object(properties: Readonly<Record<string, JsonSchema>>, description?: string): JsonSchema {
  return {
    type: "object",
    ...(description === undefined ? {} : { description }),
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

const ADVANCED = object(
  {
    language: string,
    dataCollectionForm: boolean,
    validityDays: integer,
    paymentMethodSaving: oneOf(PAYMENT_METHOD_SAVINGS),
    threeDsPreference: oneOf(THREE_DS_PREFERENCES),
    manualValidation: boolean,
    captureDelayDays: integer,
    expiresAt: instant,
    reminders: {
      oneOf: [
        { type: "null" },
        object(
          {
            beforeExpiry: { type: "array", items: integer },
            afterCreation: { type: "array", items: integer },
            time: string,
          },
          "Days before the expiry day and after the creation day, at a time of day HH:MM in the shop's zone.",
        ),
      ],
    },
  },
  "Step 2, every default applied; reminders is null when the link has none.",
);

const MESSAGE = object(
  {
    subject: string,
    body: string,
    reminder: { oneOf: [{ type: "null" }, object({ subject: string, body: string })] },
  },
  "Step 3: the template the links were rendered from; reminder is null for the default reminder.",
);

const PLANNED_ORDER_FIELDS = {
  id: string,
  mode: oneOf(MODES),
  shopId: string,
  amount: { type: "integer", description: "In minor units." },
  currency: string,
  reference: nullableString,
  buyerReference: nullableString,
  advanced: ref("AdvancedParameters"),
  message: ref("MessageTemplate"),
  bcc: strings,
  linkCount: integer,
  createdAt: instant,
  createdBy: string,
} as const;

const PLANNED_LINK_FIELDS = {
  id: string,
  token: { type: "string", description: "The secret of the link's URL." },
  url: string,
  reference: nullableString,
  recipient: string,
  bcc: strings,
  subject: string,
} as const;

const ISSUE = object({
  code: string,
  path: { type: "array", items: { type: ["string", "integer"] } },
  message: string,
  params: {
    type: "object",
    additionalProperties: { type: ["string", "number", "boolean"] },
  },
});
// `params` is left out of issues that have none.
const ISSUE_SCHEMA: JsonSchema = { ...ISSUE, required: ["code", "path", "message"] };

const PAGE_LINK = object(
  {
    linkId: string,
    shopId: string,
    shopName: string,
    mode: oneOf(MODES),
    amount: integer,
    currency: string,
    reference: nullableString,
    buyerReference: nullableString,
    recipient: string,
    expiresAt: instant,
    language: string,
  },
  "What a payment page shows: never the token, the URL, the e-mail or the blind copies.",
);

/** Every schema of the API, by component name. */
export const RESPONSE_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  AdvancedParameters: ADVANCED,
  MessageTemplate: MESSAGE,
  Order: object({ ...PLANNED_ORDER_FIELDS, idempotencyKey: nullableString, requestFingerprint: nullableString }),
  Link: object(
    {
      ...PLANNED_LINK_FIELDS,
      orderId: string,
      shopId: string,
      mode: oneOf(MODES),
      createdBy: string,
      position: integer,
      amount: integer,
      currency: string,
      buyerReference: nullableString,
      advanced: ref("AdvancedParameters"),
      message: ref("MessageTemplate"),
      expiresAt: instant,
      createdAt: instant,
      updatedAt: instant,
      version: integer,
      openedAt: nullableInstant,
      variables,
      payment: object({ status: oneOf(PAYMENT_STATUSES), transactionId: nullableString, at: nullableInstant }),
      delivery: object({
        status: oneOf(DELIVERY_STATUSES),
        sendCount: integer,
        attempts: integer,
        nextAttemptAt: nullableInstant,
        leaseOwner: nullableString,
        leaseExpiresAt: nullableInstant,
        lastError: nullableString,
        messageId: nullableString,
        sentAt: nullableInstant,
      }),
      reminders: object(
        {
          sent: integer,
          nextAt: nullableInstant,
          attempts: integer,
          lastError: nullableString,
          lastSentAt: nullableInstant,
        },
        "How many reminders went out and when the next one is due (null when none is left).",
      ),
    },
    "A link as stored, without the e-mail's text and HTML parts.",
  ),
  OrderWithLinks: object({ order: ref("Order"), links: { type: "array", items: ref("Link") } }),
  CreatedOrder: object({
    order: ref("Order"),
    links: { type: "array", items: ref("Link") },
    created: { type: "boolean", description: "false when an earlier request with this Idempotency-Key made it." },
  }),
  OrderPlan: object(
    {
      order: object(PLANNED_ORDER_FIELDS),
      links: {
        type: "array",
        items: object({
          ...PLANNED_LINK_FIELDS,
          text: string,
          html: string,
          amount: integer,
          currency: string,
          buyerReference: nullableString,
          variables,
        }),
      },
    },
    "What createOrder would store, with every e-mail rendered.",
  ),
  LinkPage: object({ links: { type: "array", items: ref("Link") }, nextCursor: nullableString }),
  PaymentPageLink: PAGE_LINK,
  LinkOpening: {
    oneOf: [
      object({ payable: { const: true }, link: ref("PaymentPageLink") }),
      object({
        payable: { const: false },
        reason: oneOf(["expired", "cancelled", "paid", "refused"]),
        link: ref("PaymentPageLink"),
      }),
      object({ payable: { const: false }, reason: { const: "unknown" } }),
    ],
  },
  NotificationOutcome: object({
    outcome: oneOf(["applied", "duplicate", "ignored"]),
    reason: { type: ["string", "null"], enum: ["already_paid", "already_refused", "cancelled", "after_expiry", null] },
    linkId: string,
    paymentStatus: oneOf(PAYMENT_STATUSES),
  }),
  Health: object({
    status: oneOf(["ok", "unavailable"]),
    store: oneOf(["ok", "unavailable"]),
    worker: object({
      running: boolean,
      startedAt: nullableInstant,
      lastBatchAt: nullableInstant,
      lastError: nullableString,
      batches: integer,
    }),
  }),
  Issue: ISSUE_SCHEMA,
  Error: object({
    error: object({
      code: string,
      message: { type: "string", description: "For the person using the API, in the language of Accept-Language." },
      detail: { type: ["string", "null"], description: "For developers, in English." },
      issues: { type: "array", items: ref("Issue") },
      details: { type: "object", additionalProperties: string },
    }),
  }),
};

/** A reference to a component schema. Internal. */
export const schemaRef = ref;
