import type { ValidatedRow } from "../batch/batch-row";
import { compileMessage } from "../message/render-message";
import type { PlannedLink } from "./payment-order-plan";
import type { ValidatedRequest } from "./payment-order-request";

/** Who a link is: what stays when its e-mail is rendered again. */
export interface LinkIdentity {
  /** The link's id. */
  readonly id: string;
  /** The link's secret token. */
  readonly token: string;
  /** The payment page URL. */
  readonly url: string;
  /** The link's final reference, suffix included. */
  readonly reference: string | undefined;
  /** The buyer's address. */
  readonly recipient: string;
}

/** The row a link of a batch is rendered for, with its final reference. Internal. */
export interface RowToRender {
  readonly row: ValidatedRow;
  readonly reference: string | undefined;
}

const hasKeys = (record: Readonly<Record<string, string>> | undefined): record is Readonly<Record<string, string>> =>
  record !== undefined && Object.keys(record).length > 0;

/**
 * Prepares the rendering of the links of a validated request: the message is compiled once, and each call fills
 * in one link's identity. For a batch, it is compiled once per row, with the row's own values. Internal:
 * {@link planOrder} and {@link renderLink} use it.
 * @param request - The validated request.
 * @param batchRow - The row of a batch to render, if any.
 * @returns A function that renders one link.
 */
export function linkRenderer(
  request: ValidatedRequest,
  batchRow?: RowToRender,
): (identity: LinkIdentity) => PlannedLink {
  const { shop, link, advanced, message, createdAt } = request;
  const row = batchRow?.row;
  const amount = row ? row.amount : link.amount;
  const currency = row ? row.currency : link.currency;
  const buyerReference = row ? row.buyerReference : link.buyerReference;
  const variables = row ? row.variables : request.variables;
  const render = compileMessage(
    message,
    {
      reference: batchRow ? batchRow.reference : link.orderReference,
      amount,
      currency,
      startDate: createdAt,
      endDate: advanced.expiresAt,
      shopName: shop.name,
      shopContact: shop.contactEmail,
      shopUrl: shop.url,
      buyerReference,
      variables,
    },
    { language: advanced.language, timezone: shop.timezone },
  );
  const bcc = Object.freeze([...link.bcc]);
  // A row's own values, and the custom variables, go with the link so that it can be stored and rendered again.
  const own = {
    ...(row ? { amount, currency, buyerReference } : {}),
    ...(hasKeys(variables) ? { variables } : {}),
  };
  return (identity) => {
    const { subject, text, html } = render({ reference: identity.reference, url: identity.url });
    const { id, token, url, reference, recipient } = identity;
    return { id, token, url, reference, recipient, bcc, subject, text, html, ...own };
  };
}

/**
 * Renders one link of a validated request for an identity that already exists (its id, token, URL and reference
 * stay): what editing a link does once the edited request is validated. No validation, no new id.
 *
 * @param request - The validated request (one recipient: the link's).
 * @param identity - The link's id, token, URL, reference and recipient.
 * @returns The link with its rendered e-mail.
 * @example
 * ```ts
 * const edited = validateRequest({ link: { ...step1, amount: 5990 } }, { shop, now });
 * if (edited.ok) renderLink(edited.value, { id, token, url, reference, recipient }).subject;
 * ```
 */
export function renderLink(request: ValidatedRequest, identity: LinkIdentity): PlannedLink {
  return linkRenderer(request)(identity);
}
