import type { MessageTemplate } from "../message-template";

/** The default message in Dutch, written for paylinks. */
export const templateNl: MessageTemplate = {
  subject: "%shop_name%: uw betaallink",
  body: "%shop_name%\n\nBeste klant,\n\nVia de onderstaande link kunt u %amount% veilig online betalen aan %shop_name%. De link is geldig tot en met %end_date%.\n\n%url%\n\nBestelreferentie: %reference%\nUw klantreferentie: %buyer_reference%\n\nHeeft u een vraag? Mail ons gerust via %shop_contact%.\n%shop_url%\n\nHartelijk dank en tot ziens.",
};
