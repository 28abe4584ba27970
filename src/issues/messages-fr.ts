import type { IssueParams } from "./issue";
import type { MessageCatalog } from "./message-catalog";

const TYPES: Readonly<Record<string, string>> = {
  string: "un texte",
  number: "un nombre",
  integer: "un nombre entier",
  boolean: "vrai ou faux",
  object: "un objet",
  list: "un texte ou une liste de textes",
};

const ADDRESS_REASONS: Readonly<Record<string, string>> = {
  at_missing: "il manque le @",
  local_empty: "rien ne précède le @",
  local_too_long: "la partie avant le @ dépasse 64 caractères",
  local_invalid: "la partie avant le @ contient un caractère ou un point non autorisé",
  domain_empty: "rien ne suit le @",
  domain_invalid: "le domaine après le @ n’est pas valide",
  tld_invalid: "le domaine doit se terminer par un libellé d’au moins 2 lettres, comme .fr ou .com",
  too_long: "elle dépasse 254 caractères",
};

const reason = (p: IssueParams): string => ADDRESS_REASONS[String(p.reason)] ?? "ce n’est pas une adresse valide";

/** Messages en français pour chaque code d'anomalie. */
export const messagesFr: MessageCatalog = {
  type_invalid: (p) => `Ce champ doit être ${TYPES[String(p.expected)] ?? String(p.expected)}.`,
  shop_mismatch: (p) =>
    `Ce lien concerne la boutique « ${p.received} », mais la boutique fournie est « ${p.expected} ».`,
  mode_invalid: (p) => `« ${p.value} » n’est pas un mode : choisissez PRODUCTION ou TEST.`,
  channel_unsupported: (p) => `« ${p.value} » n’est pas un canal d’envoi géré par paylinks : choisissez email.`,
  amount_invalid: () => "Saisissez le montant en chiffres uniquement, par exemple 49,90 ou 1 234,56.",
  amount_not_positive: () => "Saisissez un montant supérieur à zéro.",
  amount_too_precise: (p) =>
    p.digits === 0
      ? `${p.currency} n’a pas de décimales : saisissez un montant entier.`
      : `${p.currency} a ${p.digits} décimale${p.digits === 1 ? "" : "s"} : saisissez au plus ${p.digits} chiffre${p.digits === 1 ? "" : "s"} après la virgule.`,
  amount_too_large: (p) =>
    `Ce montant est trop élevé : ${p.maxDigits} chiffres au plus dans la plus petite unité de la devise.`,
  currency_unknown: (p) => `« ${p.value} » n’est pas un code de devise ISO 4217 en vigueur.`,
  currency_not_accepted: (p) => `Cette boutique n’accepte pas ${p.currency}. Devises acceptées : ${p.accepted}.`,
  reference_required: () => "Saisissez une référence de commande : cette boutique l’exige.",
  reference_too_long: (p) =>
    Number(p.recipientCount) > 1
      ? `Avec ${p.recipientCount} destinataires, la référence reçoit un suffixe comme -001 : limitez-la à ${p.maxBase} caractères (elle en compte ${p.length}).`
      : `Limitez la référence de commande à ${p.max} caractères (elle en compte ${p.length}).`,
  reference_invalid_character: (p) =>
    `La référence de commande ne peut contenir que des lettres A–Z, des chiffres, - et _ : « ${p.character} » en position ${p.position} n’est pas autorisé.`,
  recipients_empty: () => "Saisissez au moins une adresse e-mail d’acheteur.",
  recipient_invalid: (p) => `« ${p.value} » n’est pas une adresse e-mail valide : ${reason(p)}.`,
  recipient_duplicate: (p) =>
    `« ${p.value} » figure déjà dans la liste : chaque destinataire reçoit un lien, saisissez-le une seule fois.`,
  recipient_separator: (p) => `Séparez les adresses par « ; » et non par « , » : « ${p.value} ».`,
  buyer_reference_invalid: (p) =>
    `La référence de l’acheteur contient un caractère de contrôle invisible en position ${p.position} : supprimez-le.`,
  buyer_reference_too_long: (p) =>
    `Limitez la référence de l’acheteur à ${p.max} caractères (elle en compte ${p.length}).`,
  bcc_manager_missing: () =>
    "Cette boutique n’a pas d’adresse e-mail de gestionnaire : impossible d’envoyer une copie au gestionnaire.",
  bcc_me_missing: () => "Votre compte n’a pas d’adresse e-mail : impossible de vous envoyer une copie.",
  bcc_invalid: (p) => `« ${p.value} » n’est pas une adresse e-mail valide pour une copie cachée : ${reason(p)}.`,
};
