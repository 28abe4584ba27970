import { checkAdvanced } from "../advanced/validate-advanced-parameters";
import { createIssue } from "../issues/create-issue";
import type { Issue } from "../issues/issue";
import { PaylinksError } from "../issues/paylinks-error";
import { fail, ok, type Result } from "../issues/result";
import { checkLink } from "../link/check-link";
import { readField } from "../link/read-field";
import { defaultMessage } from "../message/default-messages";
import { compileMessage } from "../message/render-message";
import { checkMessageTemplate } from "../message/validate-message-template";
import { suffixReferences } from "../reference/suffix-references";
import type { PaymentOrderPlan, PaymentOrderRequest, PlanContext, PlannedLink } from "./payment-order-plan";

function newId(context: PlanContext, what: string): string {
  const id = context.generateId();
  if (typeof id !== "string" || id.length === 0) {
    throw new PaylinksError(
      "invalid_context",
      `generateId returned ${typeof id === "string" ? "an empty id" : typeof id} for ${what}`,
    );
  }
  return id;
}

/**
 * Plans a payment order: validates the three steps together and returns exactly what Send will create, one link
 * per recipient in list order, each with its id, secret token, URL, final reference, blind copies and rendered
 * e-mail. Nothing is stored or sent: the plan is also the preview a merchant reviews before sending.
 *
 * - Step 1 follows {@link validateLinkParameters}, step 2 {@link validateAdvancedParameters}, step 3
 *   {@link validateMessageTemplate} (the content language's default message when none is given).
 * - Every issue of the three steps comes back at once, with paths that start with `link`, `advanced` or
 *   `message`.
 * - It is pure: the same request with the same `now` and the same ids gives the same plan.
 *
 * @param request - The three steps.
 * @param context - The shop, the actor, the instant, and the id and URL functions.
 * @returns The plan, or the issues.
 * @throws {@link PaylinksError} `invalid_context` when `generateId` or `paymentUrl` return something that is not
 *   a non-empty string: those are the integrator's functions, not the merchant's input.
 * @example
 * ```ts
 * const result = planPaymentOrder(
 *   { link: { shopId: "shop-1", amount: 4990, currency: "EUR", orderReference: "Recouvrement",
 *             recipients: "a@example.fr;b@example.fr;c@example.fr", channel: "email" } },
 *   { shop, actor, now: new Date(), generateId: () => nanoid(), paymentUrl: (l) => `https://pay.example/t/${l.token}` },
 * );
 * // result.value.links.map((l) => l.reference): ["Recouvrement-001", "Recouvrement-002", "Recouvrement-003"]
 * ```
 */
export function planPaymentOrder(request: PaymentOrderRequest, context: PlanContext): Result<PaymentOrderPlan> {
  const { shop, actor, now, locale } = context;
  const issues: Issue[] = [];
  if (request === null || typeof request !== "object") {
    return fail([createIssue("type_invalid", [], { expected: "object" }, locale)]);
  }
  const link = checkLink(readField(request, "link"), { shop, actor, locale, amount: "minor" }, issues);
  prefix(issues, "link");
  const advanced = checkAdvanced(readField(request, "advanced"), { shop, now, locale }, ["advanced"], issues);
  const rawMessage = readField(request, "message");
  const message =
    rawMessage === undefined || rawMessage === null
      ? defaultMessage(advanced.language)
      : checkMessageTemplate(rawMessage, ["message"], issues, locale);
  if (issues.length > 0) return fail(issues);

  const orderId = newId(context, "the order");
  const references =
    link.orderReference === undefined ? undefined : suffixReferences(link.orderReference, link.recipients.length);
  const render = compileMessage(
    message,
    {
      reference: link.orderReference,
      amount: link.amount,
      currency: link.currency,
      startDate: now,
      endDate: advanced.expiresAt,
      shopName: shop.name,
      shopContact: shop.contactEmail,
      shopUrl: shop.url,
      buyerReference: link.buyerReference,
    },
    { language: advanced.language, timezone: shop.timezone },
  );
  const bcc = Object.freeze([...link.bcc]);
  const links: PlannedLink[] = new Array(link.recipients.length);
  for (let i = 0; i < link.recipients.length; i++) {
    const id = newId(context, "a link");
    const token = newId(context, "a token");
    const reference = references?.[i];
    const url = context.paymentUrl({ id, token, reference, orderId, shopId: shop.id, mode: link.mode });
    if (typeof url !== "string" || url.length === 0) {
      throw new PaylinksError("invalid_context", "paymentUrl must return a non-empty string");
    }
    const rendered = render({ reference, url });
    links[i] = { id, token, url, reference, recipient: link.recipients[i] as string, bcc, ...rendered };
  }
  return ok({
    order: {
      id: orderId,
      mode: link.mode,
      shopId: link.shopId,
      amount: link.amount,
      currency: link.currency,
      reference: link.orderReference,
      buyerReference: link.buyerReference,
      channel: "email",
      advanced,
      message,
      createdAt: now,
      expiresAt: advanced.expiresAt,
      createdBy: actor.id,
    },
    links,
  });
}

/** Puts `head` in front of the paths of the issues found so far. */
function prefix(issues: Issue[], head: string): void {
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i] as Issue;
    issues[i] = { ...issue, path: [head, ...issue.path] };
  }
}
