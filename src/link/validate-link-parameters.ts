import { collect } from "../internal/issue-sink";
import { PaylinksError } from "../issues/paylinks-error";
import type { Result } from "../issues/result";
import { checkLink } from "./check-link";
import type { LinkParameters, LinkParametersInput, LinkValidationContext } from "./link-parameters";

/**
 * Validates step 1 of the form ("Paramétrer le lien") with the amount in integer minor units, and reports
 * **every** issue at once, in field order, each with a path into the input.
 *
 * Rules: the shop matches; the mode is PRODUCTION or TEST; the amount is an integer from 1 to 999 999 999 999;
 * the currency is an active ISO 4217 code that the shop accepts; the order reference follows
 * {@link validateOrderReference} (mandatory if the shop says so, 64 characters with its suffix); the recipients
 * follow {@link splitRecipients}; the buyer reference has at most 64 characters and no control character; the
 * blind copies resolve to valid addresses.
 *
 * @param input - The step-1 parameters; any value is accepted and checked, nothing is thrown.
 * @param context - The `shop`, the acting user (`actor`, for the "copy to me" switch) and the message `locale`.
 * @returns The validated parameters, or the issues.
 * @example
 * ```ts
 * const result = validateLinkParameters(
 *   { shopId: "shop-1", amount: 4990, currency: "EUR", orderReference: "Recouvrement",
 *     recipients: "a@example.fr;b@example.fr;c@example.fr", channel: "email" },
 *   { shop },
 * );
 * if (!result.ok) for (const issue of result.issues) console.log(issue.path.join("."), issue.message);
 * ```
 */
export function validateLinkParameters(
  input: LinkParametersInput,
  context: LinkValidationContext,
): Result<LinkParameters> {
  return collect(context.locale, (sink) =>
    checkLink(input, { shop: context.shop, actor: context.actor, amount: "minor" }, sink),
  );
}

/**
 * Like {@link validateLinkParameters}, but throws.
 *
 * @param input - The step-1 parameters.
 * @param context - The shop, the actor and the locale.
 * @returns The validated parameters.
 * @throws {@link PaylinksError} with code `invalid_request` and every issue.
 */
export function assertLinkParameters(input: LinkParametersInput, context: LinkValidationContext): LinkParameters {
  const result = validateLinkParameters(input, context);
  if (!result.ok) {
    throw new PaylinksError(
      "invalid_request",
      `Invalid link parameters: ${result.issues.map((i) => i.code).join(", ")}`,
      {
        issues: result.issues,
      },
    );
  }
  return result.value;
}
