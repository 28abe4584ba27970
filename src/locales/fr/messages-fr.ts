import type { IssueParams, Locale } from "../../issues/issue";
import type { IssueCatalog } from "../../issues/issue-catalog";
import { lookup } from "../../issues/lookup";

const TYPES: Readonly<Record<string, string>> = {
  string: "un texte",
  number: "un nombre",
  integer: "un nombre entier",
  boolean: "vrai ou faux",
  object: "un objet",
  list: "un texte ou une liste de textes",
  instant: "une date et une heure ISO 8601, comme 2026-12-31T23:59:00Z",
  choice: "l’une des valeurs permises ici",
  rows: "une liste de lignes, chacune un objet de cellules",
  days: "une liste de nombres entiers de jours",
};

const ROW_FIELDS: Readonly<Record<string, string>> = {
  email: "d’adresse e-mail",
  amount: "de montant",
  currency: "de devise",
};

const variableProblem = (p: IssueParams): string =>
  p.reason === "too_long"
    ? `La valeur de %${p.name}% est trop longue\u00a0: limitez-la à ${p.max}\u00a0caractères (elle en compte ${p.length}).`
    : p.reason === "duplicate"
      ? `La colonne «\u00a0${p.name}\u00a0» porte le même nom que la colonne «\u00a0${p.other}\u00a0»\u00a0: renommez l’une des deux.`
      : p.reason === "reserved"
        ? `«\u00a0${p.name}\u00a0» est le nom d’une variable que paylinks remplit lui-même\u00a0: renommez cette colonne ou cette variable.`
        : `«\u00a0${p.name}\u00a0» ne peut pas être un nom de variable\u00a0: utilisez seulement des lettres, des chiffres et _.`;

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

const OPTIONS: Readonly<Record<string, string>> = {
  dataCollectionForm: "le formulaire de collecte de données",
  paymentMethodSaving: "l’enregistrement du moyen de paiement",
  threeDsPreference: "le choix de la préférence 3-D Secure",
};

const reason = (p: IssueParams): string => lookup(ADDRESS_REASONS, p.reason) ?? "ce n’est pas une adresse valide";

