import { advancedInput } from "../records";
import type { ServiceContext } from "../service-context";
import { loadLinkFor } from "./change-link";
import { type CreateOrderOptions, createOrder, type OrderWithLinks } from "./create-order";
import { linkInput } from "./rerender-link";

/** Options of `duplicate`: those of `createOrder`, and the new order's reference. */
export interface DuplicateOptions extends CreateOrderOptions {
  /** The new order's reference; left out, the new order has none. */
  readonly reference?: string | undefined;
}

/**
 * Creates a new order from a link: the same amount, recipient, blind copies, advanced parameters and message,
 * with a new reference. Internal: the service's `duplicate`.
 */
export async function duplicateLink(
  context: ServiceContext,
  linkId: string,
  options: DuplicateOptions,
): Promise<OrderWithLinks> {
  const link = await loadLinkFor(context, linkId, "duplicate", options?.actor);
  return createOrder(
    context,
    {
      link: linkInput(link, options.reference),
      advanced: { ...advancedInput(link), validityDays: link.advanced.validityDays },
      message: link.message,
      ...(link.variables ? { variables: link.variables } : {}),
    },
    options,
  );
}
