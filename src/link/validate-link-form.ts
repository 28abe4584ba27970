import { collect } from "../internal/issue-sink";
import type { Result } from "../issues/result";
import { checkLink } from "./check-link";
import type { LinkForm, LinkParameters, LinkValidationContext } from "./link-parameters";

/**
 * Validates step 1 from the strings a form holds, the amount as the person typed it (`"1 234,56"`), and
 * returns the same parameters as {@link validateLinkParameters}, amount in minor units. Every issue comes back
 * at once, so a form can show them all; the amount follows {@link parseAmount}.
 *
 * It is pure and small: use it in the browser as the merchant types, and again on the server.
 *
 * @param form - The form's values.
 * @param context - The `shop`, the acting user (`actor`) and the message `locale`.
 * @returns The validated parameters, or the issues.
 * @example
 * ```ts
 * const result = validateLinkForm(
 *   { shopId: "shop-1", amount: "49,90", currency: "EUR", orderReference: "",
 *     recipients: "a@example.fr; bob@", channel: "email" },
 *   { shop, locale: fr }, // fr from "paylinks/locales/fr"
 * );
 * // with shop.referenceRequired: reference_required at ["orderReference"], recipient_invalid at ["recipients", 1]
 * ```
 */
export function validateLinkForm(form: LinkForm, context: LinkValidationContext): Result<LinkParameters> {
  return collect(context.locale, (sink) =>
    checkLink(form, { shop: context.shop, actor: context.actor, amount: "text" }, sink),
  );
}
