// The built `paylinks` command, run as a process, in everything that needs no database: help, dry runs, invalid
// input, usage errors, the config file, unreachable servers and missing optional dependencies. None of these
// creates the embedded database, so this file is fast.
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort } from "../support/smtp-server";
import { json, paylinks, ROOT, tempFolder } from "./cli-process";

const SEED = ["--amount", "49,90", "--reference", "Recouvrement", "--test"];
const THREE = ["--to", "marie@example.fr; paul@example.fr; jeanne@example.fr"];
/** 00:30 on 2 December in Paris, still 1 December in UTC: a day boundary between the two. */
const NOW = "2026-12-01T23:30:00Z";

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await tempFolder("usage"));
});
afterAll(() => remove());

const noStack = (text: string): void => expect(text).not.toMatch(/^\s+at /m);

describe("help and version", () => {
  it("lists every command, and each command's flags, in English and French", async () => {
    const general = await paylinks(["--help"], { cwd: dir });
    expect(general.code).toBe(0);
    for (const command of ["create", "deliver", "list", "show", "resend", "cancel", "reactivate", "expiry"]) {
      expect(general.stdout).toMatch(new RegExp(`^  ${command}\\s`, "m"));
    }
    for (const command of ["duplicate", "pay", "expire", "init"]) expect(general.stdout).toContain(`  ${command} `);

    const create = await paylinks(["create", "--help"], { cwd: dir });
    expect(create.code).toBe(0);
    for (const flag of ["--amount <amount>", "--to <addresses>", "--bcc-me", "--validity-days <days>", "--body-file"]) {
      expect(create.stdout).toContain(flag);
    }
    const french = await paylinks(["help", "pay", "--lang", "fr"], { cwd: dir });
    expect(french.code).toBe(0);
    expect(french.stdout).toContain("Enregistre un résultat de paiement simulé");
    expect(french.stdout).toContain("Utilisation\u00a0: paylinks pay <id>");
  });

  it("prints the version of package.json", async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string };
    const run = await paylinks(["--version"], { cwd: dir });
    expect([run.code, run.stdout.trim()]).toEqual([0, pkg.version]);
  });

  it("shows the help on stderr with exit code 2 when no command is given", async () => {
    const run = await paylinks([], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("give a command");
  });
});

