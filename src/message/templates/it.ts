import type { MessageTemplate } from "../message-template";

/** The default message in Italian, written for paylinks. */
export const templateIt: MessageTemplate = {
  subject: "%shop_name%: il suo link di pagamento",
  body: "%shop_name%\n\nGentile cliente,\n\ncon il link qui sotto può pagare %amount% a %shop_name% online, in tutta sicurezza.\nData di scadenza del link: %end_date%.\n\n%url%\n\nRiferimento dell’ordine: %reference%\nIl suo codice cliente: %buyer_reference%\n\nPer qualsiasi domanda, ci scriva a %shop_contact%.\n%shop_url%\n\nGrazie e a presto.",
};
