import type { PaymentUrlInput } from "../../order/payment-order-plan";

/** The placeholders a payment URL template may hold, each replaced by the URL-encoded value of the link. */
export const PAYMENT_URL_PLACEHOLDERS = ["token", "id", "reference", "orderId", "shopId", "mode"] as const;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/**
 * Checks a payment URL template: it must hold `{token}` (the only part of a link's URL that cannot be guessed),
 * only known placeholders, and be an absolute URL once they are filled in.
 *
 * @param template - E.g. `"https://pay.example.com/t/{token}"`.
 * @returns `"payment_url_token"`, `"payment_url_invalid"`, or `undefined` when the template is usable.
 */
export function checkPaymentUrlTemplate(template: string): "payment_url_token" | "payment_url_invalid" | undefined {
  const names = [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
  if (names.some((name) => !(PAYMENT_URL_PLACEHOLDERS as readonly string[]).includes(name))) {
    return "payment_url_invalid";
  }
  if (!names.includes("token")) return "payment_url_token";
  try {
    new URL(template.replace(PLACEHOLDER, "x"));
  } catch {
    return "payment_url_invalid";
  }
  return undefined;
}

/**
 * Makes the `paymentUrl` function of the service from a template checked by {@link checkPaymentUrlTemplate}.
 *
 * @param template - E.g. `"https://pay.example.com/t/{token}"`.
 * @returns The function: `{token}` → the link's token, `{reference}` → its reference (empty without one), …
 * @example
 * ```ts
 * paymentUrlFrom("https://pay.example.com/{mode}/{token}")(link); // "https://pay.example.com/TEST/V1StGX…"
 * ```
 */
export function paymentUrlFrom(template: string): (link: PaymentUrlInput) => string {
  return (link) =>
    template.replace(PLACEHOLDER, (_, name: string) =>
      encodeURIComponent(String(link[name as (typeof PAYMENT_URL_PLACEHOLDERS)[number]] ?? "")),
    );
}
