import type { MessageTemplate } from "../../message/message-template";

/** The default reminder in Dutch, written for paylinks. */
export const reminderNl: MessageTemplate = {
  subject: "%shop_name%: herinnering, uw betaallink wacht op u",
  body: "%shop_name%\n\nBeste klant,\n\nDit is herinnering nr. %reminder_number% over uw betaling van %amount% aan %shop_name%, die wij nog niet hebben ontvangen. U kunt nog steeds veilig online betalen via de onderstaande link, tot en met %end_date% (resterende dagen: %days_left%).\n\n%url%\n\nOrderreferentie: %reference%\nKlantreferentie: %buyer_reference%\n\nHeeft u al betaald, dan kunt u dit bericht negeren. Voor vragen kunt u ons schrijven op %shop_contact%.\n%shop_url%\n\nHartelijk dank.",
};
