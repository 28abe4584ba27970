import type { MessageTemplate } from "../../message/message-template";

/** The default reminder in Portuguese (Brazilian), written for paylinks. */
export const reminderPt: MessageTemplate = {
  subject: "%shop_name%: lembrete, seu link de pagamento está aguardando",
  body: "%shop_name%\n\nOlá,\n\nEste é o lembrete nº %reminder_number% sobre o seu pagamento de %amount% para %shop_name%, que ainda não recebemos. Você ainda pode pagar on-line com segurança pelo link abaixo, até %end_date%, inclusive (dias restantes: %days_left%).\n\n%url%\n\nReferência do pedido: %reference%\nReferência do cliente: %buyer_reference%\n\nSe você já pagou, desconsidere esta mensagem. Em caso de dúvida, escreva para %shop_contact%.\n%shop_url%\n\nObrigado.",
};
