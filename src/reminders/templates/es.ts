import type { MessageTemplate } from "../../message/message-template";

/** The default reminder in Spanish, written for paylinks. */
export const reminderEs: MessageTemplate = {
  subject: "%shop_name%: recordatorio, su enlace de pago le espera",
  body: "%shop_name%\n\nHola:\n\nEste es el recordatorio n.º %reminder_number% sobre su pago de %amount% a %shop_name%, que aún no hemos recibido. Todavía puede pagar en línea de forma segura con el enlace siguiente, hasta el %end_date% inclusive (días restantes: %days_left%).\n\n%url%\n\nReferencia del pedido: %reference%\nReferencia de cliente: %buyer_reference%\n\nSi ya ha pagado, no tenga en cuenta este mensaje. Para cualquier pregunta, escríbanos a %shop_contact%.\n%shop_url%\n\nMuchas gracias.",
};
