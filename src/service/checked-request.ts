import type { Actor, Mode } from "../actor/actor";
import { preview, textOf } from "../internal/preview";
import { readField } from "../internal/read-field";
import { createIssue } from "../issues/create-issue";
import { PaylinksError } from "../issues/paylinks-error";
import { localeOf } from "../locales/locale-codes";
import type { OrderRequest, ValidatedRequest } from "../order/payment-order-request";
import { validateRequest } from "../order/validate-request";
import { authorize } from "./authorize";
import type { CallOptions, ServiceContext } from "./service-context";

/** The shop and mode a request is for, read before anything else so that the actor is checked first. Internal. */
export interface RequestTarget {
  /** The shop's id. */
  readonly shopId: string;
  /** PRODUCTION or TEST. */
  readonly mode: Mode;
}

/**
 * Reads the shop and the mode of a raw request and authorises the actor for them, before the shop is looked up
 * or anything is read. Internal.
 * @throws {@link PaylinksError} `forbidden`, or `invalid_request` when the shop id or mode is unusable.
 */
export function authorizeRequest(request: OrderRequest, action: string, options: CallOptions): RequestTarget {
  const locale = localeOf(options.locale);
  const link = readField(request, "link");
  const shopId = readField(link, "shopId");
  const mode = readField(link, "mode") ?? "PRODUCTION";
  // The actor's own rights come first: an actor without them learns nothing of the request's problems.
  authorize(options.actor, action);
  if (typeof shopId !== "string") {
    const issue = createIssue("type_invalid", ["link", "shopId"], { expected: "string" }, locale);
    throw new PaylinksError("invalid_request", "The request has no shop id", { issues: [issue] });
  }
  if (mode !== "PRODUCTION" && mode !== "TEST") {
    const issue = createIssue("mode_invalid", ["link", "mode"], { value: preview(textOf(mode)) }, locale);
    throw new PaylinksError("invalid_request", "The request has an invalid mode", { issues: [issue] });
  }
  authorize(options.actor, action, { shopIds: [shopId], modes: [mode] });
  return { shopId, mode };
}

/**
 * Validates a request for its shop, at the given instant (the service's current one by default), in the caller's locale. Internal.
 * @throws {@link PaylinksError} `not_found` for an unknown shop, `invalid_request` with every issue.
 */
export async function checkedRequest(
  context: ServiceContext,
  request: OrderRequest,
  target: RequestTarget,
  options: { readonly actor: Actor; readonly locale?: CallOptions["locale"]; readonly now?: Date | undefined },
): Promise<ValidatedRequest> {
  const shop = await context.findShop(target.shopId);
  const result = validateRequest(request, {
    shop,
    actor: options.actor,
    now: options.now ?? context.clock.now(),
    locale: localeOf(options.locale),
  });
  if (!result.ok) {
    throw new PaylinksError("invalid_request", `The request has ${result.issues.length} issue(s)`, {
      issues: result.issues,
    });
  }
  return result.value;
}
