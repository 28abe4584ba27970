// The parts of the command that need no process: the message catalogs, the argument reader, the config file
// reader, the payment URL template, the progress display and the layout helpers. Imported from the sources.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io";
import { GLOBAL_OPTIONS } from "../../src/cli/command-line/option-spec";
import { looksLikeId, protectDashValues } from "../../src/cli/command-line/parse-command-line";
import { parseInstant } from "../../src/cli/command-line/parse-instant";
import { COMMAND_NAMES } from "../../src/cli/commands/command";
import { COMMANDS } from "../../src/cli/commands/registry";
import { stripComments } from "../../src/cli/config/config-comments";
import { configTemplate } from "../../src/cli/config/config-template";
import { loadSettings } from "../../src/cli/config/load-settings";
import { checkPaymentUrlTemplate, paymentUrlFrom } from "../../src/cli/config/payment-url";
import { languageOfEnvironment, resolveLanguage } from "../../src/cli/language";
import { issuePath } from "../../src/cli/output/issue-lines";
import { progressReporter } from "../../src/cli/output/progress";
import { table } from "../../src/cli/output/table";
import { redactUrl } from "../../src/cli/runtime/describe-error";
import { fr } from "../../src/cli/text/french-typography";
import { textEn } from "../../src/cli/text/text-en";
import { textFr } from "../../src/cli/text/text-fr";

const io = (cwd: string, env: Record<string, string> = {}): CliIo => ({
  stdout: { write: () => undefined },
  stderr: { write: () => undefined },
  env,
  cwd,
  trapInterrupt: () => () => undefined,
});

describe("the message catalogs", () => {
  it.each([
    ["en", textEn],
    ["fr", textFr],
  ])("%s documents every command, every flag and every value placeholder", (_, text) => {
    expect(Object.keys(text.help.commands).sort()).toEqual([...COMMAND_NAMES].sort());
    for (const name of COMMAND_NAMES) {
      const command = COMMANDS[name];
      expect(Object.keys(text.help.commands[name].options).sort(), name).toEqual(Object.keys(command.options).sort());
      for (const spec of Object.values(command.options))
        if (spec.value) expect(text.help.values[spec.value]).toBeTruthy();
      for (const group of command.groups ?? []) expect(text.help.groups[group.group]).toBeTruthy();
      // Every flag is in exactly one group.
      if (command.groups) {
        expect(command.groups.flatMap((group) => group.options).sort()).toEqual(Object.keys(command.options).sort());
      }
    }
    for (const name of Object.keys(GLOBAL_OPTIONS)) expect(text.help.global[name], name).toBeTruthy();
  });

  it("applies French typography to the French messages only, never to the values in them", () => {
    expect(fr`Fichier : ${"a : b"} « ${"x"} » ; fini !`).toBe(
      "Fichier\u00a0: a : b «\u00a0x\u00a0»\u00a0; fini\u00a0!",
    );
    expect(textFr.out.dryRun).toBe("Simulation\u00a0: rien n’a été enregistré ni envoyé.");
    expect(textFr.errors.invalidTransition(textFr.errors.actions.cancel ?? "", "PAID", "L1")).toBe(
      "impossible d’annuler le lien L1\u00a0: son statut de paiement est PAID.",
    );
    expect(textFr.errors.invalidTransition(textFr.errors.actions.resend ?? "", "PAID", "L1")).toContain(
      "impossible de renvoyer",
    );
    expect(textEn.out.dryRun).not.toContain("\u00a0");
  });
});

