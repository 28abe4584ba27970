import type { MessageTemplate } from "../message-template";

/** The default message in French, written for paylinks. */
export const templateFr: MessageTemplate = {
  subject: "%shop_name%\u00a0: votre lien de paiement",
  body: "%shop_name%\n\nBonjour,\n\nVous pouvez régler %amount% à %shop_name% en ligne, en toute sécurité, grâce au lien ci-dessous. Il reste valable jusqu’au %end_date% inclus.\n\n%url%\n\nRéférence de la commande\u00a0: %reference%\nRéférence client\u00a0: %buyer_reference%\n\nPour toute question, écrivez-nous à %shop_contact%.\n%shop_url%\n\nMerci et à bientôt.",
};
