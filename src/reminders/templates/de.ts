import type { MessageTemplate } from "../../message/message-template";

/** The default reminder in German, written for paylinks. */
export const reminderDe: MessageTemplate = {
  subject: "%shop_name%: Erinnerung an Ihren Zahlungslink",
  body: "%shop_name%\n\nGuten Tag,\n\ndies ist Erinnerung Nr. %reminder_number% zu Ihrer Zahlung von %amount% an %shop_name%, die bei uns noch nicht eingegangen ist. Über den folgenden Link können Sie weiterhin sicher online bezahlen, bis einschließlich %end_date% (verbleibende Tage: %days_left%).\n\n%url%\n\nBestellreferenz: %reference%\nIhre Kundenreferenz: %buyer_reference%\n\nWenn Sie bereits bezahlt haben, betrachten Sie diese Nachricht bitte als gegenstandslos. Bei Fragen schreiben Sie uns gerne an %shop_contact%.\n%shop_url%\n\nVielen Dank und freundliche Grüße",
};
