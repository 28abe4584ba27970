// The paylinks playground: the three steps of the payment-link form, validated as the merchant types by the
// library's own ESM build (the import map in index.html maps "paylinks" to dist/index.js and "paylinks/locales/fr"
// to its French catalog). No framework, and no network: the page only loads its own files.
import {
  addDays,
  DEFAULT_MESSAGES,
  dayInZone,
  defaultAdvancedParameters,
  defaultMessage,
  en,
  formatAmount,
  MAX_VALIDITY_DAYS,
  MESSAGE_VARIABLES,
  PAYMENT_METHOD_SAVINGS,
  parseAmount,
  planOrder,
  splitRecipients,
  THREE_DS_PREFERENCES,
  validateAdvancedParameters,
  validateRequest,
} from "paylinks";
import { fr } from "paylinks/locales/fr";

/** The issue catalog of each language of the page. */
const CATALOGS = Object.freeze({ en, fr });

/** The demo shop: two currencies, and the order reference is mandatory. */
const SHOP = Object.freeze({
  id: "demo-shop",
  name: "Librairie Durand",
  language: "fr",
  timezone: "Europe/Paris",
  currencies: Object.freeze(["EUR", "USD"]),
  referenceRequired: true,
  managerEmail: "gerant@librairie-durand.fr",
  contactEmail: "contact@librairie-durand.fr",
  url: "https://librairie-durand.fr",
});

/** The person using the form: "copy to me" goes to this address. */
const ACTOR = Object.freeze({ id: "demo-user", email: "claire@librairie-durand.fr" });

const paymentUrl = ({ token }) => `https://pay.example.com/t/${token}`;

// Ids and tokens. They are random (crypto.getRandomValues, 21 characters of a 64-character alphabet: 126 bits,
// like nanoid), drawn the first time they are needed and then handed out in the same order at every new plan, so
// that the same form gives the same plan and the table and the preview stay still while the merchant types.
const ID_ALPHABET = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict";
const idPool = [];

function randomId() {
  let id = "";
  for (const byte of crypto.getRandomValues(new Uint8Array(21))) id += ID_ALPHABET[byte & 63];
  return id;
}

function idGenerator() {
  let next = 0;
  return () => {
    if (next === idPool.length) idPool.push(randomId());
    return idPool[next++];
  };
}

const NBSP = "\u00a0";

