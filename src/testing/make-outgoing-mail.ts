import type { OutgoingMail } from "../ports/mail-transport";

let sequence = 0;

/**
 * Builds a valid mail as the service hands it to a transport: one link's message to `buyer@example.com`, with a
 * blind copy to `manager@example.com`, a reply address, in English. Every call has a new link id and Message-ID.
 *
 * @param overrides - Fields to set.
 * @returns A new mail.
 * @example
 * ```ts
 * const sent = await transport.send(makeOutgoingMail({ to: "someone@example.org", bcc: [] }));
 * ```
 */
export function makeOutgoingMail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  const linkId = overrides.linkId ?? `mail-link-${String(++sequence).padStart(6, "0")}`;
  return {
    linkId,
    orderId: "order-1",
    shopId: "shop-1",
    mode: "PRODUCTION",
    messageId: `<${linkId}.1@paylinks.invalid>`,
    fromName: "Librairie Durand",
    replyTo: "contact@librairie-durand.example",
    to: "buyer@example.com",
    bcc: ["manager@example.com"],
    subject: "Payment request INV-2026-0001",
    text: "Hello,\nplease pay 49.90 EUR: https://pay.example.com/t/abc",
    html: '<p>Hello,</p><p>please pay 49.90 EUR: <a href="https://pay.example.com/t/abc">pay</a></p>',
    language: "en",
    ...overrides,
  };
}
