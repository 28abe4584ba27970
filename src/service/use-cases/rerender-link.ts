import type { AdvancedParametersInput } from "../../advanced/advanced-parameters";
import type { LinkParametersInput } from "../../link/link-parameters";
import type { MessageTemplate } from "../../message/message-template";
import { renderLink } from "../../order/render-link";
import type { StoredLink } from "../../ports/payment-order-records";
import { checkedRequest } from "../checked-request";
import { advancedInput } from "../records";
import { rescheduled } from "../reminder-state";
import type { CallOptions, ServiceContext } from "../service-context";

/** The fields of a link that `update` may change. */
export interface LinkChanges {
  /** New amount, in minor units. */
  readonly amount?: number | undefined;
  /** New currency. */
  readonly currency?: string | undefined;
  /** New recipient address. */
  readonly recipient?: string | undefined;
  /** New buyer reference; `null` removes it. */
  readonly buyerReference?: string | null | undefined;
  /**
   * Changed advanced parameters; the expiry stays as it is unless `validityDays` or `expiresAt` is given. The
   * reminder schedule stays as it is (`changeReminders` sets another); the reminders relative to the expiry
   * move with it.
   */
  readonly advanced?: Omit<AdvancedParametersInput, "reminders"> | undefined;
  /** A new message template. */
  readonly message?: MessageTemplate | undefined;
  /** The channel cannot change: anything but `"email"` is refused. */
  readonly channel?: "email" | undefined;
}

/** The step 1 that reproduces a stored link, for one recipient (its own), with the given reference. Internal. */
export function linkInput(link: StoredLink, reference: string | undefined): LinkParametersInput {
  return {
    shopId: link.shopId,
    mode: link.mode,
    amount: link.amount,
    currency: link.currency,
    orderReference: reference,
    recipients: [link.recipient],
    buyerReference: link.buyerReference,
    channel: "email",
    bcc: { addresses: [...link.bcc] },
  };
}

/**
 * Validates a link as edited, through the same rules as a new order, and renders its e-mail again for the same
 * identity: its id, token, URL and reference stay. Internal: `update` and `changeExpiry`.
 * @throws {@link PaylinksError} `invalid_request` with every issue of the edited link.
 */
export async function rerenderLink(
  context: ServiceContext,
  link: StoredLink,
  changes: LinkChanges,
  options: CallOptions,
  now: Date,
): Promise<StoredLink> {
  const keepsExpiry = changes.advanced?.validityDays === undefined && changes.advanced?.expiresAt === undefined;
  const base = linkInput(link, link.reference);
  const validated = await checkedRequest(
    context,
    {
      link: {
        ...base,
        amount: changes.amount ?? link.amount,
        currency: changes.currency ?? link.currency,
        recipients: [changes.recipient ?? link.recipient],
        buyerReference: changes.buyerReference === null ? undefined : (changes.buyerReference ?? link.buyerReference),
        channel: changes.channel ?? "email",
      },
      advanced: {
        ...advancedInput(link),
        ...changes.advanced,
        // The stored schedule is kept, not checked again: its past reminders are history, not mistakes.
        reminders: {},
        ...(keepsExpiry ? { expiresAt: link.expiresAt } : {}),
      },
      message: changes.message ?? link.message,
      ...(link.variables ? { variables: link.variables } : {}),
    },
    link,
    { ...options, now },
  );
  const recipient = validated.link.recipients[0] ?? link.recipient;
  const rendered = renderLink(validated, {
    id: link.id,
    token: link.token,
    url: link.url,
    reference: link.reference,
    recipient,
  });
  const { reminders: _none, ...advanced } = validated.advanced;
  const kept = link.advanced.reminders;
  const edited: StoredLink = {
    ...link,
    recipient: rendered.recipient,
    amount: validated.link.amount,
    currency: validated.link.currency,
    buyerReference: validated.link.buyerReference,
    advanced: kept ? { ...advanced, reminders: kept } : advanced,
    message: validated.message,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    expiresAt: validated.advanced.expiresAt,
  };
  return rescheduled(edited, validated.shop.timezone, now);
}