const TEXT = {
  en: {
    title: "paylinks playground",
    playground: "playground",
    uiLanguage: "Language of the page",
    intro:
      "The three steps of the payment-link form, checked as you type by the library’s own build. Nothing leaves your browser: the page sends nothing and stores nothing.",
    shopTitle: "Demo shop",
    shopSummary: (shop) =>
      `${shop.name} · ${shop.timezone} · currencies ${shop.currencies.join(" or ")} · order reference required`,
    step1: "Set up the link",
    amount: "Amount",
    amountHint: "As you would type it: 49,90 or 1 234.56",
    amountRead: (amount) => `Read as ${amount}`,
    currency: "Currency",
    orderReference: "Order reference",
    orderReferenceHint:
      "Required by this shop. Letters A–Z, digits, - and _. With several recipients, each link gets -001, -002…",
    recipients: "Buyer e-mail addresses",
    recipientsHint: "Separate the addresses with ; or write one per line. Each address gets its own link.",
    recipientCount: (n) => (n === 1 ? "1 address: 1 link" : `${n} addresses: ${n} links`),
    buyerReference: "Buyer reference",
    buyerReferenceHint: "Optional: your own reference for the buyer, such as a customer number.",
    bcc: "Blind copies",
    bccShopManager: (email) => `Copy to the shop manager (${email})`,
    bccMe: (email) => `Copy to me (${email})`,
    bccAddresses: "Other addresses, separated by ;",
    step2: "Advanced parameters",
    language: "Language of the e-mail and the payment page",
    validityDays: "Valid for (days)",
    expiresAt: "or last valid day",
    expiryHint: `From 0 to ${MAX_VALIDITY_DAYS} days. The two fields follow each other.`,
    expiresOn: (date, zone) => `The links expire on ${date} (${zone}).`,
    paymentMethodSaving: "Save the payment method",
    saving: { none: "No", ask: "Ask the buyer", always: "Always" },
    threeDsPreference: "3-D Secure",
    threeDs: {
      no_preference: "No preference",
      challenge_requested: "Challenge requested",
      challenge_mandated: "Challenge mandated",
      no_challenge_requested: "No challenge requested",
    },
    threeDsForced: "Saving the payment method makes the 3-D Secure challenge mandatory.",
    dataCollectionForm: "Send the buyer to the data-collection form first",
    manualValidation: "Validate each payment manually before capture",
    captureDelayDays: "Capture delay (days)",
    step3: "Message",
    subject: "Subject",
    body: "Message",
    variables: "Variables (click to insert):",
    restoreMessage: "Restore the default message",
    badgeOk: "complete",
    badgeIssues: (n) => `${n} to fix`,
    planTitle: "What Send would create",
    planEmpty: (n) =>
      n === 1 ? "Nothing yet: 1 issue to fix in the form." : `Nothing yet: ${n} issues to fix in the form.`,
    showAll: "Show every issue",
    summary: (count, amount, expires) =>
      `${count === 1 ? "1 link" : `${count} links`} of ${amount}, valid until ${expires}.`,
    colReference: "Reference",
    colRecipient: "Recipient",
    bccList: (addresses) => `Blind copies of each e-mail: ${addresses}`,
    bccNone: "No blind copies.",
    colLink: "Payment link",
    previewTitle: "E-mail preview",
    to: "To",
    previewTo: (recipient, n) => (n > 1 ? `${recipient} (first of ${n})` : recipient),
    footer:
      "Ids and tokens are drawn with crypto.getRandomValues when first needed, then reused in the same order at every change, so the plan stays still while you type. The payment links point to pay.example.com, which is not a real payment page.",
  },
  fr: {
    title: "paylinks : bac à sable",
    playground: "bac à sable",
    uiLanguage: "Langue de la page",
    intro: `Les trois étapes du formulaire de lien de paiement, vérifiées pendant la saisie par la bibliothèque elle-même. Rien ne quitte votre navigateur${NBSP}: la page n’envoie rien et n’enregistre rien.`,
    shopTitle: "Boutique de démonstration",
    shopSummary: (shop) =>
      `${shop.name} · ${shop.timezone} · devises ${shop.currencies.join(" ou ")} · référence de commande obligatoire`,
    step1: "Paramétrer le lien",
    amount: "Montant",
    amountHint: `Comme vous le saisiriez${NBSP}: 49,90 ou 1${NBSP}234,56`,
    amountRead: (amount) => `Lu comme ${amount}`,
    currency: "Devise",
    orderReference: "Référence de commande",
    orderReferenceHint:
      "Obligatoire pour cette boutique. Lettres A–Z, chiffres, - et _. Avec plusieurs destinataires, chaque lien reçoit -001, -002…",
    recipients: "Adresses e-mail des acheteurs",
    recipientsHint: `Séparez les adresses par${NBSP}; ou écrivez-en une par ligne. Chaque adresse reçoit son propre lien.`,
    recipientCount: (n) => (n === 1 ? `1 adresse${NBSP}: 1 lien` : `${n} adresses${NBSP}: ${n} liens`),
    buyerReference: "Référence acheteur",
    buyerReferenceHint: `Facultative${NBSP}: votre propre référence pour l’acheteur, comme un numéro de client.`,
    bcc: "Copies cachées",
    bccShopManager: (email) => `Copie au responsable de la boutique (${email})`,
    bccMe: (email) => `Copie à moi-même (${email})`,
    bccAddresses: `Autres adresses, séparées par${NBSP};`,
    step2: "Paramètres avancés",
    language: "Langue de l’e-mail et de la page de paiement",
    validityDays: "Validité (jours)",
    expiresAt: "ou dernier jour de validité",
    expiryHint: `De 0 à ${MAX_VALIDITY_DAYS}${NBSP}jours. Les deux champs se suivent.`,
    expiresOn: (date, zone) => `Les liens expirent le ${date} (${zone}).`,
    paymentMethodSaving: "Enregistrer le moyen de paiement",
    saving: { none: "Non", ask: "Demander à l’acheteur", always: "Toujours" },
    threeDsPreference: "3-D Secure",
    threeDs: {
      no_preference: "Sans préférence",
      challenge_requested: "Authentification demandée",
      challenge_mandated: "Authentification obligatoire",
      no_challenge_requested: "Sans authentification demandée",
    },
    threeDsForced: "L’enregistrement du moyen de paiement rend l’authentification 3-D Secure obligatoire.",
    dataCollectionForm: "Faire d’abord passer l’acheteur par le formulaire de collecte de données",
    manualValidation: "Valider chaque paiement manuellement avant la remise en banque",
    captureDelayDays: "Délai de remise en banque (jours)",
    step3: "Personnaliser le message",
    subject: "Objet",
    body: "Message",
    variables: `Variables (cliquez pour insérer)${NBSP}:`,
    restoreMessage: "Rétablir le message par défaut",
    badgeOk: "complète",
    badgeIssues: (n) => `${n} à corriger`,
    planTitle: "Ce que l’envoi créerait",
    planEmpty: (n) =>
      n === 1
        ? `Rien pour l’instant${NBSP}: 1 problème à corriger dans le formulaire.`
        : `Rien pour l’instant${NBSP}: ${n} problèmes à corriger dans le formulaire.`,
    showAll: "Afficher tous les problèmes",
    summary: (count, amount, expires) =>
      `${count === 1 ? "1 lien" : `${count} liens`} de ${amount}, valable${count === 1 ? "" : "s"} jusqu’au ${expires}.`,
    colReference: "Référence",
    colRecipient: "Destinataire",
    bccList: (addresses) => `Copies cachées de chaque e-mail${NBSP}: ${addresses}`,
    bccNone: "Pas de copie cachée.",
    colLink: "Lien de paiement",
    previewTitle: "Aperçu de l’e-mail",
    to: "À",
    previewTo: (recipient, n) => (n > 1 ? `${recipient} (premier sur ${n})` : recipient),
    footer: `Les identifiants et jetons sont tirés avec crypto.getRandomValues la première fois qu’il en faut, puis réutilisés dans le même ordre à chaque modification${NBSP}: le plan ne bouge pas pendant la saisie. Les liens de paiement pointent vers pay.example.com, qui n’est pas une vraie page de paiement.`,
  },
};

