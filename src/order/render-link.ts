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

/**
 * Prepares the rendering of the links of a validated request: the message is compiled once, and each call fills
 * in one link's identity. Internal: {@link planOrder} and {@link renderLink} use it.
 * @param request - The validated request.
 * @returns A function that renders one link.
 */
export function linkRenderer(request: ValidatedRequest): (identity: LinkIdentity) => PlannedLink {
  const { shop, link, advanced, message, createdAt } = request;
  const render = compileMessage(
    message,
    {
      reference: link.orderReference,
      amount: link.amount,
      currency: link.currency,
      startDate: createdAt,
      endDate: advanced.expiresAt,
      shopName: shop.name,
      shopContact: shop.contactEmail,
      shopUrl: shop.url,
      buyerReference: link.buyerReference,
    },
    { language: advanced.language, timezone: shop.timezone },
  );
  const bcc = Object.freeze([...link.bcc]);
  return (identity) => {
    const { subject, text, html } = render({ reference: identity.reference, url: identity.url });
    const { id, token, url, reference, recipient } = identity;
    return { id, token, url, reference, recipient, bcc, subject, text, html };
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
