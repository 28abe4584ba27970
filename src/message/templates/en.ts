import type { MessageTemplate } from "../message-template";

/** The default message in English, written for paylinks. */
export const templateEn: MessageTemplate = {
  subject: "%shop_name%: your payment link",
  body: "%shop_name%\n\nHello,\n\nYou can pay %amount% to %shop_name% securely online with the link below. It remains valid up to and including %end_date%.\n\n%url%\n\nOrder reference: %reference%\nCustomer reference: %buyer_reference%\n\nIf you have any questions, please write to us at %shop_contact%.\n%shop_url%\n\nThank you.",
};