/** Where each issue path is shown: the field it is about, and the element that holds its messages. */
const FIELDS = {
  "link.amount": "amount",
  "link.currency": "currency",
  "link.orderReference": "orderReference",
  "link.recipients": "recipients",
  "link.buyerReference": "buyerReference",
  "link.bcc.shopManager": "bccShopManager",
  "link.bcc.me": "bccMe",
  "link.bcc.addresses": "bccAddresses",
  "advanced.language": "language",
  "advanced.validityDays": "validityDays",
  "advanced.expiresAt": "expiresAt",
  "advanced.paymentMethodSaving": "paymentMethodSaving",
  "advanced.threeDsPreference": "threeDsPreference",
  "advanced.dataCollectionForm": "dataCollectionForm",
  "advanced.manualValidation": "manualValidation",
  "advanced.captureDelayDays": "captureDelayDays",
  "message.subject": "subject",
  "message.body": "body",
};
const FIELD_IDS = new Set(Object.values(FIELDS));
const STEPS = ["link", "advanced", "message"];

const state = {
  locale: "en",
  /** The fields the merchant has been in: their issues are shown; the others' only after "Show every issue". */
  touched: new Set(),
  showAll: false,
  /** Which of the two linked expiry fields was changed last, and so is the one sent. */
  expiryFrom: "days",
  /** The default message shown in step 3, to replace it when the language changes if it was not edited. */
  shownDefault: undefined,
  /** The last e-mail put in the preview, so that the frame is reloaded only when it changes. */
  previewHtml: undefined,
  /** The message field that had the focus last, where a clicked variable is inserted. */
  messageField: "body",
};

