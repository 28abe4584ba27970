import { collect } from "../internal/issue-sink";
import type { Result } from "../issues/result";
import { checkRequest } from "./check-request";
import type { OrderRequest, RequestContext, ValidatedRequest } from "./payment-order-request";

/**
 * Validates the three steps of a payment order together and returns the validated value that {@link planOrder}
 * plans from: step 1 as {@link validateLinkParameters} (or {@link validateLinkForm} when the amount is a text),
 * step 2 as {@link validateAdvancedParameters}, step 3 as {@link validateMessageTemplate} (the content language's
 * default message when none is given). Every issue of the three steps comes back at once, with paths that start
 * with `link`, `advanced` or `message`. It is pure: use it in the browser as the merchant fills the form, and on
 * the server (the service's `createOrder` calls it).
 *
 * @param request - The three steps.
 * @param context - The shop, the acting user, the creation instant and the message locale.
 * @returns The validated request, or the issues.
 * @throws {@link PaylinksError} `invalid_context` when `now` is not a valid `Date` (the caller's clock).
 * @example
 * ```ts
 * const checked = validateRequest(
 *   { link: { shopId: "shop-1", amount: "49,90", currency: "EUR", recipients: "a@example.fr; b@example.fr" } },
 *   { shop, now: new Date() },
 * );
 * if (checked.ok) console.log(checked.value.link.amount, checked.value.advanced.expiresAt); // 4990, …
 * ```
 */
export function validateRequest(request: OrderRequest, context: RequestContext): Result<ValidatedRequest> {
  return collect(context.locale, (sink) => checkRequest(request, context, sink));
}
