import type { CliText } from "./cli-text";

const list = (items: readonly string[], and = "and"): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

const GLOBAL = {
  json: "Print the result as one JSON document on stdout (errors too).",
  lang: "Language of the messages: fr or en (default: from LC_ALL, LC_MESSAGES or LANG).",
  config: "Config file to read (default: paylinks.config.json in the working folder, if any).",
  debug: "Print the stack traces of errors.",
  help: "Show the help.",
  version: "Print the version.",
};

/** The CLI's messages in English. */
export const textEn: CliText = {
  locale: "en",
  usage: {
    noCommand: "give a command.",
    unknownCommand: (name) => `unknown command “${name}”. Run “paylinks --help” for the list of commands.`,
    unknownOption: (option) => `unknown option ${option}. Run the command with --help for its options.`,
    missingValue: (option) => `${option} needs a value.`,
    noValueExpected: (option) => `${option} takes no value.`,
    missingArgument: (command, args) =>
      `paylinks ${command} needs ${list(args.map((a) => `<${a}>`))}: paylinks ${command} ${args.map((a) => `<${a}>`).join(" ")}.`,
    unexpectedArgument: (value, command) => `unexpected argument “${value}” for paylinks ${command}.`,
    missingOptions: (command, options) => `paylinks ${command} needs ${list(options)}.`,
    missingOneOf: (command, options) => `paylinks ${command} needs ${list(options, "or")}.`,
    conflicting: (first, second) => `give ${first} or ${second}, not both.`,
    invalidNumber: (option, value) => `${option} expects a number, not “${value}”.`,
    invalidCount: (option, value, min) => `${option} expects a whole number of at least ${min}, not “${value}”.`,
    invalidRate: (option, value) =>
      `${option} expects a number of e-mails per second above 0, such as 10 or 0.5, not “${value}”.`,
    invalidChoice: (option, value, choices) => `${option}: “${value}” is not one of ${list(choices, "or")}.`,
    invalidInstant: (option, value) =>
      `${option} expects a date (2026-12-31) or an instant with its offset (2026-12-01T10:00:00Z), not “${value}”.`,
    invalidCursor: (cursor) => `--cursor: “${cursor}” is not a cursor printed by paylinks list.`,
    unreadableFile: (path, reason) => `cannot read ${path}: ${reason}`,
    unwritableFile: (path, reason) => `cannot write ${path}: ${reason}`,
  },
  config: {
    notFound: (path) => `the config file ${path} does not exist.`,
    invalid: (path) => `${path} is not a valid paylinks configuration:`,
    problems: {
      missing: () => "missing.",
      unknown_key: () => "unknown key (a comment key starts with // or is $comment).",
      expected_text: () => "expected a text.",
      expected_boolean: () => "expected true or false.",
      expected_number: () => "expected a number.",
      expected_list: () => "expected a list.",
      expected_object: () => "expected an object { … }.",
      expected_one_of: (value) => `expected one of: ${value}.`,
      payment_url_token: () => "the payment URL must contain {token}, the secret part of each link's URL.",
      payment_url_invalid: () =>
        "not an absolute URL with only {token}, {id}, {reference}, {orderId}, {shopId} and {mode} as placeholders.",
      timezone_invalid: (value) => `“${value}” is not an IANA time zone such as Europe/Paris.`,
      currency_unknown: (value) => `“${value}” is not an active ISO 4217 currency code.`,
      no_shops: () => "give at least one shop, or leave shops out to use the demo shop.",
      duplicate_shop: (value) => `two shops have the id “${value}”.`,
      default_shop_unknown: (value) => `no shop has the id “${value}”.`,
      invalid_json: (value) => `not valid JSON: ${value}`,
    },
  },
  errors: {
    invalidRequest: (count) => `the input has ${plural(count, "issue", "issues")}:`,
    invalidRequestPlain: (message) => `invalid request: ${message}`,
    sheetCell: (row, column) => (column === "" ? `row ${row}` : `row ${row}, ${column}`),
    invalidTransition: (action, status, linkId) => `cannot ${action} link ${linkId}: its payment status is ${status}.`,
    reactivateExpired: (linkId) =>
      `cannot reactivate link ${linkId}: it has expired. Move its expiry first (paylinks expiry).`,
    paymentAfterExpiry: (linkId) => `cannot record a payment on link ${linkId}: it has expired.`,
    forbidden: (d) =>
      d.permission === "viewAllOrders"
        ? "forbidden: this user may only see the orders it created."
        : d.permission !== undefined
          ? `forbidden: this user lacks the permission ${d.permission}.`
          : d.shopId !== undefined
            ? `forbidden: this user may not use shop ${d.shopId}.`
            : d.mode !== undefined
              ? `forbidden: this user may not use ${d.mode} payment orders.`
              : "forbidden.",
    notFound: (id) => `no link or order has the id ${id}.`,
    orderNotFound: (id) => `no order has the id ${id}.`,
    shopNotFound: (id) => `unknown shop ${id}: the configuration has no shop with this id.`,
    idempotencyConflict: (orderId) =>
      `this idempotency key was already used for a different request (order ${orderId}).`,
    concurrentUpdate: (linkId) => `link ${linkId} kept changing while this command ran; try again.`,
    storageFailed: (operation, reason) => `the database failed while ${operation}: ${reason}`,
    deliveryFailed: (message) => `the e-mail could not be sent: ${message}`,
    invalidContext: (message) => `the configuration cannot be used: ${message}`,
    actions: {
      resend: "resend",
      update: "update",
      changeExpiry: "change the expiry of",
      cancel: "cancel",
      reactivate: "reactivate",
      recordPayment: "record a payment on",
      expire: "expire",
    },
    missingDependency: (name, purpose) =>
      `the package ${name} is not installed; it is needed ${purpose}. Install it next to paylinks: npm install ${name}`,
    purposeEmbedded: "for the embedded database (set DATABASE_URL to use a PostgreSQL server instead)",
    purposePostgres: (source) => `to connect to the PostgreSQL server given by ${source}`,
    purposeSmtp: (source) => `to send e-mails through the SMTP server given by ${source}`,
    purposeOutbox: (dir) => `to write the e-mails as .eml files in ${dir} (set SMTP_URL to send them instead)`,
    databaseUnreachable: (source, url, reason) => `cannot reach the database given by ${source} (${url}): ${reason}`,
    embeddedFailed: (dir, reason) => `cannot open the embedded database in ${dir}: ${reason}`,
    databaseBusy: (dir, pid) =>
      `the embedded database in ${dir} is in use by another paylinks command (process ${pid}); try again when it is done.`,
    smtpUnreachable: (source, url, reason) =>
      `cannot reach the SMTP server given by ${source} (${url}): ${reason}. Nothing was sent.`,
    noAnswer: (seconds) => `no answer within ${seconds} s`,
    outboxUnwritable: (dir, reason) => `cannot write to the outbox folder ${dir}: ${reason}`,
    fileExists: (path) => `${path} exists already; run paylinks init --force to overwrite it.`,
    testModeOnly: (link) =>
      `link ${link} is a PRODUCTION link: paylinks pay only records simulated payments on TEST links.`,
    deliveryIncomplete: (failed, pending) =>
      failed > 0
        ? `${plural(failed, "e-mail", "e-mails")} could not be delivered (see lastError with paylinks show).`
        : pending
          ? "some e-mails are still waiting for another attempt: run paylinks deliver later."
          : "delivery is incomplete.",
    unexpected: (reason) => `unexpected error: ${reason}`,
    debugHint: "Run the command again with --debug to see the stack trace.",
    causedBy: "Caused by",
  },
  out: {
    columns: {
      id: "ID",
      reference: "REFERENCE",
      recipient: "RECIPIENT",
      amount: "AMOUNT",
      payment: "PAYMENT",
      delivery: "DELIVERY",
      expires: "EXPIRES",
      mode: "MODE",
    },
    fields: {
      link: "Link",
      order: "Order",
      shop: "Shop",
      mode: "Mode",
      reference: "Reference",
      recipient: "Recipient",
      bcc: "Blind copies",
      amount: "Amount",
      buyerReference: "Buyer reference",
      payment: "Payment",
      delivery: "Delivery",
      expires: "Expires",
      created: "Created",
      createdBy: "Created by",
      url: "URL",
      language: "Language",
      subject: "Subject",
      sends: "Sends",
      sent: "Sent",
      messageId: "Message-ID",
      emlFile: "E-mail file",
      lastError: "Last error",
      transaction: "Transaction",
      paidAt: "Payment at",
      reminderSchedule: "Reminders",
      remindersSent: "Reminders sent",
      nextReminder: "Next reminder",
      links: "Links",
    },
    dryRun: "Dry run: nothing was stored or sent.",
    moreLinks: (count) => `… and ${plural(count, "more link", "more links")}.`,
    batchTotal: (totals) => `Total: ${totals.join(" + ")}`,
    subjectLine: (subject) => `Subject: ${subject}`,
    firstMessage: (recipient, reference) => `First message, to ${recipient}${reference ? ` (${reference})` : ""}:`,
    orderCreated: (orderId, links, mode) => `Order ${orderId} created (${mode}): ${plural(links, "link", "links")}.`,
    orderReplayed: (orderId) =>
      `Order ${orderId} was already created with this idempotency key: nothing new was created.`,
    duplicated: (linkId, orderId) => `Link ${linkId} duplicated: new order ${orderId}.`,
    queued: "The e-mails wait in the queue: run paylinks deliver to send them.",
    deliverStart: (total) =>
      total === 0 ? "No e-mail is waiting." : `Delivering ${plural(total, "e-mail", "e-mails")}…`,
    progressLine: (done, total, p) =>
      `${done}/${total}  sent ${p.sent}, failed ${p.failed}, retried ${p.retried}, skipped ${p.skipped}`,
    deliverySummary: (r) => `E-mails: ${r.sent} sent, ${r.failed} failed, ${r.retried} to retry, ${r.skipped} skipped.`,
    outboxAt: (dir) => `The e-mails are in ${dir} (.eml files, which any mail client opens).`,
    pendingLater: "Some e-mails are due later: run paylinks deliver again then.",
    interrupted: "Interrupted: finishing the e-mails under way, then stopping.",
    noLinks: "No links.",
    linkCount: (count) => `${plural(count, "link", "links")}.`,
    nextPage: (cursor) => `Next page: paylinks list --cursor ${cursor}`,
    cancelled: (link) => `Link ${link} cancelled: the buyer can no longer pay.`,
    reactivated: (link) => `Link ${link} is running again.`,
    resendQueued: (link) => `The e-mail of link ${link} is queued again: run paylinks deliver to send it.`,
    resent: (link, recipient) => `The e-mail of link ${link} was sent again to ${recipient}.`,
    expiryChanged: (link, when) => `Link ${link} now expires on ${when}.`,
    remindersChanged: (link) => `The reminders of link ${link} are set.`,
    reminderSchedule: (s) => {
      if (s === undefined) return "none";
      const parts = [
        ...(s.beforeExpiry.length > 0 ? [`${s.beforeExpiry.join(", ")} days before the expiry day`] : []),
        ...(s.afterCreation.length > 0 ? [`${s.afterCreation.join(", ")} days after creation`] : []),
      ];
      return `${parts.join("; ")}, at ${s.time}`;
    },
    paid: (link, status, transactionId) =>
      `Link ${link} is now ${status}${transactionId ? ` (transaction ${transactionId})` : ""}.`,
    expired: (count) => (count === 0 ? "No link had expired." : `${plural(count, "link", "links")} marked EXPIRED.`),
    workerStarted: (idle, expire) =>
      `Worker started: sends the e-mails as they fall due (looking again every ${idle} s when none is) and expires links every ${expire} s. Stop it with Ctrl-C or SIGTERM.`,
    workerBatch: (b) =>
      b.error !== undefined
        ? `${b.at}  ${b.kind} failed, next try in ${b.retryInSeconds ?? 0} s: ${b.error}`
        : b.kind === "expire"
          ? `${b.at}  expire: ${plural(b.expired, "link", "links")} marked EXPIRED`
          : `${b.at}  deliver: ${b.sent} sent, ${b.failed} failed, ${b.retried} to retry, ${b.skipped} skipped${b.reminders > 0 ? `, ${plural(b.reminders, "reminder", "reminders")}` : ""}`,
    serveListening: (url) => `The HTTP API listens on ${url} (its OpenAPI document: ${url}/openapi.json).`,
    serveGenerated: (variable, value) => `${variable} was not set; for this run it is ${value}`,
    workerStopping: (signal) => `${signal}: no new e-mails are taken; finishing the ones under way, then stopping.`,
    workerStopped: (s) =>
      `Worker stopped after ${plural(s.batches, "batch", "batches")}: ${s.sent} sent, ${s.failed} failed, ${s.retried} to retry, ${s.skipped} skipped, ${s.expired} expired.`,
    initWritten: (path) => `Wrote ${path}.`,
    initNext: "Edit it (keys starting with // are comments), then try: paylinks create --help",
    creatingDatabase: (dir) => `Creating the embedded database in ${dir} (first use: a few seconds)…`,
  },
  help: {
    title: "paylinks — create payment links and send them by e-mail",
    usage: "Usage:",
    optionsWord: "options",
    commandsTitle: "Commands:",
    globalTitle: "Global options:",
    examplesTitle: "Examples:",
    intro: [
      "Without configuration, paylinks uses a demo shop and a demo user (every permission, TEST and PRODUCTION),",
      "stores links in an embedded database in .paylinks/db and writes e-mails to .paylinks/outbox as .eml files.",
      "paylinks.config.json (see paylinks init) or the environment (DATABASE_URL, SMTP_URL) switch to",
      "PostgreSQL and SMTP. Exit codes: 0 done, 1 invalid input, 2 usage, 3 database, mail or dependency failure.",
    ],
    more: "Run paylinks <command> --help for the options of a command. Guide: docs/cli.md",
    groups: {
      step1: "Step 1, the link:",
      step2: "Step 2, advanced parameters (the shop's defaults otherwise):",
      step3: "Step 3, the message (the default message otherwise):",
      run: "Run:",
      filters: "Filters:",
      pages: "Pages:",
      options: "Options:",
    },
    values: {
      command: "command",
      amount: "<amount>",
      addresses: "<addresses>",
      address: "<address>",
      code: "<code>",
      cursor: "<cursor>",
      date: "<date>",
      days: "<days>",
      time: "<HH:MM>",
      file: "<file>",
      id: "<id>",
      instant: "<instant>",
      key: "<key>",
      lang: "<fr|en>",
      language: "<language>",
      number: "<n>",
      "per-second": "<per-second>",
      preference: "<preference>",
      prefix: "<prefix>",
      reference: "<reference>",
      saving: "<saving>",
      seconds: "<seconds>",
      statuses: "<statuses>",
      text: "<text>",
    },
    global: GLOBAL,
    commands: {
      create: {
        summary: "Create a payment order: one link per recipient, e-mailed to each.",
        usage: "--amount <amount> --to <addresses> [options]",
        description: [
          "Checks the three steps of the form, stores the order and its links, and sends the e-mails. With several",
          "recipients, the reference gets the suffixes -001, -002, … With --dry-run, shows what would be created.",
        ],
        options: {
          shop: "The shop (default: the config's defaultShop, or the first shop).",
          amount: "The amount as a person types it: 49,90 or 49.90 or 1 234,56.",
          currency: "ISO 4217 code (default: the shop's first currency).",
          reference: "The order reference; suffixed -001, -002, … with several recipients.",
          to: "The buyers' e-mail addresses, separated by ; (may be repeated).",
          "from-csv":
            "A CSV or TSV sheet, one row per recipient: email, and optionally amount, currency, reference, buyer_reference and columns used as %variables%.",
          "buyer-reference": "Your reference for the buyer.",
          "bcc-manager": "Send a blind copy to the shop manager.",
          "bcc-me": "Send a blind copy to yourself (the actor's e-mail).",
          bcc: "Send blind copies to these addresses, separated by ; (may be repeated).",
          test: "Create a TEST order (no money moves); PRODUCTION otherwise.",
          language: "Language of the message and the payment page: fr, en, de, es, it, nl, pt…",
          "validity-days": "Days the links stay valid, 0 to 90 (0: until tonight, in the shop's time zone).",
          "remind-before": "Reminders for unpaid links, in days before the expiry day: 3,1 (at most 5 in all).",
          "remind-after": "Reminders in days after the creation day: 2.",
          "remind-at": "The time of day of the reminders in the shop's time zone (default 10:00).",
          expires: "Expiry date instead, YYYY-MM-DD: the links expire at 23:59:59 that day.",
          "manual-validation": "Payments wait for a manual validation.",
          "capture-delay": "Days between payment and capture, 0 to 365.",
          "save-payment-method": "Save the buyer's payment method: none, ask or always.",
          "three-ds":
            "3-D Secure preference: no_preference, challenge_requested, challenge_mandated or no_challenge_requested.",
          "data-collection-form": "Send the buyer to the data-collection form first.",
          subject: "The e-mail's subject; may use %variables% such as %reference% and %amount%.",
          body: "The e-mail's body; the link is added at the end when it has no %url%.",
          "body-file": "Read the body from a file (UTF-8).",
          "dry-run": "Show the references, recipients and first message; store and send nothing.",
          "no-deliver": "Store the order but leave the e-mails queued for paylinks deliver.",
          "idempotency-key": "A key of yours: the same command run again returns the same order.",
        },
        examples: [
          'paylinks create --amount 49,90 --reference Recouvrement --to "marie@example.fr;paul@example.fr" --test --dry-run',
          "paylinks create --amount 120 --currency EUR --to jeanne@example.fr --validity-days 14 --bcc-me",
          "paylinks create --from-csv buyers.csv --reference Relance --subject 'Bonjour %prenom%' --dry-run",
        ],
      },
      deliver: {
        summary: "Send the e-mails that are due (a progress bar on a terminal).",
        usage: "[options]",
        description: [
          "Sends every queued e-mail, retrying the temporary failures for a while. Exit code 3 when an e-mail",
          "could not be delivered.",
        ],
        options: {
          order: "Only the e-mails of this order.",
          limit: "Send at most this many e-mails.",
          concurrency: "E-mails sent at the same time (default 8).",
          rate: "The most e-mails sent per second, all slots together (default: no limit).",
          "max-wait": "How long to wait for e-mails due later, such as retries, in seconds (default 120).",
        },
        examples: ["paylinks deliver", "paylinks deliver --order V1StGXR8_Z5jdHi6B-myT --max-wait 0"],
      },
      worker: {
        summary: "Deliver and expire continuously until Ctrl-C or SIGTERM: the long-running worker.",
        usage: "[options]",
        description: [
          "Sends the e-mails as they fall due, looking again every --idle seconds when none is, and marks EXPIRED",
          "the running links past their expiry, in every shop, every --expire-every seconds. Prints one line per",
          "batch (one JSON object per line with --json). On Ctrl-C or SIGTERM, it takes no new e-mail, finishes",
          "the ones under way, and exits with code 0. The embedded database is in use while it runs.",
        ],
        options: {
          concurrency: "E-mails sent at the same time (default 8).",
          rate: "The most e-mails sent per second, all slots together (default: no limit).",
          "expire-every": "Seconds between two expiries of the links past their expiry (default 60).",
          idle: "Seconds before looking again when no e-mail is due (default 1).",
        },
        examples: ["paylinks worker", "paylinks worker --concurrency 16 --expire-every 300 --json"],
      },
      serve: {
        summary: "Run the HTTP API and the worker until Ctrl-C or SIGTERM.",
        usage: "[options]",
        description: [
          "Serves paylinks/http on --host and --port, and runs the worker in the same process. Requests need",
          "Authorization: Bearer $PAYLINKS_API_KEY and act as the configured user; notifications are signed with",
          "$PAYLINKS_NOTIFICATION_SECRET. Either one not set is made at random and printed. On Ctrl-C or SIGTERM",
          "it stops taking requests and e-mails, finishes the ones under way, and exits with code 0.",
        ],
        options: {
          host: "The address to listen on (default 127.0.0.1).",
          port: "The port to listen on (default 8080; 0 takes a free one).",
          concurrency: "E-mails sent at the same time (default 8).",
          rate: "The most e-mails sent per second, all slots together (default: no limit).",
        },
        examples: ["paylinks serve", "PAYLINKS_API_KEY=secret paylinks serve --port 3000"],
      },
      list: {
        summary: "List links, oldest first, with filters.",
        usage: "[filters]",
        description: [],
        options: {
          status: "Payment statuses, separated by commas: RUNNING, PAID, REFUSED, EXPIRED, CANCELLED.",
          delivery: "Delivery statuses, separated by commas: PENDING, SENT, FAILED.",
          reference: "References starting with this text.",
          to: "Links sent to this address.",
          order: "The links of this order.",
          shop: "The links of this shop.",
          test: "TEST links only.",
          production: "PRODUCTION links only.",
          limit: "Links per page, 1 to 1000 (default 50).",
          cursor: "The next page, as printed at the end of the previous one.",
        },
        examples: ["paylinks list --status RUNNING --delivery FAILED", "paylinks list --reference Recouvrement --json"],
      },
      show: {
        summary: "Show a link, or an order with its links.",
        usage: "<id> [--message]",
        description: [],
        options: { message: "Also print the e-mail's text." },
        examples: ["paylinks show V1StGXR8_Z5jdHi6B-myT --message"],
      },
      resend: {
        summary: "Send a running link's e-mail again.",
        usage: "<id> [--no-deliver]",
        description: [],
        options: { "no-deliver": "Queue the e-mail for paylinks deliver instead of sending it now." },
        examples: [],
      },
      cancel: {
        summary: "Cancel a running link: the buyer can no longer pay.",
        usage: "<id>",
        description: [],
        options: {},
        examples: [],
      },
      reactivate: {
        summary: "Make a cancelled link run again, before its expiry.",
        usage: "<id>",
        description: [],
        options: {},
        examples: [],
      },
      expiry: {
        summary: "Move the expiry of a running or expired link (an expired one runs again); sends nothing.",
        usage: "<id> (--validity-days <days> | --expires <date>)",
        description: [],
        options: {
          "validity-days": "Days from today, 0 to 90, in the shop's time zone.",
          expires: "The new expiry date, YYYY-MM-DD (23:59:59 that day).",
        },
        examples: ["paylinks expiry V1StGXR8_Z5jdHi6B-myT --validity-days 30"],
      },
      reminders: {
        summary: "Show the reminders of a link: its schedule, how many went out, the next one; or set them.",
        usage: "<id> [--before <days>] [--after <days>] [--at <HH:MM>] [--none]",
        description: [
          "Without options it shows them. A new schedule replaces the old one; each reminder must fall after now and at or before the expiry.",
        ],
        options: {
          before: "Days before the expiry day: 3,1.",
          after: "Days after the creation day: 2.",
          at: "The time of day in the shop's time zone (default: the shop's, else 10:00).",
          none: "No more reminders for this link.",
        },
        examples: ["paylinks reminders V1StGXR8_Z5jdHi6B-myT --before 3,1", "paylinks reminders V1StGXR8_Z5jdHi6B-myT"],
      },
      duplicate: {
        summary: "Create a new order from a link: same recipient and settings, a new reference.",
        usage: "<id> [options]",
        description: [],
        options: {
          reference: "The new order reference (none otherwise).",
          "idempotency-key": "A key of yours: the same command run again returns the same order.",
          "no-deliver": "Leave the e-mail queued for paylinks deliver.",
        },
        examples: ["paylinks duplicate V1StGXR8_Z5jdHi6B-myT --reference Relance-2"],
      },
      pay: {
        summary: "Record a simulated payment result on a running TEST link.",
        usage: "<id> [--refused] [--transaction <id>]",
        description: ["For trying things out: on PRODUCTION links, payment results come from the payment platform."],
        options: {
          refused: "Record a refused payment (PAID otherwise).",
          transaction: "The transaction id to record.",
          at: "When it happened (default now), e.g. 2026-12-01T10:00:00Z.",
        },
        examples: ["paylinks pay V1StGXR8_Z5jdHi6B-myT --transaction TX-0001"],
      },
      expire: {
        summary: "Mark EXPIRED the running links whose expiry has passed.",
        usage: "[--limit <n>]",
        description: [],
        options: { limit: "Expire at most this many links." },
        examples: [],
      },
      init: {
        summary: "Write a commented paylinks.config.json with the demo settings.",
        usage: "[--force] [--config <file>]",
        description: [
          'JSON has no comments: keys named "$comment" or starting with "//" are ignored. Writes to --config',
          "when given. Refuses to overwrite an existing file without --force.",
        ],
        options: { force: "Overwrite an existing file." },
        examples: ["paylinks init", "paylinks init --config config/paylinks.json --force"],
      },
    },
  },
};