const $ = (id) => {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`#${id} is missing from the page`);
  return element;
};

function t(key, ...args) {
  const value = TEXT[state.locale][key];
  return typeof value === "function" ? value(...args) : value;
}

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function isoDay({ year, month, day }) {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A number field as the library expects it: a number when the text is one, the text itself otherwise. */
function numberField(id) {
  const text = $(id).value.trim();
  return /^[+-]?\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(",", ".")) : text;
}

function formatInstant(date) {
  return new Intl.DateTimeFormat(state.locale, {
    dateStyle: "long",
    timeStyle: "medium",
    timeZone: SHOP.timezone,
  }).format(date);
}

function readLinkForm() {
  return {
    shopId: SHOP.id,
    amount: $("amount").value,
    currency: $("currency").value,
    orderReference: $("orderReference").value,
    recipients: $("recipients").value,
    buyerReference: $("buyerReference").value,
    channel: "email",
    bcc: { shopManager: $("bccShopManager").checked, me: $("bccMe").checked, addresses: $("bccAddresses").value },
  };
}

function readExpiry() {
  return state.expiryFrom === "date"
    ? { expiresAt: $("expiresAt").value }
    : { validityDays: numberField("validityDays") };
}

function readAdvanced() {
  return {
    language: $("language").value,
    ...readExpiry(),
    paymentMethodSaving: $("paymentMethodSaving").value,
    threeDsPreference: $("threeDsPreference").value,
    dataCollectionForm: $("dataCollectionForm").checked,
    manualValidation: $("manualValidation").checked,
    captureDelayDays: numberField("captureDelayDays"),
  };
}

function readMessage() {
  return { subject: $("subject").value, body: $("body").value };
}

function fillSelect(id, options) {
  const select = $(id);
  const value = select.value;
  select.replaceChildren(...options.map(([optionValue, label]) => element("option", { value: optionValue }, label)));
  if (value !== "") select.value = value;
}

function fillSelects() {
  const currencyNames = new Intl.DisplayNames([state.locale], { type: "currency" });
  fillSelect(
    "currency",
    SHOP.currencies.map((code) => [code, `${code} — ${currencyNames.of(code)}`]),
  );
  fillSelect(
    "language",
    Object.keys(DEFAULT_MESSAGES).map((code) => {
      const name = new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;
      return [code, `${name.charAt(0).toLocaleUpperCase(code)}${name.slice(1)} (${code})`];
    }),
  );
  fillSelect(
    "paymentMethodSaving",
    PAYMENT_METHOD_SAVINGS.map((value) => [value, t("saving")[value]]),
  );
  fillSelect(
    "threeDsPreference",
    THREE_DS_PREFERENCES.map((value) => [value, t("threeDs")[value]]),
  );
}

function applyTexts() {
  document.documentElement.lang = state.locale;
  document.title = t("title");
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-title]")) node.title = t(node.dataset.i18nTitle);
  for (const button of document.querySelectorAll("[data-locale]")) {
    button.setAttribute("aria-pressed", String(button.dataset.locale === state.locale));
  }
  $("shop-summary").textContent = t("shopSummary", SHOP);
  $("bccShopManager-label").textContent = t("bccShopManager", SHOP.managerEmail);
  $("bccMe-label").textContent = t("bccMe", ACTOR.email);
  fillSelects();
}

function setMessage(template) {
  $("subject").value = template.subject;
  $("body").value = template.body;
  state.shownDefault = template;
}

/** Step 3 follows the language of step 2 for as long as the merchant has not changed the default message. */
function followLanguage() {
  const shown = state.shownDefault;
  const { subject, body } = readMessage();
  if (shown !== undefined && subject === shown.subject && body === shown.body) {
    setMessage(defaultMessage($("language").value));
  }
}

