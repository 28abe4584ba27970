import type { MessageTemplate } from "./message-template";

/**
 * The default message in each language paylinks ships, written for this library. The Portuguese text is
 * Brazilian, like the formatting `Intl` applies to `pt`. Each line that uses an
 * optional variable (`%reference%`, `%buyer_reference%`, `%shop_contact%`, `%shop_url%`) stands alone, so that it
 * can be left out when the value is missing.
 */
export const DEFAULT_MESSAGES: Readonly<Record<"en" | "fr" | "de" | "es" | "it" | "nl" | "pt", MessageTemplate>> = {
  en: {
    subject: "%shop_name%: your payment link",
    body: "%shop_name%\n\nHello,\n\nYou can pay %amount% to %shop_name% securely online with the link below. It remains valid up to and including %end_date%.\n\n%url%\n\nOrder reference: %reference%\nCustomer reference: %buyer_reference%\n\nIf you have any questions, please write to us at %shop_contact%.\n%shop_url%\n\nThank you.",
  },
  fr: {
    subject: "%shop_name%\u00a0: votre lien de paiement",
    body: "%shop_name%\n\nBonjour,\n\nVous pouvez régler %amount% à %shop_name% en ligne, en toute sécurité, grâce au lien ci-dessous. Il reste valable jusqu’au %end_date% inclus.\n\n%url%\n\nRéférence de la commande\u00a0: %reference%\nRéférence client\u00a0: %buyer_reference%\n\nPour toute question, écrivez-nous à %shop_contact%.\n%shop_url%\n\nMerci et à bientôt.",
  },
  de: {
    subject: "%shop_name%: Ihr Zahlungslink",
    body: "%shop_name%\n\nGuten Tag,\n\nüber den folgenden Link können Sie %amount% sicher online an %shop_name% bezahlen. Der Link ist bis einschließlich %end_date% gültig.\n\n%url%\n\nBestellreferenz: %reference%\nIhre Kundenreferenz: %buyer_reference%\n\nBei Fragen schreiben Sie uns gerne an %shop_contact%.\n%shop_url%\n\nVielen Dank und freundliche Grüße",
  },
  es: {
    subject: "%shop_name%: su enlace de pago",
    body: "%shop_name%\n\nHola:\n\nPuede pagar %amount% a %shop_name% en línea y de forma segura con el siguiente enlace, válido hasta el %end_date% inclusive.\n\n%url%\n\nReferencia del pedido: %reference%\nSu referencia de cliente: %buyer_reference%\n\nSi tiene alguna pregunta, escríbanos a %shop_contact%.\n%shop_url%\n\nMuchas gracias y hasta pronto.",
  },
  it: {
    subject: "%shop_name%: il suo link di pagamento",
    body: "%shop_name%\n\nGentile cliente,\n\ncon il link qui sotto può pagare %amount% a %shop_name% online, in tutta sicurezza.\nData di scadenza del link: %end_date%.\n\n%url%\n\nRiferimento dell’ordine: %reference%\nIl suo codice cliente: %buyer_reference%\n\nPer qualsiasi domanda, ci scriva a %shop_contact%.\n%shop_url%\n\nGrazie e a presto.",
  },
  nl: {
    subject: "%shop_name%: uw betaallink",
    body: "%shop_name%\n\nBeste klant,\n\nVia de onderstaande link kunt u %amount% veilig online betalen aan %shop_name%. De link is geldig tot en met %end_date%.\n\n%url%\n\nBestelreferentie: %reference%\nUw klantreferentie: %buyer_reference%\n\nHeeft u een vraag? Mail ons gerust via %shop_contact%.\n%shop_url%\n\nHartelijk dank en tot ziens.",
  },
  pt: {
    subject: "%shop_name%: seu link de pagamento",
    body: "%shop_name%\n\nOlá,\n\nVocê pode pagar %amount% a %shop_name% on-line, com segurança, pelo link abaixo. O link é válido até %end_date%, inclusive.\n\n%url%\n\nReferência do pedido: %reference%\nSua referência de cliente: %buyer_reference%\n\nEm caso de dúvidas, escreva para %shop_contact%.\n%shop_url%\n\nObrigado e até breve.",
  },
};

/**
 * The default message (subject and body) for a language. A regional tag uses its language (`fr-CA` → `fr`);
 * a language paylinks has no text for falls back to English.
 *
 * @param language - A language tag such as `"fr"`, `"de-AT"`.
 * @returns The default template.
 * @example
 * ```ts
 * defaultMessage("fr").subject; // "%shop_name%\u00a0: votre lien de paiement" (a no-break space before the colon)
 * ```
 */
export function defaultMessage(language: string): MessageTemplate {
  const base = primaryLanguage(language);
  return Object.hasOwn(DEFAULT_MESSAGES, base)
    ? DEFAULT_MESSAGES[base as keyof typeof DEFAULT_MESSAGES]
    : DEFAULT_MESSAGES.en;
}

/** The primary language subtag of a tag, as `Intl` reads it (`fr_CA` → `fr`, `nld` → `nl`, `frr` stays `frr`). */
function primaryLanguage(tag: string): string {
  let canonical = String(tag).trim().replace(/_/g, "-");
  try {
    canonical = Intl.getCanonicalLocales(canonical)[0] ?? canonical;
  } catch {
    // Not a well-formed tag: read its first subtag as written.
  }
  return (canonical.split("-")[0] ?? "").toLowerCase();
}
