import type { ValidatedRow } from "../batch/batch-row";
import { PaylinksError } from "../issues/paylinks-error";
import { suffixReferences } from "../reference/suffix-references";
import type { PaymentOrderPlan, PlannedLink, PlanOptions } from "./payment-order-plan";
import type { ValidatedRequest } from "./payment-order-request";
import { linkRenderer } from "./render-link";

function newId(options: PlanOptions, what: string): string {
  const id = options.generateId();
  if (typeof id !== "string" || id.length === 0) {
    throw new PaylinksError(
      "invalid_context",
      `generateId returned ${typeof id === "string" ? "an empty id" : typeof id} for ${what}`,
    );
  }
  return id;
}

const orderReferences = (base: string | undefined, count: number): string[] | undefined =>
  base === undefined ? undefined : suffixReferences(base, count);

/**
 * The final reference of each row of a batch: its own, or the order's suffixed `-001`, `-002`, … in row order
 * among the rows without one (even when only one row has none, as the batch has several links).
 */
function rowReferences(rows: readonly ValidatedRow[], base: string | undefined): (string | undefined)[] {
  const without = rows.filter((row) => row.reference === undefined).length;
  const suffixed = base === undefined ? [] : suffixReferences(base, rows.length > 1 ? Math.max(2, without) : without);
  let next = 0;
  return rows.map((row) => row.reference ?? suffixed[next++]);
}

/**
 * Plans a validated request: the order, and one link per recipient in list order, each with a new id and secret
 * token, its URL, its final reference (suffixed `-001`, `-002`, … when there are several recipients), its blind
 * copies and its rendered e-mail. It validates nothing (the request comes from {@link validateRequest}) and
 * stores nothing; it is pure: the same request with the same ids gives the same plan.
 *
 * @param request - The validated request.
 * @param options - The creator's id and the id and URL functions.
 * @returns The plan.
 * @throws {@link PaylinksError} `invalid_context` when `generateId` or `paymentUrl` return something that is not a
 *   non-empty string: those are the integrator's functions, not the merchant's input.
 * @example
 * ```ts
 * const checked = validateRequest(request, { shop, now: new Date() });
 * if (checked.ok) {
 *   const plan = planOrder(checked.value, { createdBy: "user-7", generateId, paymentUrl });
 *   console.log(plan.links.map((l) => l.reference));
 * }
 * ```
 */
export function planOrder(request: ValidatedRequest, options: PlanOptions): PaymentOrderPlan {
  const { shop, link, advanced, message, createdAt } = request;
  const orderId = newId(options, "the order");
  const rows = request.rows;
  const count = rows ? rows.length : link.recipients.length;
  const references = rows ? rowReferences(rows, link.orderReference) : orderReferences(link.orderReference, count);
  const shared = rows ? undefined : linkRenderer(request);
  const links: PlannedLink[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const id = newId(options, "a link");
    const token = newId(options, "a token");
    const reference = references?.[i];
    const url = options.paymentUrl({ id, token, reference, orderId, shopId: shop.id, mode: link.mode });
    if (typeof url !== "string" || url.length === 0) {
      throw new PaylinksError("invalid_context", "paymentUrl must return a non-empty string");
    }
    const row = rows?.[i];
    const render = shared ?? linkRenderer(request, { row: row as ValidatedRow, reference });
    links[i] = render({ id, token, url, reference, recipient: row ? row.recipient : (link.recipients[i] as string) });
  }
  return {
    order: {
      id: orderId,
      mode: link.mode,
      shopId: link.shopId,
      amount: link.amount,
      currency: link.currency,
      reference: link.orderReference,
      buyerReference: link.buyerReference,
      advanced,
      message,
      bcc: links[0]?.bcc ?? Object.freeze([...link.bcc]),
      linkCount: count,
      createdAt,
      createdBy: options.createdBy,
    },
    links,
  };
}
