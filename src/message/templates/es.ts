import type { MessageTemplate } from "../message-template";

/** The default message in Spanish, written for paylinks. */
export const templateEs: MessageTemplate = {
  subject: "%shop_name%: su enlace de pago",
  body: "%shop_name%\n\nHola:\n\nPuede pagar %amount% a %shop_name% en línea y de forma segura con el siguiente enlace, válido hasta el %end_date% inclusive.\n\n%url%\n\nReferencia del pedido: %reference%\nSu referencia de cliente: %buyer_reference%\n\nSi tiene alguna pregunta, escríbanos a %shop_contact%.\n%shop_url%\n\nMuchas gracias y hasta pronto.",
};
