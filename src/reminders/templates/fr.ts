import type { MessageTemplate } from "../../message/message-template";

/** The default reminder in French, written for paylinks. */
export const reminderFr: MessageTemplate = {
  subject: "%shop_name%\u00a0: rappel, votre lien de paiement vous attend",
  body: "%shop_name%\n\nBonjour,\n\nCeci est le rappel n°\u00a0%reminder_number% concernant votre paiement de %amount% à %shop_name%, que nous n’avons pas encore reçu. Vous pouvez toujours régler en ligne, en toute sécurité, grâce au lien ci-dessous, jusqu’au %end_date% inclus (jours restants\u00a0: %days_left%).\n\n%url%\n\nRéférence de la commande\u00a0: %reference%\nRéférence client\u00a0: %buyer_reference%\n\nSi vous avez déjà payé, ne tenez pas compte de ce message. Pour toute question, écrivez-nous à %shop_contact%.\n%shop_url%\n\nMerci et à bientôt.",
};
