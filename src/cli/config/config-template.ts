import { DEFAULTS, DEMO_SHOP, demoActor } from "./demo-defaults";

/**
 * The text `paylinks init` writes: a config file with the embedded defaults spelled out and explained. JSON has
 * no comments, so the explanations are keys the CLI ignores: `"$comment"` and keys starting with `"//"`. A section
 * under a `"//…"` key is switched off: rename `"//smtp"` to `"smtp"` to send through an SMTP server.
 *
 * @returns The file's content, ending with a line break.
 */
export function configTemplate(): string {
  const template = {
    $comment: [
      "paylinks CLI configuration: see docs/cli.md.",
      'JSON has no comments: keys named "$comment" or starting with "//" are ignored, at any depth.',
      'A section under a "//" key is switched off: rename "//smtp" to "smtp" to use it.',
      "Relative paths are resolved from the folder of this file.",
      "The environment wins over this file: DATABASE_URL (PostgreSQL) and SMTP_URL (SMTP).",
    ],
    "// shops": "The shops links are created for. create uses defaultShop unless --shop is given.",
    shops: [{ ...DEMO_SHOP, defaults: { validityDays: 7 } }],
    defaultShop: DEMO_SHOP.id,
    "// actor":
      "Who acts. Every command checks these permissions as the back office does; email receives the --bcc-me copy.",
    actor: demoActor([DEMO_SHOP.id]),
    "// paymentUrl":
      "The payment page of a link. {token} is required; {id}, {reference}, {orderId}, {shopId} and {mode} may be used too.",
    paymentUrl: DEFAULTS.paymentUrl,
    "// from": "The From address of the e-mails; the display name is the shop's name.",
    from: DEFAULTS.from,
    messageIdDomain: "paylinks.invalid",
    "// database":
      'The embedded PGlite database. For a PostgreSQL server: { "url": "postgres://user@host:5432/db", "schema": "public" }.',
    database: { dir: DEFAULTS.databaseDir },
    "// outbox": "Where e-mails are written as .eml files when no SMTP server is configured.",
    outbox: DEFAULTS.outboxDir,
    "//smtp": {
      $comment:
        'Rename this key to "smtp" to send through an SMTP server (add ?pool=false&secure=true… as nodemailer reads them).',
      url: "smtp://user:password@smtp.example.com:587",
    },
  };
  return `${JSON.stringify(template, null, 2)}\n`;
}