/** Keeps the two expiry fields in step: the one not being edited shows what the other one means. */
function syncExpiry(now) {
  const expiry = validateAdvancedParameters(readExpiry(), { shop: SHOP, now, locale: CATALOGS[state.locale] });
  if (!expiry.ok) return;
  if (state.expiryFrom === "days") $("expiresAt").value = isoDay(dayInZone(expiry.value.expiresAt, SHOP.timezone));
  else $("validityDays").value = String(expiry.value.validityDays);
}

function issueKey(step, path) {
  const [first, second] = path;
  if (step === "link" && first === "bcc") return `link.bcc.${String(second ?? "")}`;
  return `${step}.${String(first ?? "")}`;
}

function renderIssues(issuesByStep) {
  for (const holder of document.querySelectorAll("[data-issues]")) holder.replaceChildren();
  for (const id of Object.values(FIELDS)) $(id).removeAttribute("aria-invalid");
  let hidden = 0;
  for (const step of STEPS) {
    const issues = issuesByStep[step];
    for (const issue of issues) {
      const key = issueKey(step, issue.path);
      const field = FIELDS[key];
      if (field !== undefined && !state.touched.has(field) && !state.showAll) {
        hidden++;
        continue;
      }
      const holder = document.querySelector(`[data-issues="${field === undefined ? step : key}"]`);
      holder?.append(element("span", { class: "issue", "data-code": issue.code }, issue.message));
      if (field !== undefined) $(field).setAttribute("aria-invalid", "true");
    }
    const badge = document.querySelector(`[data-badge="${step}"]`);
    if (badge !== null) {
      badge.textContent = issues.length === 0 ? t("badgeOk") : t("badgeIssues", issues.length);
      badge.classList.toggle("ok", issues.length === 0);
    }
  }
  return hidden;
}

function renderHints(form, advanced) {
  const amount = parseAmount(form.amount, form.currency);
  $("amount-hint").textContent = amount.ok
    ? t("amountRead", formatAmount(amount.value, form.currency, state.locale))
    : t("amountHint");
  const recipients = splitRecipients(form.recipients);
  $("recipients-hint").textContent =
    recipients.ok && recipients.value.length > 0 ? t("recipientCount", recipients.value.length) : t("recipientsHint");
  $("expiry-hint").textContent = advanced.ok
    ? t("expiresOn", formatInstant(advanced.value.expiresAt), SHOP.timezone)
    : t("expiryHint");
  $("threeDs-hint").textContent = $("paymentMethodSaving").value === "none" ? "" : t("threeDsForced");
}

function renderPlan(plan, issueCount, hidden) {
  $("plan-empty").hidden = plan !== undefined;
  $("plan-ready").hidden = plan === undefined;
  $("preview-card").hidden = plan === undefined;
  if (plan === undefined) {
    $("plan-empty-text").textContent = t("planEmpty", issueCount);
    $("show-all").hidden = hidden === 0;
    return;
  }
  const { order, links } = plan;
  $("plan-summary").textContent = t(
    "summary",
    links.length,
    formatAmount(order.amount, order.currency, state.locale),
    formatInstant(order.expiresAt),
  );
  // Every link of an order has the same blind copies.
  const bcc = links[0]?.bcc ?? [];
  $("plan-bcc").textContent = bcc.length > 0 ? t("bccList", bcc.join(", ")) : t("bccNone");
  $("links")
    .querySelector("tbody")
    .replaceChildren(
      ...links.map((link, index) => {
        const row = element("tr");
        row.append(
          element("td", { class: "number" }, String(index + 1)),
          element("td", { class: "reference" }, link.reference ?? "—"),
          element("td", { class: "recipient" }, link.recipient),
        );
        const url = element("td", { class: "url" });
        url.append(element("code", { title: link.url }, link.url));
        row.append(url);
        return row;
      }),
    );
  const first = links[0];
  if (first === undefined) return;
  $("preview-to").textContent = t("previewTo", first.recipient, links.length);
  $("preview-subject").textContent = first.subject;
  if (state.previewHtml !== first.html) {
    state.previewHtml = first.html;
    $("preview").srcdoc = first.html;
  }
}