describe("create --dry-run", () => {
  it("prints the three references, the recipients and the first message, and stores nothing", async () => {
    const run = await paylinks(["create", ...SEED, ...THREE, "--dry-run"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Dry run: nothing was stored or sent.");
    expect(run.stdout).toMatch(/Recouvrement-001\s+marie@example\.fr/);
    expect(run.stdout).toMatch(/Recouvrement-002\s+paul@example\.fr/);
    expect(run.stdout).toMatch(/Recouvrement-003\s+jeanne@example\.fr/);
    expect(run.stdout).toContain("Subject: Demo shop: your payment link");
    expect(run.stdout).toContain("You can pay €49.90 to Demo shop");
    expect(run.stdout).toContain("Order reference: Recouvrement-001");
    expect(existsSync(join(dir, ".paylinks"))).toBe(false);
  });

  it("gives the same plan whatever the machine's time zone (TZ), with the expiry in the shop's", async () => {
    const plan = async (tz: string) => {
      const run = await paylinks(["create", ...SEED, ...THREE, "--dry-run", "--json", "--lang", "fr"], {
        cwd: dir,
        env: { TZ: tz, PAYLINKS_NOW: NOW },
      });
      expect(run.code).toBe(0);
      // The URLs carry random tokens: the rest must be identical.
      return JSON.parse(run.stdout.replace(/\/t\/[\w-]+/g, "/t/TOKEN")) as {
        order: { expiresAt: string; advanced: { validityDays: number } };
        links: { reference: string }[];
        firstMessage: { subject: string; text: string };
      };
    };
    const east = await plan("Pacific/Kiritimati");
    const west = await plan("America/Adak");
    expect(west).toEqual(east);
    // Created on 2 December, Paris time; valid 7 days: until 9 December, 23:59:59 in Paris (22:59:59 UTC).
    expect(east.order.expiresAt).toBe("2026-12-09T22:59:59.000Z");
    expect(east.order.advanced.validityDays).toBe(7);
    expect(east.links.map((link) => link.reference)).toEqual([
      "Recouvrement-001",
      "Recouvrement-002",
      "Recouvrement-003",
    ]);
    expect(east.firstMessage.text).toContain("December 9, 2026");
  });

  it("completes a subject given alone with the default body, and reads --body-file", async () => {
    await writeFile(join(dir, "body.txt"), "Bonjour,\nVoici votre lien pour %reference% : %url%\n");
    const run = await paylinks(
      [
        "create",
        ...SEED,
        "--to",
        "a@example.fr",
        "--subject",
        "Facture %reference%",
        "--body-file",
        "body.txt",
        "--dry-run",
        "--json",
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const { firstMessage } = json<{ firstMessage: { subject: string; text: string } }>(run);
    expect(firstMessage.subject).toBe("Facture Recouvrement");
    expect(firstMessage.text).toMatch(
      /^Bonjour,\nVoici votre lien pour Recouvrement : https:\/\/pay\.example\.com\/t\//,
    );
  });
});

describe("invalid input: exit code 1, every issue with its field and code, no stack trace", () => {
  it("prints each issue in English", async () => {
    const run = await paylinks(
      ["create", "--amount", "0", "--to", "a@example.fr; b@", "--reference", "Rec ouv", "--validity-days", "120"],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("paylinks: the input has 4 issues:");
    expect(run.stderr).toMatch(/^ {2}amount\s+amount_not_positive\s+Enter an amount greater than zero\.$/m);
    expect(run.stderr).toMatch(/^ {2}orderReference\s+reference_invalid_character\s+/m);
    expect(run.stderr).toMatch(/^ {2}recipients\.1\s+recipient_invalid\s+/m);
    expect(run.stderr).toMatch(/^ {2}validityDays\s+validity_out_of_range\s+/m);
    noStack(run.stderr);
    expect(existsSync(join(dir, ".paylinks"))).toBe(false);
  });

  it("prints the messages in French with --lang fr, and from LANG", async () => {
    const args = ["create", "--amount", "0", "--to", "a@example.fr"];
    const flag = await paylinks([...args, "--lang", "fr"], { cwd: dir });
    const env = await paylinks(args, { cwd: dir, env: { LANG: "fr_FR.UTF-8" } });
    for (const run of [flag, env]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("la saisie comporte 1 problème\u00a0:");
      expect(run.stderr).toMatch(/amount {2}amount_not_positive {2}Saisissez un montant supérieur à zéro\./);
      noStack(run.stderr);
    }
  });

  it("gives one JSON error document with --json", async () => {
    const run = await paylinks(["create", "--amount", "49,999", "--to", "a@example.fr", "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    const { error } = json<{ error: { code: string; exitCode: number; issues: { code: string; path: unknown[] }[] } }>(
      run,
    );
    expect(error.code).toBe("invalid_request");
    expect(error.exitCode).toBe(1);
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([["amount_too_precise", ["link", "amount"]]]);
  });

  it("prints the stack trace only with --debug", async () => {
    const run = await paylinks(["create", "--amount", "0", "--to", "a@example.fr", "--debug"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^\s+at /m);
  });
});

describe("usage errors: exit code 2", () => {
  it.each([
    [["create", "--amout", "3"], "unknown option --amout"],
    [["frobnicate"], "unknown command “frobnicate”"],
    [["show"], "paylinks show needs <id>"],
    [["show", "a", "b"], "unexpected argument “b”"],
    [["create", "--to", "a@example.fr"], "paylinks create needs --amount."],
    [["create", "--amount"], "--amount needs a value."],
    [
      ["create", "--amount", "5", "--to", "a@example.fr", "--validity-days", "soon"],
      "--validity-days expects a number",
    ],
    [
      ["list", "--status", "WAITING"],
      "--status: “WAITING” is not one of RUNNING, PAID, REFUSED, EXPIRED or CANCELLED.",
    ],
    [["list", "--lang", "de"], "--lang: “de” is not one of fr or en."],
    [
      ["create", "--amount", "5", "--to", "a@example.fr", "--body", "x", "--body-file", "y"],
      "give --body or --body-file",
    ],
    [["create", "--json=yes"], "--json takes no value."],
  ])("paylinks %j", async (args, message) => {
    const run = await paylinks(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    noStack(run.stderr);
  });
});

describe("servers that cannot be reached: exit code 3 with a clear message", () => {
  it("names DATABASE_URL, without its password, when the database is closed", async () => {
    const port = await closedPort();
    const run = await paylinks(["list"], {
      cwd: dir,
      env: { DATABASE_URL: `postgres://app:secret@127.0.0.1:${port}/shop` },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      `paylinks: cannot reach the database given by DATABASE_URL (postgres://app:***@127.0.0.1:${port}/shop): connect ECONNREFUSED`,
    );
    expect(run.stderr).not.toContain("secret");
    noStack(run.stderr);
    const asJson = await paylinks(["list", "--json"], {
      cwd: dir,
      env: { DATABASE_URL: `postgres://127.0.0.1:${port}/x` },
    });
    expect(asJson.code).toBe(3);
    expect(json<{ error: { code: string } }>(asJson).error.code).toBe("database_unreachable");
  });

  it("checks SMTP_URL before anything is stored", async () => {
    const port = await closedPort();
    const run = await paylinks(["create", ...SEED, "--to", "a@example.fr"], {
      cwd: dir,
      env: { SMTP_URL: `smtp://127.0.0.1:${port}` },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`cannot reach the SMTP server given by SMTP_URL (smtp://127.0.0.1:${port})`);
    expect(run.stderr).toContain("Nothing was sent.");
    expect(existsSync(join(dir, ".paylinks"))).toBe(false);
  });
});

describe("missing optional dependencies: exit code 3", () => {
  it("names the package to install when @electric-sql/pglite, pg or nodemailer is missing", async () => {
    // A copy of the built package with only its dependencies, zod, nanoid and csv-parse: no optional peer dependency.
    const { dir: bare, remove: removeBare } = await tempFolder("bare");
    try {
      await mkdir(join(bare, "node_modules"));
      // The command imports the chunks it shares with the library's entries: copy the whole build.
      await cp(join(ROOT, "dist"), join(bare, "dist"), { recursive: true });
      await writeFile(
        join(bare, "package.json"),
        JSON.stringify({ name: "paylinks", version: "0.0.0", type: "module" }),
      );
      for (const name of ["zod", "nanoid", "csv-parse"])
        await symlink(join(ROOT, "node_modules", name), join(bare, "node_modules", name));
      const cli = join(bare, "dist/cli/index.js");
      const embedded = await paylinks(["list"], { cwd: dir, cli });
      expect(embedded.code).toBe(3);
      expect(embedded.stderr).toContain("the package @electric-sql/pglite is not installed");
      expect(embedded.stderr).toContain("npm install @electric-sql/pglite");
      const server = await paylinks(["list"], { cwd: dir, cli, env: { DATABASE_URL: "postgres://127.0.0.1:1/x" } });
      expect([server.code, server.stderr]).toEqual([3, expect.stringContaining("the package pg is not installed")]);
      const smtp = await paylinks(["deliver"], { cwd: dir, cli, env: { SMTP_URL: "smtp://127.0.0.1:1" } });
      expect([smtp.code, smtp.stderr]).toEqual([3, expect.stringContaining("the package nodemailer is not installed")]);
      noStack(embedded.stderr + server.stderr + smtp.stderr);
    } finally {
      await removeBare();
    }
  });
});

describe("init and the config file", () => {
  it("writes a commented config, refuses to overwrite it without --force, and the config works", async () => {
    const { dir: folder, remove: removeFolder } = await tempFolder("init");
    try {
      const first = await paylinks(["init"], { cwd: folder });
      expect(first.code).toBe(0);
      expect(first.stdout).toContain("Wrote paylinks.config.json.");
      const written = await readFile(join(folder, "paylinks.config.json"), "utf8");
      const config = JSON.parse(written) as Record<string, unknown>;
      expect(config.$comment).toBeDefined();
      expect(Object.keys(config).filter((key) => key.startsWith("//")).length).toBeGreaterThan(3);
      expect(config.paymentUrl).toBe("https://pay.example.com/t/{token}");

      const again = await paylinks(["init", "--lang", "fr"], { cwd: folder });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("paylinks.config.json existe déjà\u00a0; lancez paylinks init --force");
      expect(await readFile(join(folder, "paylinks.config.json"), "utf8")).toBe(written);
      expect((await paylinks(["init", "--force"], { cwd: folder })).code).toBe(0);

      // The file is read: a shop of its own, French, with its own payment URL.
      config.shops = [
        { id: "librairie", name: "Librairie Durand", language: "fr", timezone: "Europe/Paris", currencies: ["EUR"] },
      ];
      config.defaultShop = "librairie";
      config.actor = { ...(config.actor as object), shopIds: ["librairie"] };
      config.paymentUrl = "https://pay.librairie.example/{mode}/{token}";
      await writeFile(join(folder, "paylinks.config.json"), JSON.stringify(config));
      const plan = await paylinks(["create", ...SEED, "--to", "a@example.fr", "--dry-run", "--json"], { cwd: folder });
      expect(plan.code).toBe(0);
      const { firstMessage } = json<{ firstMessage: { subject: string; text: string } }>(plan);
      expect(firstMessage.subject).toBe("Librairie Durand\u00a0: votre lien de paiement");
      expect(firstMessage.text).toMatch(/https:\/\/pay\.librairie\.example\/TEST\/[\w-]{21}/);
    } finally {
      await removeFolder();
    }
  });

  it("reports every problem of a config file with its path, with exit code 2", async () => {
    const file = join(dir, "broken.json");
    await writeFile(
      file,
      JSON.stringify({
        "// note": "comments are fine",
        shops: [{ id: "s", name: "S", language: "fr", timezone: "Mars/Olympus", currencies: ["EUR", "XYZ"] }],
        paymentUrl: "https://pay.example.com/t/{id}",
        smpt: { url: "smtp://localhost" },
      }),
    );
    const run = await paylinks(["create", ...SEED, "--to", "a@example.fr", "--dry-run", "--config", file], {
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file} is not a valid paylinks configuration:`);
    expect(run.stderr).toMatch(/smpt\s+unknown_key\s+/);
    expect(run.stderr).toMatch(/shops\.0\.timezone\s+timezone_invalid\s+“Mars\/Olympus”/);
    expect(run.stderr).toMatch(/shops\.0\.currencies\.1\s+currency_unknown\s+/);
    expect(run.stderr).toMatch(/paymentUrl\s+payment_url_token\s+/);
    const missing = await paylinks(["list", "--config", "nowhere.json"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nowhere.json does not exist");
  });
});