/** Messages en français pour chaque code d'anomalie. */
export const messagesFr: IssueCatalog = {
  type_invalid: (p) => `Ce champ doit être ${lookup(TYPES, p.expected) ?? String(p.expected)}.`,
  shop_mismatch: (p) =>
    `Ce lien concerne la boutique «\u00a0${p.received}\u00a0», mais la boutique fournie est «\u00a0${p.expected}\u00a0».`,
  mode_invalid: (p) => `«\u00a0${p.value}\u00a0» n’est pas un mode\u00a0: choisissez PRODUCTION ou TEST.`,
  channel_unsupported: (p) =>
    `«\u00a0${p.value}\u00a0» n’est pas un canal d’envoi géré par paylinks\u00a0: choisissez email.`,
  amount_invalid: () => "Saisissez le montant en chiffres uniquement, par exemple 49,90 ou 1 234,56.",
  amount_not_positive: () => "Saisissez un montant supérieur à zéro.",
  amount_too_precise: (p) =>
    p.digits === 0
      ? `${p.currency} n’a pas de décimales\u00a0: saisissez un montant entier.`
      : `${p.currency} a ${p.digits} décimale${p.digits === 1 ? "" : "s"}\u00a0: saisissez au plus ${p.digits} chiffre${p.digits === 1 ? "" : "s"} après la virgule.`,
  amount_too_large: (p) =>
    `Ce montant est trop élevé\u00a0: ${p.maxDigits} chiffres au plus dans la plus petite unité de la devise.`,
  currency_unknown: (p) => `«\u00a0${p.value}\u00a0» n’est pas un code de devise ISO 4217 en vigueur.`,
  currency_not_accepted: (p) => `Cette boutique n’accepte pas ${p.currency}. Devises acceptées\u00a0: ${p.accepted}.`,
  reference_required: () => "Saisissez une référence de commande\u00a0: cette boutique l’exige.",
  reference_too_long: (p) =>
    Number(p.recipientCount) > 1
      ? `Avec ${p.recipientCount} destinataires, la référence reçoit un suffixe comme -001\u00a0: limitez-la à ${p.maxBase} caractères (elle en compte ${p.length}).`
      : `Limitez la référence de commande à ${p.max} caractères (elle en compte ${p.length}).`,
  reference_invalid_character: (p) =>
    `La référence de commande ne peut contenir que des lettres A–Z, des chiffres, - et _\u00a0: «\u00a0${p.character}\u00a0» en position ${p.position} n’est pas autorisé.`,
  recipients_empty: () => "Saisissez au moins une adresse e-mail d’acheteur.",
  recipient_invalid: (p) => `«\u00a0${p.value}\u00a0» n’est pas une adresse e-mail valide\u00a0: ${reason(p)}.`,
  recipient_duplicate: (p) =>
    `«\u00a0${p.value}\u00a0» figure déjà dans la liste\u00a0: chaque destinataire reçoit un lien, saisissez-le une seule fois.`,
  recipients_too_many: (p) =>
    `Cette boutique envoie au plus ${p.max}\u00a0liens par ordre\u00a0: répartissez les ${p.count}\u00a0adresses sur plusieurs ordres.`,
  recipient_separator: (p) =>
    `Séparez les adresses par «\u00a0;\u00a0» et non par ${p.separator === "," ? "«\u00a0,\u00a0»" : "des espaces"}\u00a0: «\u00a0${p.value}\u00a0».`,
  buyer_reference_invalid: (p) =>
    `La référence de l’acheteur contient un caractère de contrôle invisible en position ${p.position}\u00a0: supprimez-le.`,
  buyer_reference_too_long: (p) =>
    `Limitez la référence de l’acheteur à ${p.max} caractères (elle en compte ${p.length}).`,
  bcc_manager_missing: () =>
    "Cette boutique n’a pas d’adresse e-mail de gestionnaire\u00a0: impossible d’envoyer une copie au gestionnaire.",
  bcc_me_missing: () => "Votre compte n’a pas d’adresse e-mail\u00a0: impossible de vous envoyer une copie.",
  bcc_too_many: (p) => `Envoyez des copies cachées à ${p.max}\u00a0adresses au plus (il y en a ${p.count}).`,
  bcc_invalid: (p) =>
    `«\u00a0${p.value}\u00a0» n’est pas une adresse e-mail valide pour une copie cachée\u00a0: ${reason(p)}.`,
  timezone_invalid: (p) =>
    `«\u00a0${p.value}\u00a0» n’est pas un fuseau horaire\u00a0: utilisez un nom IANA comme Europe/Paris.`,
  language_invalid: (p) =>
    `«\u00a0${p.value}\u00a0» n’est pas un code de langue\u00a0: utilisez deux lettres comme fr ou en, éventuellement suivies d’une région (fr-CA).`,
  option_not_in_offer: (p) => `L’offre de cette boutique n’inclut pas ${lookup(OPTIONS, p.option) ?? p.option}.`,
  validity_conflict: () => "Indiquez soit une durée de validité en jours, soit une date d’expiration, pas les deux.",
  validity_out_of_range: (p) => `Saisissez un nombre entier de jours compris entre ${p.min} et ${p.max}.`,
  expiry_invalid: () => "Saisissez la date d’expiration sous forme de date, par exemple 2026-12-31.",
  expiry_in_past: () => "La date d’expiration est passée\u00a0: choisissez aujourd’hui ou un jour suivant.",
  expiry_too_far: (p) =>
    `La date d’expiration est trop lointaine\u00a0: ${p.max} jours au plus à compter d’aujourd’hui.`,
  payment_method_saving_invalid: (p) =>
    `«\u00a0${p.value}\u00a0» n’est pas un choix d’enregistrement du moyen de paiement\u00a0: choisissez none, ask ou always.`,
  three_ds_invalid: (p) =>
    `«\u00a0${p.value}\u00a0» n’est pas une préférence 3-D Secure\u00a0: choisissez no_preference, challenge_requested, challenge_mandated ou no_challenge_requested.`,
  three_ds_forced: () =>
    "Lorsque le moyen de paiement est enregistré, l’authentification 3-D Secure est obligatoire\u00a0: choisissez challenge_mandated ou aucune préférence.",
  form_and_saving_exclusive: () =>
    "Le formulaire de collecte de données et l’enregistrement du moyen de paiement ne peuvent pas être utilisés ensemble\u00a0: désactivez l’un des deux.",
  capture_delay_out_of_range: (p) =>
    `Saisissez un délai de remise en banque en nombre entier de jours, entre ${p.min} et ${p.max}.`,
  message_subject_invalid: (p) =>
    p.reason === "empty"
      ? "Saisissez l’objet de l’e-mail."
      : p.reason === "line_break"
        ? "L’objet doit tenir sur une ligne\u00a0: supprimez le retour à la ligne."
        : `Limitez l’objet à ${p.max} caractères (il en compte ${p.length}).`,
  message_body_empty: () => "Saisissez le texte de l’e-mail.",
  message_body_too_long: (p) => `Limitez le texte de l’e-mail à ${p.max} caractères (il en compte ${p.length}).`,
  message_unknown_variable: (p) =>
    `%${p.variable}% n’est pas une variable connue de paylinks. Utilisez %reference%, %amount%, %start_date%, %end_date%, %shop_name%, %url%, %shop_contact%, %shop_url% ou %buyer_reference%.`,
  field_unknown: (p) =>
    `«\u00a0${p.field}\u00a0» n’est pas un champ connu de paylinks ici\u00a0: supprimez-le ou vérifiez son orthographe.`,
  rows_and_recipients: () =>
    "Un envoi par lignes donne ses destinataires dans ses lignes\u00a0: laissez la liste des destinataires vide, ou envoyez sans lignes.",
  row_value_missing: (p) =>
    `Cette ligne n’a pas ${lookup(ROW_FIELDS, p.field) ?? String(p.field)}, et l’ordre n’en donne pas par défaut\u00a0: complétez-la.`,
  reference_duplicate: (p) =>
    `La référence «\u00a0${p.value}\u00a0» est déjà celle de la ligne ${Number(p.row) + 1}\u00a0: donnez à chaque ligne sa propre référence.`,
  variable_invalid: variableProblem,
  reminders_too_many: (p) => `Un lien peut avoir au plus ${p.max}\u00a0relances (il y en a ${p.count}).`,
  reminder_offset_invalid: (p) =>
    `Saisissez le décalage de la relance en nombre entier de jours, entre ${p.min} et ${p.max}.`,
  reminder_time_invalid: (p) =>
    `«\u00a0${p.value}\u00a0» n’est pas une heure\u00a0: utilisez HH:MM sur 24\u00a0heures, par exemple 10:00.`,
  reminder_in_past: () => "Cette relance tomberait avant la création du lien\u00a0: choisissez un jour plus tardif.",
  reminder_after_expiry: () => "Cette relance tomberait après l’expiration du lien\u00a0: choisissez un jour plus tôt.",
  reminder_duplicate: () => "Une autre relance tombe déjà au même moment\u00a0: supprimez l’une des deux.",
};

/** French: the issue messages in French, with French typography (no-break spaces inside « » and before : ; ? !). */
export const fr: Locale = { code: "fr", messages: messagesFr };
