import { collect } from "../internal/issue-sink";
import type { Result } from "../issues/result";
import type { AdvancedParameters, AdvancedParametersContext, AdvancedParametersInput } from "./advanced-parameters";
import { checkAdvanced } from "./check-advanced";

/**
 * Validates step 2 ("Modifier les paramètres avancés") and applies every default and cross rule, reporting
 * every issue at once.
 *
 * - Each field left out takes the shop's default, else the library's (see {@link defaultAdvancedParameters}).
 * - The expiry is given as `validityDays` (0 to 90) or `expiresAt` (a day from today to 90 days ahead), not
 *   both; either way the link expires at 23:59:59 of its last day in the shop's time zone, and the value
 *   carries both `validityDays` and `expiresAt`.
 * - The data-collection form and saving the payment method exclude each other.
 * - Saving the payment method (`ask` or `always`) forces the 3-D Secure preference to `challenge_mandated`;
 *   an explicit other choice than `no_preference` or `challenge_mandated` is then an issue.
 * - An option the shop's `offer` excludes is an issue; a shop without `offer` includes them all.
 * - The capture delay is a whole number of days from 0 to 365.
 *
 * @param input - The step-2 input; `undefined` means "keep every default".
 * @param context - The `shop`, the creation instant `now`, and the message `locale`.
 * @returns The advanced parameters, or the issues.
 * @throws {@link PaylinksError} `invalid_context` when `now` is not a valid `Date` (the caller's clock, not the
 *   merchant's input).
 * @example
 * ```ts
 * validateAdvancedParameters({ paymentMethodSaving: "ask" }, { shop, now: new Date() });
 * // ok, with threeDsPreference "challenge_mandated"
 * ```
 */
export function validateAdvancedParameters(
  input: AdvancedParametersInput | undefined,
  context: AdvancedParametersContext,
): Result<AdvancedParameters> {
  return collect(context.locale, (sink) => checkAdvanced(input, context, sink));
}
