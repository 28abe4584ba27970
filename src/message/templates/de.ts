import type { MessageTemplate } from "../message-template";

/** The default message in German, written for paylinks. */
export const templateDe: MessageTemplate = {
  subject: "%shop_name%: Ihr Zahlungslink",
  body: "%shop_name%\n\nGuten Tag,\n\nüber den folgenden Link können Sie %amount% sicher online an %shop_name% bezahlen. Der Link ist bis einschließlich %end_date% gültig.\n\n%url%\n\nBestellreferenz: %reference%\nIhre Kundenreferenz: %buyer_reference%\n\nBei Fragen schreiben Sie uns gerne an %shop_contact%.\n%shop_url%\n\nVielen Dank und freundliche Grüße",
};
