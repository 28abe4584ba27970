import type { MessageTemplate } from "../../message/message-template";

/** The default reminder in Italian, written for paylinks. */
export const reminderIt: MessageTemplate = {
  subject: "%shop_name%: promemoria, il suo link di pagamento la aspetta",
  body: "%shop_name%\n\nGentile cliente,\n\nquesto è il promemoria n. %reminder_number% relativo al suo pagamento di %amount% a %shop_name%, che non abbiamo ancora ricevuto. Può ancora pagare online in modo sicuro con il link qui sotto, fino al %end_date% compreso (giorni rimanenti: %days_left%).\n\n%url%\n\nRiferimento dell’ordine: %reference%\nRiferimento cliente: %buyer_reference%\n\nSe ha già pagato, non tenga conto di questo messaggio. Per qualsiasi domanda, ci scriva a %shop_contact%.\n%shop_url%\n\nGrazie.",
};
