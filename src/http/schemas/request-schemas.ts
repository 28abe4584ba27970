import * as z from "zod/mini";

/*
 * The shapes of the request bodies: which fields exist and their JSON types, and nothing more. The values are
 * checked by the service (amounts, addresses, references, expiry…), which reports every issue with its own codes;
 * these schemas only refuse unknown fields and wrong JSON types before the service is called, and describe the
 * bodies in the OpenAPI document.
 */

const text = z.string();
const texts = z.union([z.string(), z.array(z.string())]);

/** Step 1: the amount in minor units (a number) or as typed (a text); the recipients as one text or a list. */
const LINK = z.strictObject({
  shopId: text,
  mode: z.optional(text),
  amount: z.union([z.number(), z.string()]),
  currency: text,
  orderReference: z.optional(text),
  recipients: texts,
  buyerReference: z.optional(text),
  channel: z.optional(text),
  bcc: z.optional(
    z.strictObject({
      shopManager: z.optional(z.boolean()),
      me: z.optional(z.boolean()),
      addresses: z.optional(texts),
    }),
  ),
});

/** A reminder schedule: days before the expiry day, days after the creation day, and a time of day `HH:MM`. */
export const REMINDER_SCHEDULE = z.strictObject({
  beforeExpiry: z.optional(z.array(z.number())),
  afterCreation: z.optional(z.array(z.number())),
  time: z.optional(text),
});

/** The fields of step 2 but the reminders: every field optional; `expiresAt` is an ISO 8601 instant. */
const ADVANCED_FIELDS = {
  language: z.optional(text),
  dataCollectionForm: z.optional(z.boolean()),
  validityDays: z.optional(z.number()),
  paymentMethodSaving: z.optional(text),
  threeDsPreference: z.optional(text),
  manualValidation: z.optional(z.boolean()),
  captureDelayDays: z.optional(z.number()),
  expiresAt: z.optional(text),
};

/** Step 2, with the reminder schedule (`{}` for none). */
const ADVANCED = z.strictObject({ ...ADVANCED_FIELDS, reminders: z.optional(REMINDER_SCHEDULE) });

/** Step 3, with the reminder's own subject and body when the default reminder is not wanted. */
const MESSAGE = z.strictObject({
  subject: text,
  body: text,
  reminder: z.optional(z.strictObject({ subject: text, body: text })),
});

/** Custom message variables: names to texts. */
const VARIABLES = z.record(z.string(), z.string());

/** The body of `createOrder` and `previewOrder`: the three steps. */
export const ORDER_REQUEST = z.strictObject({
  link: LINK,
  advanced: z.optional(ADVANCED),
  message: z.optional(MESSAGE),
  variables: z.optional(VARIABLES),
});

/** Step 1 of a batch: no recipients (the rows have them), and the amount and currency as the rows' defaults. */
const BATCH_LINK = z.strictObject({
  shopId: text,
  mode: z.optional(text),
  amount: z.optional(z.union([z.number(), z.string()])),
  currency: z.optional(text),
  orderReference: z.optional(text),
  buyerReference: z.optional(text),
  channel: z.optional(text),
  bcc: LINK.shape.bcc,
});

/** The body of `createBatch` and `previewBatch`: step 1's defaults, the rows (cells by heading), steps 2 and 3. */
export const BATCH_REQUEST = z.strictObject({
  link: BATCH_LINK,
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
  advanced: z.optional(ADVANCED),
  message: z.optional(MESSAGE),
  variables: z.optional(VARIABLES),
});

/** The body of `updateLink`: what changes; `buyerReference: null` removes it; the reminders stay. */
export const LINK_CHANGES = z.strictObject({
  amount: z.optional(z.number()),
  currency: z.optional(text),
  recipient: z.optional(text),
  buyerReference: z.optional(z.nullable(text)),
  advanced: z.optional(z.strictObject(ADVANCED_FIELDS)),
  message: z.optional(MESSAGE),
  channel: z.optional(text),
});

/** The body of `changeExpiry`: days of validity from now, or an instant. */
export const EXPIRY_CHANGE = z.strictObject({
  validityDays: z.optional(z.number()),
  expiresAt: z.optional(text),
});

/** The body of `duplicateLink`. */
export const DUPLICATE_REQUEST = z.strictObject({ reference: z.optional(text) });

/** The body of the actions that take none (`resendLink`, `cancelLink`, `reactivateLink`): nothing, or `{}`. */
export const NO_FIELDS = z.strictObject({});

/** The query of `listLinks`: lists are comma-separated; instants are ISO 8601 with their offset. */
export const LIST_QUERY = z.strictObject({
  shopId: z.optional(text),
  mode: z.optional(text),
  orderId: z.optional(text),
  paymentStatus: z.optional(text),
  deliveryStatus: z.optional(text),
  referencePrefix: z.optional(text),
  recipient: z.optional(text),
  createdFrom: z.optional(z.iso.datetime({ offset: true })),
  createdTo: z.optional(z.iso.datetime({ offset: true })),
  createdBy: z.optional(text),
  expiresBefore: z.optional(z.iso.datetime({ offset: true })),
  limit: z.optional(z.string().check(z.regex(/^\d{1,4}$/))),
  cursor: z.optional(text),
});

/** A request schema. */
export type RequestSchema = z.ZodMiniType;
