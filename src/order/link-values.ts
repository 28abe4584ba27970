import type { PlannedLink, PlannedOrder } from "./payment-order-plan";

/** What a planned link is for: its own amount, currency and buyer reference (a batch row's), or its order's. */
export interface LinkValues {
  readonly amount: number;
  readonly currency: string;
  readonly buyerReference: string | undefined;
}

/**
 * The amount, currency and buyer reference of a planned link: a batch row's own, or else its order's. The one
 * place the fallback is written; the store's records, the HTTP plan and the command's dry run read it. Internal.
 * @param order - The link's order.
 * @param link - The link.
 * @returns Its values.
 */
export function linkValues(
  order: Pick<PlannedOrder, "amount" | "currency" | "buyerReference">,
  link: PlannedLink,
): LinkValues {
  return {
    amount: link.amount ?? order.amount,
    currency: link.currency ?? order.currency,
    buyerReference: "buyerReference" in link ? link.buyerReference : order.buyerReference,
  };
}
