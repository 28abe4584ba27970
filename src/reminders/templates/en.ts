import type { MessageTemplate } from "../../message/message-template";

/** The default reminder in English, written for paylinks. */
export const reminderEn: MessageTemplate = {
  subject: "%shop_name%: reminder, your payment link is waiting",
  body: "%shop_name%\n\nHello,\n\nThis is reminder %reminder_number% about your payment of %amount% to %shop_name%, which we have not received yet. You can still pay securely online with the link below, up to and including %end_date% (days left: %days_left%).\n\n%url%\n\nOrder reference: %reference%\nCustomer reference: %buyer_reference%\n\nIf you have already paid, please ignore this message. For any question, write to us at %shop_contact%.\n%shop_url%\n\nThank you.",
};
