import type { CliText } from "./cli-text";
import { fr } from "./french-typography";

const list = (items: readonly string[], and = "et"): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;

/** "de" before a verb, elided before a vowel or a mute h: « d’annuler », « de renvoyer ». */
const de = (verb: string): string => (/^[aeiouyéèêh]/i.test(verb) ? `d’${verb}` : `de ${verb}`);

const plural = (count: number, one: string, many: string): string => `${count} ${count <= 1 ? one : many}`;

/** The CLI's messages in French, with French typography (no-break spaces before : ; ? ! and inside « »). */
export const textFr: CliText = {
  locale: "fr",
  usage: {
    noCommand: fr`indiquez une commande.`,
    unknownCommand: (name) =>
      fr`commande inconnue « ${name} ». Lancez « paylinks --help » pour la liste des commandes.`,
    unknownOption: (option) => fr`option inconnue ${option}. Lancez la commande avec --help pour voir ses options.`,
    missingValue: (option) => fr`${option} attend une valeur.`,
    noValueExpected: (option) => fr`${option} ne prend pas de valeur.`,
    missingArgument: (command, args) =>
      fr`paylinks ${command} attend ${list(args.map((a) => `<${a}>`))} : paylinks ${command} ${args.map((a) => `<${a}>`).join(" ")}.`,
    unexpectedArgument: (value, command) => fr`argument inattendu « ${value} » pour paylinks ${command}.`,
    missingOptions: (command, options) => fr`paylinks ${command} a besoin de ${list(options)}.`,
    missingOneOf: (command, options) => fr`paylinks ${command} a besoin de ${list(options, "ou")}.`,
    conflicting: (first, second) => fr`indiquez ${first} ou ${second}, pas les deux.`,
    invalidNumber: (option, value) => fr`${option} attend un nombre, pas « ${value} ».`,
    invalidCount: (option, value, min) => fr`${option} attend un nombre entier d’au moins ${min}, pas « ${value} ».`,
    invalidRate: (option, value) =>
      fr`${option} attend un nombre d’e-mails par seconde supérieur à 0, comme 10 ou 0.5, pas « ${value} ».`,
    invalidChoice: (option, value, choices) => fr`${option} : « ${value} » n’est pas l’un de ${list(choices, "ou")}.`,
    invalidInstant: (option, value) =>
      fr`${option} attend une date (2026-12-31) ou un instant avec son décalage (2026-12-01T10:00:00Z), pas « ${value} ».`,
    invalidCursor: (cursor) => fr`--cursor : « ${cursor} » n’est pas un curseur affiché par paylinks list.`,
    unreadableFile: (path, reason) => fr`impossible de lire ${path} : ${reason}`,
    unwritableFile: (path, reason) => fr`impossible d’écrire ${path} : ${reason}`,
  },
  config: {
    notFound: (path) => fr`le fichier de configuration ${path} n’existe pas.`,
    invalid: (path) => fr`${path} n’est pas une configuration paylinks valide :`,
    problems: {
      missing: () => fr`manquant.`,
      unknown_key: () => fr`clé inconnue (une clé de commentaire commence par // ou s’appelle $comment).`,
      expected_text: () => fr`un texte est attendu.`,
      expected_boolean: () => fr`true ou false est attendu.`,
      expected_number: () => fr`un nombre est attendu.`,
      expected_list: () => fr`une liste est attendue.`,
      expected_object: () => fr`un objet { … } est attendu.`,
      expected_one_of: (value) => fr`une de ces valeurs est attendue : ${value}.`,
      payment_url_token: () => fr`l’URL de paiement doit contenir {token}, la partie secrète de l’URL de chaque lien.`,
      payment_url_invalid: () =>
        fr`ce n’est pas une URL absolue dont les seules variables sont {token}, {id}, {reference}, {orderId}, {shopId} et {mode}.`,
      timezone_invalid: (value) => fr`« ${value} » n’est pas un fuseau horaire IANA comme Europe/Paris.`,
      currency_unknown: (value) => fr`« ${value} » n’est pas un code de devise ISO 4217 en vigueur.`,
      no_shops: () => fr`indiquez au moins une boutique, ou retirez shops pour utiliser la boutique de démonstration.`,
      duplicate_shop: (value) => fr`deux boutiques ont l’identifiant « ${value} ».`,
      default_shop_unknown: (value) => fr`aucune boutique n’a l’identifiant « ${value} ».`,
      invalid_json: (value) => fr`JSON non valide : ${value}`,
    },
  },
  errors: {
    invalidRequest: (count) => fr`la saisie comporte ${plural(count, "problème", "problèmes")} :`,
    invalidRequestPlain: (message) => fr`demande non valide : ${message}`,
    sheetCell: (row, column) => (column === "" ? `ligne ${row}` : `ligne ${row}, ${column}`),
    invalidTransition: (action, status, linkId) =>
      fr`impossible ${de(action)} le lien ${linkId} : son statut de paiement est ${status}.`,
    reactivateExpired: (linkId) =>
      fr`impossible de réactiver le lien ${linkId} : il a expiré. Changez d’abord son expiration (paylinks expiry).`,
    paymentAfterExpiry: (linkId) => fr`impossible d’enregistrer un paiement sur le lien ${linkId} : il a expiré.`,
    forbidden: (d) =>
      d.permission === "viewAllOrders"
        ? fr`action refusée : cet utilisateur ne voit que les ordres qu’il a créés.`
        : d.permission !== undefined
          ? fr`action refusée : cet utilisateur n’a pas la permission ${d.permission}.`
          : d.shopId !== undefined
            ? fr`action refusée : cet utilisateur ne peut pas utiliser la boutique ${d.shopId}.`
            : d.mode !== undefined
              ? fr`action refusée : cet utilisateur ne peut pas utiliser les ordres de paiement ${d.mode}.`
              : fr`action refusée.`,
    notFound: (id) => fr`aucun lien ni ordre n’a l’identifiant ${id}.`,
    orderNotFound: (id) => fr`aucun ordre n’a l’identifiant ${id}.`,
    shopNotFound: (id) => fr`boutique inconnue ${id} : la configuration n’a pas de boutique avec cet identifiant.`,
    idempotencyConflict: (orderId) =>
      fr`cette clé d’idempotence a déjà servi pour une autre demande (ordre ${orderId}).`,
    concurrentUpdate: (linkId) => fr`le lien ${linkId} a changé plusieurs fois pendant la commande ; réessayez.`,
    storageFailed: (operation, reason) => fr`la base de données a échoué (${operation}) : ${reason}`,
    deliveryFailed: (message) => fr`l’e-mail n’a pas pu être envoyé : ${message}`,
    invalidContext: (message) => fr`la configuration est inutilisable : ${message}`,
    actions: {
      resend: "renvoyer",
      update: "modifier",
      changeExpiry: "changer l’expiration de",
      cancel: "annuler",
      reactivate: "réactiver",
      recordPayment: "enregistrer un paiement sur",
      expire: "faire expirer",
    },
    missingDependency: (name, purpose) =>
      fr`le paquet ${name} n’est pas installé ; il est nécessaire ${purpose}. Installez-le à côté de paylinks : npm install ${name}`,
    purposeEmbedded: fr`pour la base de données intégrée (ou définissez DATABASE_URL pour utiliser un serveur PostgreSQL)`,
    purposePostgres: (source) => fr`pour se connecter au serveur PostgreSQL indiqué par ${source}`,
    purposeSmtp: (source) => fr`pour envoyer les e-mails par le serveur SMTP indiqué par ${source}`,
    purposeOutbox: (dir) =>
      fr`pour écrire les e-mails en fichiers .eml dans ${dir} (ou définissez SMTP_URL pour les envoyer)`,
    databaseUnreachable: (source, url, reason) =>
      fr`impossible de joindre la base de données indiquée par ${source} (${url}) : ${reason}`,
    embeddedFailed: (dir, reason) => fr`impossible d’ouvrir la base de données intégrée dans ${dir} : ${reason}`,
    databaseBusy: (dir, pid) =>
      fr`la base de données intégrée dans ${dir} est utilisée par une autre commande paylinks (processus ${pid}) ; réessayez quand elle aura fini.`,
    smtpUnreachable: (source, url, reason) =>
      fr`impossible de joindre le serveur SMTP indiqué par ${source} (${url}) : ${reason}. Rien n’a été envoyé.`,
    noAnswer: (seconds) => fr`pas de réponse en ${seconds} s`,
    outboxUnwritable: (dir, reason) => fr`impossible d’écrire dans le dossier d’envoi ${dir} : ${reason}`,
    fileExists: (path) => fr`${path} existe déjà ; lancez paylinks init --force pour le remplacer.`,
    testModeOnly: (link) =>
      fr`le lien ${link} est un lien de PRODUCTION : paylinks pay n’enregistre des paiements simulés que sur les liens de TEST.`,
    deliveryIncomplete: (failed, pending) =>
      failed > 0
        ? fr`${plural(failed, "e-mail n’a", "e-mails n’ont")} pas pu être remis (voir « Dernière erreur » avec paylinks show).`
        : pending
          ? fr`des e-mails attendent une nouvelle tentative : relancez paylinks deliver plus tard.`
          : fr`l’envoi est incomplet.`,
    unexpected: (reason) => fr`erreur inattendue : ${reason}`,
    debugHint: fr`Relancez la commande avec --debug pour voir la pile d’appels.`,
    causedBy: fr`Causé par`,
  },
  out: {
    columns: {
      id: "ID",
      reference: "RÉFÉRENCE",
      recipient: "DESTINATAIRE",
      amount: "MONTANT",
      payment: "PAIEMENT",
      delivery: "ENVOI",
      expires: "EXPIRATION",
      mode: "MODE",
    },
    fields: {
      link: "Lien",
      order: "Ordre",
      shop: "Boutique",
      mode: "Mode",
      reference: "Référence",
      recipient: "Destinataire",
      bcc: "Copies cachées",
      amount: "Montant",
      buyerReference: "Référence acheteur",
      payment: "Paiement",
      delivery: "Envoi",
      expires: "Expiration",
      created: "Création",
      createdBy: "Créé par",
      url: "URL",
      language: "Langue",
      subject: "Objet",
      sends: "Envois",
      sent: "Envoyé le",
      messageId: "Message-ID",
      emlFile: "Fichier e-mail",
      lastError: "Dernière erreur",
      transaction: "Transaction",
      paidAt: "Paiement le",
      reminderSchedule: "Relances",
      remindersSent: "Relances envoyées",
      nextReminder: "Prochaine relance",
      links: "Liens",
    },
    dryRun: fr`Simulation : rien n’a été enregistré ni envoyé.`,
    moreLinks: (count) => (count === 1 ? "… et 1 autre lien." : `… et ${count} autres liens.`),
    batchTotal: (totals) => fr`Total : ${totals.join(" + ")}`,
    subjectLine: (subject) => fr`Objet : ${subject}`,
    firstMessage: (recipient, reference) => fr`Premier message, à ${recipient}${reference ? ` (${reference})` : ""} :`,
    orderCreated: (orderId, links, mode) => fr`Ordre ${orderId} créé (${mode}) : ${plural(links, "lien", "liens")}.`,
    orderReplayed: (orderId) =>
      fr`L’ordre ${orderId} a déjà été créé avec cette clé d’idempotence : rien de nouveau n’a été créé.`,
    duplicated: (linkId, orderId) => fr`Lien ${linkId} dupliqué : nouvel ordre ${orderId}.`,
    queued: fr`Les e-mails attendent dans la file : lancez paylinks deliver pour les envoyer.`,
    deliverStart: (total) =>
      total === 0 ? fr`Aucun e-mail n’attend.` : fr`Envoi de ${plural(total, "e-mail", "e-mails")}…`,
    progressLine: (done, total, p) =>
      fr`${done}/${total}  envoyés ${p.sent}, échecs ${p.failed}, à réessayer ${p.retried}, ignorés ${p.skipped}`,
    deliverySummary: (r) =>
      fr`E-mails : ${r.sent} envoyés, ${r.failed} en échec, ${r.retried} à réessayer, ${r.skipped} ignorés.`,
    outboxAt: (dir) => fr`Les e-mails sont dans ${dir} (fichiers .eml, que tout logiciel de messagerie ouvre).`,
    pendingLater: fr`Des e-mails sont prévus plus tard : relancez alors paylinks deliver.`,
    interrupted: fr`Interruption : fin des envois en cours, puis arrêt.`,
    noLinks: fr`Aucun lien.`,
    linkCount: (count) => fr`${plural(count, "lien", "liens")}.`,
    nextPage: (cursor) => fr`Page suivante : paylinks list --cursor ${cursor}`,
    cancelled: (link) => fr`Lien ${link} annulé : l’acheteur ne peut plus payer.`,
    reactivated: (link) => fr`Le lien ${link} court de nouveau.`,
    resendQueued: (link) =>
      fr`L’e-mail du lien ${link} est de nouveau dans la file : lancez paylinks deliver pour l’envoyer.`,
    resent: (link, recipient) => fr`L’e-mail du lien ${link} a été renvoyé à ${recipient}.`,
    expiryChanged: (link, when) => fr`Le lien ${link} expire désormais le ${when}.`,
    remindersChanged: (link) => fr`Les relances du lien ${link} sont enregistrées.`,
    reminderSchedule: (s) => {
      if (s === undefined) return "aucune";
      const parts = [
        ...(s.beforeExpiry.length > 0 ? [`${s.beforeExpiry.join(", ")} jours avant le jour d’expiration`] : []),
        ...(s.afterCreation.length > 0 ? [`${s.afterCreation.join(", ")} jours après la création`] : []),
      ];
      return `${parts.join("\u00a0; ")}, à ${s.time}`;
    },
    paid: (link, status, transactionId) =>
      fr`Le lien ${link} est maintenant ${status}${transactionId ? ` (transaction ${transactionId})` : ""}.`,
    expired: (count) =>
      count === 0 ? fr`Aucun lien n’avait expiré.` : fr`${plural(count, "lien marqué", "liens marqués")} EXPIRED.`,
    workerStarted: (idle, expire) =>
      fr`Worker démarré : envoie les e-mails dès qu’ils sont dus (en regardant de nouveau toutes les ${idle} s quand aucun ne l’est) et fait expirer les liens toutes les ${expire} s. Arrêtez-le avec Ctrl-C ou SIGTERM.`,
    workerBatch: (b) =>
      b.error !== undefined
        ? fr`${b.at}  échec ${b.kind === "expire" ? "de l’expiration" : "de l’envoi"}, nouvel essai dans ${b.retryInSeconds ?? 0} s : ${b.error}`
        : b.kind === "expire"
          ? fr`${b.at}  expiration : ${plural(b.expired, "lien marqué", "liens marqués")} EXPIRED`
          : fr`${b.at}  envoi : ${b.sent} envoyés, ${b.failed} en échec, ${b.retried} à réessayer, ${b.skipped} ignorés${b.reminders > 0 ? `, ${plural(b.reminders, "relance", "relances")}` : ""}`,
    serveListening: (url) => fr`L’API HTTP écoute sur ${url} (son document OpenAPI : ${url}/openapi.json).`,
    serveGenerated: (variable, value) => fr`${variable} n’était pas défini ; pour cette exécution, il vaut ${value}`,
    workerStopping: (signal) =>
      fr`${signal} : plus aucun nouvel e-mail n’est pris ; fin des envois en cours, puis arrêt.`,
    workerStopped: (s) =>
      fr`Worker arrêté après ${plural(s.batches, "lot", "lots")} : ${s.sent} envoyés, ${s.failed} en échec, ${s.retried} à réessayer, ${s.skipped} ignorés, ${s.expired} expirés.`,
    initWritten: (path) => fr`${path} écrit.`,
    initNext: fr`Modifiez-le (les clés qui commencent par // sont des commentaires), puis essayez : paylinks create --help`,
    creatingDatabase: (dir) =>
      fr`Création de la base de données intégrée dans ${dir} (premier usage : quelques secondes)…`,
  },
  help: {
    title: fr`paylinks — créer des liens de paiement et les envoyer par e-mail`,
    usage: fr`Utilisation :`,
    optionsWord: "options",
    commandsTitle: fr`Commandes :`,
    globalTitle: fr`Options générales :`,
    examplesTitle: fr`Exemples :`,
    intro: [
      fr`Sans configuration, paylinks utilise une boutique et un utilisateur de démonstration (toutes les permissions,`,
      fr`TEST et PRODUCTION), enregistre les liens dans une base intégrée, .paylinks/db, et écrit les e-mails dans`,
      fr`.paylinks/outbox (fichiers .eml). paylinks.config.json (voir paylinks init) ou l’environnement (DATABASE_URL,`,
      fr`SMTP_URL) passent à PostgreSQL et SMTP. Codes de sortie : 0 fait, 1 saisie non valide, 2 utilisation,`,
      fr`3 panne de base de données, de messagerie ou dépendance manquante.`,
    ],
    more: fr`Lancez paylinks <commande> --help pour les options d’une commande. Guide : docs/cli.md`,
    groups: {
      step1: fr`Étape 1, le lien :`,
      step2: fr`Étape 2, paramètres avancés (sinon, les valeurs par défaut de la boutique) :`,
      step3: fr`Étape 3, le message (sinon, le message par défaut) :`,
      run: fr`Exécution :`,
      filters: fr`Filtres :`,
      pages: fr`Pages :`,
      options: fr`Options :`,
    },
    values: {
      command: "commande",
      amount: "<montant>",
      addresses: "<adresses>",
      address: "<adresse>",
      code: "<code>",
      cursor: "<curseur>",
      date: "<date>",
      days: "<jours>",
      time: "<HH:MM>",
      file: "<fichier>",
      id: "<id>",
      instant: "<instant>",
      key: "<clé>",
      lang: "<fr|en>",
      language: "<langue>",
      number: "<n>",
      "per-second": "<par-seconde>",
      preference: "<préférence>",
      prefix: "<début>",
      reference: "<référence>",
      saving: "<choix>",
      seconds: "<secondes>",
      statuses: "<statuts>",
      text: "<texte>",
    },
    global: {
      json: fr`Affiche le résultat en un seul document JSON sur stdout (les erreurs aussi).`,
      lang: fr`Langue des messages : fr ou en (par défaut : selon LC_ALL, LC_MESSAGES ou LANG).`,
      config: fr`Fichier de configuration (par défaut : paylinks.config.json dans le dossier courant, s’il existe).`,
      debug: fr`Affiche la pile d’appels des erreurs.`,
      help: fr`Affiche l’aide.`,
      version: fr`Affiche la version.`,
    },
    commands: {
      create: {
        summary: fr`Crée un ordre de paiement : un lien par destinataire, envoyé à chacun par e-mail.`,
        usage: "--amount <montant> --to <adresses> [options]",
        description: [
          fr`Vérifie les trois étapes du formulaire, enregistre l’ordre et ses liens, et envoie les e-mails. Avec plusieurs`,
          fr`destinataires, la référence reçoit les suffixes -001, -002… Avec --dry-run, montre ce qui serait créé.`,
        ],
        options: {
          shop: fr`La boutique (par défaut : defaultShop de la configuration, ou la première boutique).`,
          amount: fr`Le montant tel qu’on le tape : 49,90 ou 49.90 ou 1 234,56.`,
          currency: fr`Code ISO 4217 (par défaut : la première devise de la boutique).`,
          reference: fr`La référence de la commande ; suffixée -001, -002… s’il y a plusieurs destinataires.`,
          to: fr`Les adresses e-mail des acheteurs, séparées par ; (répétable).`,
          "from-csv": fr`Une feuille CSV ou TSV, une ligne par destinataire : email, et au choix montant, devise, reference, reference_acheteur et des colonnes utilisées comme %variables%.`,
          "buyer-reference": fr`Votre référence pour l’acheteur.`,
          "bcc-manager": fr`Envoie une copie cachée au gestionnaire de la boutique.`,
          "bcc-me": fr`Vous envoie une copie cachée (l’e-mail de l’utilisateur).`,
          bcc: fr`Envoie des copies cachées à ces adresses, séparées par ; (répétable).`,
          test: fr`Crée un ordre de TEST (aucun argent ne circule) ; sinon PRODUCTION.`,
          language: fr`Langue du message et de la page de paiement : fr, en, de, es, it, nl, pt…`,
          "validity-days": fr`Jours de validité des liens, de 0 à 90 (0 : jusqu’à ce soir, dans le fuseau de la boutique).`,
          "remind-before": fr`Relances des liens impayés, en jours avant le jour d’expiration : 3,1 (5 au plus en tout).`,
          "remind-after": fr`Relances en jours après le jour de création : 2.`,
          "remind-at": fr`L’heure des relances dans le fuseau de la boutique (10:00 par défaut).`,
          expires: fr`Ou la date d’expiration, AAAA-MM-JJ : les liens expirent à 23:59:59 ce jour-là.`,
          "manual-validation": fr`Les paiements attendent une validation manuelle.`,
          "capture-delay": fr`Délai de remise en banque, en jours, de 0 à 365.`,
          "save-payment-method": fr`Enregistrement du moyen de paiement : none, ask ou always.`,
          "three-ds": fr`Préférence 3-D Secure : no_preference, challenge_requested, challenge_mandated ou no_challenge_requested.`,
          "data-collection-form": fr`Envoie d’abord l’acheteur sur le formulaire de collecte de données.`,
          subject: fr`L’objet de l’e-mail ; il peut utiliser des %variables% comme %reference% et %amount%.`,
          body: fr`Le corps de l’e-mail ; le lien est ajouté à la fin s’il n’a pas de %url%.`,
          "body-file": fr`Lit le corps dans un fichier (UTF-8).`,
          "dry-run": fr`Montre les références, les destinataires et le premier message ; n’enregistre et n’envoie rien.`,
          "no-deliver": fr`Enregistre l’ordre mais laisse les e-mails dans la file pour paylinks deliver.`,
          "idempotency-key": fr`Une clé à vous : la même commande relancée renvoie le même ordre.`,
        },
        examples: [
          'paylinks create --amount 49,90 --reference Recouvrement --to "marie@example.fr;paul@example.fr" --test --dry-run',
          "paylinks create --amount 120 --currency EUR --to jeanne@example.fr --validity-days 14 --bcc-me",
          "paylinks create --from-csv acheteurs.csv --reference Relance --subject 'Bonjour %prenom%' --dry-run",
        ],
      },
      deliver: {
        summary: fr`Envoie les e-mails en attente (une barre de progression dans un terminal).`,
        usage: "[options]",
        description: [
          fr`Envoie chaque e-mail de la file, en réessayant un moment en cas d’échec temporaire. Code de sortie 3 quand`,
          fr`un e-mail n’a pas pu être remis.`,
        ],
        options: {
          order: fr`Seulement les e-mails de cet ordre.`,
          limit: fr`Envoie au plus ce nombre d’e-mails.`,
          concurrency: fr`E-mails envoyés en même temps (8 par défaut).`,
          rate: fr`Le nombre maximal d’e-mails envoyés par seconde, tous les envois ensemble (par défaut : pas de limite).`,
          "max-wait": fr`Attente maximale des e-mails prévus plus tard, comme les nouvelles tentatives, en secondes (120 par défaut).`,
        },
        examples: ["paylinks deliver", "paylinks deliver --order V1StGXR8_Z5jdHi6B-myT --max-wait 0"],
      },
      serve: {
        summary: fr`Fait tourner l’API HTTP et le worker jusqu’à Ctrl-C ou SIGTERM.`,
        usage: "[options]",
        description: [
          fr`Sert paylinks/http sur --host et --port, et fait tourner le worker dans le même processus. Les requêtes`,
          fr`demandent Authorization: Bearer $PAYLINKS_API_KEY et agissent comme l’utilisateur configuré ; les`,
          fr`notifications sont signées avec $PAYLINKS_NOTIFICATION_SECRET. L’un ou l’autre absent est tiré au`,
          fr`hasard et affiché. À Ctrl-C ou SIGTERM, ne prend plus de requête ni d’e-mail, finit ceux en cours et`,
          fr`sort avec le code 0.`,
        ],
        options: {
          host: fr`L’adresse d’écoute (127.0.0.1 par défaut).`,
          port: fr`Le port d’écoute (8080 par défaut ; 0 en prend un libre).`,
          concurrency: fr`E-mails envoyés en même temps (8 par défaut).`,
          rate: fr`Le nombre maximal d’e-mails envoyés par seconde, tous les envois ensemble (par défaut : pas de limite).`,
        },
        examples: ["paylinks serve", "PAYLINKS_API_KEY=secret paylinks serve --port 3000"],
      },
      worker: {
        summary: fr`Envoie et fait expirer en continu jusqu’à Ctrl-C ou SIGTERM : le worker de longue durée.`,
        usage: "[options]",
        description: [
          fr`Envoie les e-mails dès qu’ils sont dus, regarde de nouveau toutes les --idle secondes quand aucun ne l’est,`,
          fr`et marque EXPIRED les liens en cours dont l’expiration est passée, dans toutes les boutiques, toutes les`,
          fr`--expire-every secondes. Affiche une ligne par lot (un objet JSON par ligne avec --json). À Ctrl-C ou`,
          fr`SIGTERM, ne prend plus d’e-mail, finit les envois en cours et sort avec le code 0. La base intégrée est`,
          fr`occupée tant qu’il tourne.`,
        ],
        options: {
          concurrency: fr`E-mails envoyés en même temps (8 par défaut).`,
          rate: fr`Le nombre maximal d’e-mails envoyés par seconde, tous les envois ensemble (par défaut : pas de limite).`,
          "expire-every": fr`Secondes entre deux expirations des liens dont l’expiration est passée (60 par défaut).`,
          idle: fr`Secondes avant de regarder de nouveau quand aucun e-mail n’est dû (1 par défaut).`,
        },
        examples: ["paylinks worker", "paylinks worker --concurrency 16 --expire-every 300 --json"],
      },
      list: {
        summary: fr`Liste les liens, du plus ancien au plus récent, avec des filtres.`,
        usage: "[filtres]",
        description: [],
        options: {
          status: fr`Statuts de paiement, séparés par des virgules : RUNNING, PAID, REFUSED, EXPIRED, CANCELLED.`,
          delivery: fr`Statuts d’envoi, séparés par des virgules : PENDING, SENT, FAILED.`,
          reference: fr`Les références qui commencent par ce texte.`,
          to: fr`Les liens envoyés à cette adresse.`,
          order: fr`Les liens de cet ordre.`,
          shop: fr`Les liens de cette boutique.`,
          test: fr`Seulement les liens de TEST.`,
          production: fr`Seulement les liens de PRODUCTION.`,
          limit: fr`Liens par page, de 1 à 1000 (50 par défaut).`,
          cursor: fr`La page suivante, telle qu’affichée à la fin de la précédente.`,
        },
        examples: ["paylinks list --status RUNNING --delivery FAILED", "paylinks list --reference Recouvrement --json"],
      },
      show: {
        summary: fr`Affiche un lien, ou un ordre et ses liens.`,
        usage: "<id> [--message]",
        description: [],
        options: { message: fr`Affiche aussi le texte de l’e-mail.` },
        examples: ["paylinks show V1StGXR8_Z5jdHi6B-myT --message"],
      },
      resend: {
        summary: fr`Renvoie l’e-mail d’un lien en cours.`,
        usage: "<id> [--no-deliver]",
        description: [],
        options: {
          "no-deliver": fr`Met l’e-mail dans la file pour paylinks deliver au lieu de l’envoyer tout de suite.`,
        },
        examples: [],
      },
      cancel: {
        summary: fr`Annule un lien en cours : l’acheteur ne peut plus payer.`,
        usage: "<id>",
        description: [],
        options: {},
        examples: [],
      },
      reactivate: {
        summary: fr`Relance un lien annulé, avant son expiration.`,
        usage: "<id>",
        description: [],
        options: {},
        examples: [],
      },
      expiry: {
        summary: fr`Change l’expiration d’un lien en cours ou expiré (un lien expiré court de nouveau) ; n’envoie rien.`,
        usage: "<id> (--validity-days <jours> | --expires <date>)",
        description: [],
        options: {
          "validity-days": fr`Jours à partir d’aujourd’hui, de 0 à 90, dans le fuseau de la boutique.`,
          expires: fr`La nouvelle date d’expiration, AAAA-MM-JJ (23:59:59 ce jour-là).`,
        },
        examples: ["paylinks expiry V1StGXR8_Z5jdHi6B-myT --validity-days 30"],
      },
      reminders: {
        summary: fr`Montre les relances d’un lien : son calendrier, combien sont parties, la prochaine ; ou les règle.`,
        usage: "<id> [--before <jours>] [--after <jours>] [--at <HH:MM>] [--none]",
        description: [
          fr`Sans option, il les montre. Un nouveau calendrier remplace l’ancien ; chaque relance doit tomber après maintenant et au plus tard à l’expiration.`,
        ],
        options: {
          before: fr`Jours avant le jour d’expiration : 3,1.`,
          after: fr`Jours après le jour de création : 2.`,
          at: fr`L’heure dans le fuseau de la boutique (par défaut : celle de la boutique, sinon 10:00).`,
          none: fr`Plus aucune relance pour ce lien.`,
        },
        examples: ["paylinks reminders V1StGXR8_Z5jdHi6B-myT --before 3,1", "paylinks reminders V1StGXR8_Z5jdHi6B-myT"],
      },
      duplicate: {
        summary: fr`Crée un nouvel ordre à partir d’un lien : même destinataire et mêmes paramètres, nouvelle référence.`,
        usage: "<id> [options]",
        description: [],
        options: {
          reference: fr`La nouvelle référence de commande (aucune sinon).`,
          "idempotency-key": fr`Une clé à vous : la même commande relancée renvoie le même ordre.`,
          "no-deliver": fr`Laisse l’e-mail dans la file pour paylinks deliver.`,
        },
        examples: ["paylinks duplicate V1StGXR8_Z5jdHi6B-myT --reference Relance-2"],
      },
      pay: {
        summary: fr`Enregistre un résultat de paiement simulé sur un lien de TEST en cours.`,
        usage: "<id> [--refused] [--transaction <id>]",
        description: [
          fr`Pour essayer : sur les liens de PRODUCTION, les résultats de paiement viennent de la plateforme de paiement.`,
        ],
        options: {
          refused: fr`Enregistre un paiement refusé (PAID sinon).`,
          transaction: fr`L’identifiant de transaction à enregistrer.`,
          at: fr`Quand il a eu lieu (maintenant par défaut), par exemple 2026-12-01T10:00:00Z.`,
        },
        examples: ["paylinks pay V1StGXR8_Z5jdHi6B-myT --transaction TX-0001"],
      },
      expire: {
        summary: fr`Marque EXPIRED les liens en cours dont l’expiration est passée.`,
        usage: "[--limit <n>]",
        description: [],
        options: { limit: fr`Fait expirer au plus ce nombre de liens.` },
        examples: [],
      },
      init: {
        summary: fr`Écrit un paylinks.config.json commenté avec les réglages de démonstration.`,
        usage: "[--force] [--config <fichier>]",
        description: [
          fr`JSON n’a pas de commentaires : les clés "$comment" ou qui commencent par "//" sont ignorées. Écrit dans`,
          fr`--config s’il est donné. Refuse de remplacer un fichier existant sans --force.`,
        ],
        options: { force: fr`Remplace un fichier existant.` },
        examples: ["paylinks init", "paylinks init --config config/paylinks.json --force"],
      },
    },
  },
};