function update() {
  const now = new Date();
  const locale = CATALOGS[state.locale];
  const form = readLinkForm();
  const advancedInput = readAdvanced();
  const template = readMessage();
  syncExpiry(now);

  // The three steps are validated together, the amount as typed; the validated value is what the plan is made of.
  const checked = validateRequest(
    { link: form, advanced: advancedInput, message: template },
    { shop: SHOP, actor: ACTOR, now, locale },
  );
  const issues = { link: [], advanced: [], message: [] };
  let plan;
  if (checked.ok) plan = planOrder(checked.value, { createdBy: ACTOR.id, generateId: idGenerator(), paymentUrl });
  else {
    for (const issue of checked.issues) {
      const [step, ...path] = issue.path;
      issues[STEPS.includes(step) ? step : "link"].push({ ...issue, path });
    }
  }

  // The expiry hint shows step 2 on its own, whatever the other steps hold.
  renderHints(form, validateAdvancedParameters(advancedInput, { shop: SHOP, now, locale }));
  const hidden = renderIssues(issues);
  renderPlan(plan, issues.link.length + issues.advanced.length + issues.message.length, hidden);
}

function setLocale(locale) {
  if (!(locale in TEXT)) return;
  state.locale = locale;
  applyTexts();
  update();
}

function insertVariable(variable) {
  const field = $(state.messageField);
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  field.setRangeText(variable, start, end, "end");
  field.focus();
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

function init() {
  const now = new Date();
  const defaults = defaultAdvancedParameters(SHOP, { now });
  applyTexts();

  $("language").value = defaults.language;
  $("validityDays").value = String(defaults.validityDays);
  $("paymentMethodSaving").value = defaults.paymentMethodSaving;
  $("threeDsPreference").value = defaults.threeDsPreference;
  $("dataCollectionForm").checked = defaults.dataCollectionForm;
  $("manualValidation").checked = defaults.manualValidation;
  $("captureDelayDays").value = String(defaults.captureDelayDays);
  const today = dayInZone(now, SHOP.timezone);
  $("expiresAt").min = isoDay(today);
  $("expiresAt").max = isoDay(addDays(today, MAX_VALIDITY_DAYS));
  setMessage(defaultMessage(defaults.language));

  // Each issue holder describes its field, for screen readers.
  for (const [key, id] of Object.entries(FIELDS)) {
    const holder = document.querySelector(`[data-issues="${key}"]`);
    if (holder === null) continue;
    holder.id = `issues-${id}`;
    $(id).setAttribute("aria-describedby", holder.id);
  }

  $("variables").replaceChildren(
    ...MESSAGE_VARIABLES.map((variable) => {
      const chip = element("button", { type: "button", class: "chip" }, variable);
      chip.addEventListener("click", () => insertVariable(variable));
      return chip;
    }),
  );

  const form = $("form");
  form.addEventListener("submit", (event) => event.preventDefault());
  const onEdit = (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.id === "") return;
    state.touched.add(target.id);
    if (target.id === "validityDays") state.expiryFrom = "days";
    if (target.id === "expiresAt") state.expiryFrom = "date";
    if (target.id === "language") followLanguage();
    update();
  };
  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);
  form.addEventListener("focusout", (event) => {
    const target = event.target;
    if (target instanceof HTMLElement && FIELD_IDS.has(target.id) && !state.touched.has(target.id)) {
      state.touched.add(target.id);
      update();
    }
  });
  $("subject").addEventListener("focus", () => {
    state.messageField = "subject";
  });
  $("body").addEventListener("focus", () => {
    state.messageField = "body";
  });
  $("restore-message").addEventListener("click", () => {
    setMessage(defaultMessage($("language").value));
    update();
  });
  $("show-all").addEventListener("click", () => {
    state.showAll = true;
    update();
  });
  for (const button of document.querySelectorAll("[data-locale]")) {
    button.addEventListener("click", () => setLocale(button.dataset.locale));
  }

  update();
  $("loading").hidden = true;
  document.body.dataset.ready = "true";
}

init();
