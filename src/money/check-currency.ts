import type { Check } from "../internal/issue-sink";
import { preview } from "../internal/preview";
import type { ShopConfig } from "../shop/shop-config";
import { getCurrency } from "./get-currency";

/** A currency once checked: its code (as typed when unknown) and its decimals (`undefined` when unknown). */
export interface CheckedCurrency {
  readonly code: string;
  readonly digits: number | undefined;
}

/**
 * Checks an ISO 4217 code, and that the shop accepts it when a shop is given. The code and the decimals come back
 * even with an issue (the amount is still read with them), so read the sink's issues to know. Internal.
 */
export const checkCurrency: Check<{ readonly shop?: ShopConfig | undefined }, CheckedCurrency> = (
  raw,
  { shop },
  sink,
) => {
  if (typeof raw !== "string") {
    sink.add("type_invalid", { expected: "string" });
    return { code: "", digits: undefined };
  }
  const known = getCurrency(raw);
  if (!known) {
    sink.add("currency_unknown", { value: preview(raw) });
    return { code: raw.trim(), digits: undefined };
  }
  if (shop && !shop.currencies.includes(known.code)) {
    sink.add("currency_not_accepted", { currency: known.code, accepted: shop.currencies.join(", ") });
  }
  return { code: known.code, digits: known.digits };
};