describe("reading the command line", () => {
  const options = {
    ...GLOBAL_OPTIONS,
    transaction: { type: "string" as const },
    refused: { type: "boolean" as const },
  };

  it("keeps ids and values that start with a dash as values", () => {
    expect(protectDashValues(["-V1StGXR8_Z5jdHi6B-myT", "--refused"], options)).toEqual([
      "--refused",
      "--",
      "-V1StGXR8_Z5jdHi6B-myT",
    ]);
    expect(protectDashValues(["L1", "--transaction", "-TX-1"], options)).toEqual(["L1", "--transaction=-TX-1"]);
    expect(protectDashValues(["-h", "-x", "L1", "--", "-y"], options)).toEqual(["-h", "-x", "L1", "--", "-y"]);
  });

  it("keeps an id that starts with -- as a value, and a mistyped flag as a flag", () => {
    // One nanoid in 4,096 starts with "--": such an id made "duplicate <id>" fail with exit code 2.
    expect(protectDashValues(["--x8Zq1_Gk2PwLm0aB7cDe", "--refused"], options)).toEqual([
      "--refused",
      "--",
      "--x8Zq1_Gk2PwLm0aB7cDe",
    ]);
    expect(protectDashValues(["L1", "--refsued"], options)).toEqual(["L1", "--refsued"]);
    expect(protectDashValues(["L1", "--data-colection-form"], options)).toEqual(["L1", "--data-colection-form"]);
    expect(protectDashValues(["--refused", "L1"], options)).toEqual(["--refused", "L1"]);
    expect(looksLikeId("--x8Zq1_Gk2PwLm0aB7cDe")).toBe(true);
    expect(looksLikeId("--idempotency-key")).toBe(false);
    expect(looksLikeId("--A1")).toBe(false);
  });

  it("reads instants only with their offset, so that TZ never changes their meaning", () => {
    expect(parseInstant("2026-12-01T10:00:00Z")?.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(parseInstant("2026-12-01T11:00+01:00")?.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(parseInstant("2026-12-01")?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(parseInstant("2026-12-01T10:00:00")).toBeUndefined();
    expect(parseInstant("tomorrow")).toBeUndefined();
  });

  it("takes the language from --lang, else LC_ALL, LC_MESSAGES or LANG", () => {
    expect(languageOfEnvironment({ env: { LANG: "fr_FR.UTF-8" } })).toBe("fr");
    expect(languageOfEnvironment({ env: { LC_ALL: "C.UTF-8", LANG: "fr_FR.UTF-8" } })).toBe("en");
    expect(languageOfEnvironment({ env: { LC_MESSAGES: "fr_CA", LANG: "en_GB" } })).toBe("fr");
    expect(languageOfEnvironment({ env: {} })).toBe("en");
    expect(resolveLanguage("FR", { env: {} }, textEn)).toBe("fr");
    expect(() => resolveLanguage("de", { env: {} }, textEn)).toThrow("“de” is not one of fr or en");
  });
});

describe("the config file", () => {
  it("ignores $comment and // keys at any depth", () => {
    expect(stripComments({ "//": 1, $comment: [], a: { "// b": 2, c: [{ "//x": 3, d: 4 }] } })).toEqual({
      a: { c: [{ d: 4 }] },
    });
  });

  it("reads the file init writes as the embedded defaults, paths resolved from the file's folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "paylinks-cli-parts-"));
    try {
      await writeFile(join(dir, "paylinks.config.json"), configTemplate());
      const settings = await loadSettings(io("/elsewhere"), textEn, join(dir, "paylinks.config.json"));
      expect(settings.shops.map((shop) => shop.id)).toEqual(["demo"]);
      expect(settings.storage).toEqual({ kind: "embedded", dir: join(dir, ".paylinks/db") });
      expect(settings.mail).toEqual({ kind: "outbox", dir: join(dir, ".paylinks/outbox"), from: "paylinks@localhost" });
      const fromEnv = await loadSettings(
        io(dir, { DATABASE_URL: "postgres://db/x", SMTP_URL: "smtp://mail:25" }),
        textEn,
        undefined,
      );
      expect(fromEnv.storage).toMatchObject({ kind: "postgres", url: "postgres://db/x", source: "DATABASE_URL" });
      expect(fromEnv.mail).toMatchObject({ kind: "smtp", url: "smtp://mail:25", source: "SMTP_URL" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("builds payment URLs from a template with {token}", () => {
    expect(checkPaymentUrlTemplate("https://pay.example.com/t/{token}")).toBeUndefined();
    expect(checkPaymentUrlTemplate("https://pay.example.com/t/{id}")).toBe("payment_url_token");
    expect(checkPaymentUrlTemplate("https://pay.example.com/{tokn}")).toBe("payment_url_invalid");
    expect(checkPaymentUrlTemplate("pay/{token}")).toBe("payment_url_invalid");
    const url = paymentUrlFrom("https://pay.example.com/{mode}/{token}?ref={reference}")({
      id: "L1",
      token: "t0k",
      reference: "A B&C",
      orderId: "O1",
      shopId: "s",
      mode: "TEST",
    });
    expect(url).toBe("https://pay.example.com/TEST/t0k?ref=A%20B%26C");
  });

  it("hides passwords in the URLs it names", () => {
    expect(redactUrl("postgres://app:secret@db:5432/x")).toBe("postgres://app:***@db:5432/x");
    expect(redactUrl("smtp://mail.example.com:587")).toBe("smtp://mail.example.com:587");
  });
});

describe("output", () => {
  it("draws a progress bar in place on a terminal, and plain lines otherwise", () => {
    const written: string[] = [];
    const stream = { write: (text: string) => void written.push(text) };
    const bar = progressReporter(stream, textEn, 2, "bar");
    bar.update({ sent: 1, failed: 0, retried: 0, skipped: 0, reminders: 0 });
    bar.update({ sent: 1, failed: 1, retried: 0, skipped: 0, reminders: 0 });
    bar.finish();
    expect(written).toEqual([
      `\r\x1b[2K${"█".repeat(12)}${"░".repeat(12)} 1/2  sent 1, failed 0, retried 0, skipped 0`,
      `\r\x1b[2K${"█".repeat(24)} 2/2  sent 1, failed 1, retried 0, skipped 0`,
      "\n",
    ]);
    written.length = 0;
    const lines = progressReporter(stream, textEn, 1, "lines");
    lines.update({ sent: 1, failed: 0, retried: 0, skipped: 0, reminders: 0 });
    lines.finish();
    expect(written).toEqual(["1/1  sent 1, failed 0, retried 0, skipped 0\n"]);
  });

  it("lays out tables and issue paths", () => {
    expect(
      table([
        ["ID", "STATUS"],
        ["a-long-id", "PAID"],
      ]),
    ).toEqual(["ID         STATUS", "a-long-id  PAID"]);
    expect(issuePath(["link", "recipients", 2])).toBe("recipients.2");
    expect(issuePath(["advanced", "validityDays"])).toBe("validityDays");
    expect(issuePath(["amount"])).toBe("amount");
  });
});
