import type { MessageTemplate } from "../message-template";

/** The default message in Brazilian Portuguese, written for paylinks. The text is Brazilian, like the formatting `Intl` applies to `pt`. */
export const templatePt: MessageTemplate = {
  subject: "%shop_name%: seu link de pagamento",
  body: "%shop_name%\n\nOlá,\n\nVocê pode pagar %amount% a %shop_name% on-line, com segurança, pelo link abaixo. O link é válido até %end_date%, inclusive.\n\n%url%\n\nReferência do pedido: %reference%\nSua referência de cliente: %buyer_reference%\n\nEm caso de dúvidas, escreva para %shop_contact%.\n%shop_url%\n\nObrigado e até breve.",
};
