// The built `paylinks` command, run as a process, through the life of payment links on the embedded defaults
// (PGlite in .paylinks/db, e-mails in .paylinks/outbox). One working folder for the whole file: the embedded
// database is created once (a few seconds), and each command then opens it in well under a second. The tests run
// in order and build on each other.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../support/smtp-server";
import { CLI, type CliRun, cleanEnv, json, paylinks, tempFolder } from "./cli-process";

/** 00:30 on 2 December in Paris, still 1 December in UTC: every command runs at this instant. */
const NOW = "2026-12-01T23:30:00Z";

interface LinkJson {
  id: string;
  orderId: string;
  reference: string | null;
  recipient: string;
  mode: string;
  paymentStatus: string;
  deliveryStatus: string;
  expiresAt: string;
  sendCount: number;
  transactionId: string | null;
  messageId: string | null;
}

let dir: string;
let remove: () => Promise<void>;
const run = (args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> =>
  paylinks(args, { cwd: dir, env: { PAYLINKS_NOW: NOW, ...env } });

beforeAll(async () => {
  ({ dir, remove } = await tempFolder("flows"));
});
afterAll(() => remove());

const links: LinkJson[] = [];
const byReference = (reference: string): LinkJson => {
  const link = links.find((l) => l.reference === reference);
  if (!link) throw new Error(`no link ${reference}`);
  return link;
};

describe("create, deliver, list, show", () => {
  it("creates the seed's order, three TEST links -001 to -003, queued for delivery", { timeout: 60_000 }, async () => {
    const created = await run([
      "create",
      "--amount",
      "49,90",
      "--reference",
      "Recouvrement",
      "--to",
      "marie@example.fr; paul@example.fr; jeanne@example.fr",
      "--bcc-manager",
      "--test",
      "--no-deliver",
      "--json",
    ]);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const document = json<{ created: boolean; order: { reference: string; linkCount: number }; links: LinkJson[] }>(
      created,
    );
    expect([document.created, document.order.reference, document.order.linkCount]).toEqual([true, "Recouvrement", 3]);
    expect(document.links.map((l) => [l.reference, l.recipient, l.mode, l.paymentStatus, l.deliveryStatus])).toEqual([
      ["Recouvrement-001", "marie@example.fr", "TEST", "RUNNING", "PENDING"],
      ["Recouvrement-002", "paul@example.fr", "TEST", "RUNNING", "PENDING"],
      ["Recouvrement-003", "jeanne@example.fr", "TEST", "RUNNING", "PENDING"],
    ]);
    // Created on 2 December in Paris; valid 7 days: until 9 December 23:59:59 in Paris, whatever TZ says.
    expect(document.links[0]?.expiresAt).toBe("2026-12-09T22:59:59.000Z");
    links.push(...document.links);
  });

  it("delivers to the outbox with one progress line per e-mail when stdout is not a terminal", async () => {
    const delivered = await run(["deliver"]);
    expect(delivered.code).toBe(0);
    const lines = delivered.stdout.split("\n");
    expect(lines[0]).toBe("Delivering 3 e-mails…");
    expect(lines.filter((line) => /^\d\/3 {2}sent \d, failed 0, retried 0, skipped 0$/.test(line))).toHaveLength(3);
    expect(delivered.stdout).toContain("3/3  sent 3, failed 0, retried 0, skipped 0");
    expect(delivered.stdout).toContain("E-mails: 3 sent, 0 failed, 0 to retry, 0 skipped");
    expect(delivered.stdout).toContain("The e-mails are in .paylinks/outbox");
    expect(delivered.stdout).not.toContain("\r");

    const files = (await readdir(join(dir, ".paylinks/outbox"))).sort();
    expect(files).toEqual(links.flatMap((l) => [`${l.id}.1.envelope.json`, `${l.id}.1.eml`]).sort());
    const eml = await readFile(join(dir, ".paylinks/outbox", `${byReference("Recouvrement-001").id}.1.eml`), "utf8");
    expect(eml).toContain("To: marie@example.fr");
    expect(eml).toContain("Subject: Demo shop: your payment link");
    expect(eml).toContain("Date: Tue, 01 Dec 2026 23:30:"); // the Date header follows PAYLINKS_NOW, in UTC
    const envelope = JSON.parse(
      await readFile(join(dir, ".paylinks/outbox", `${byReference("Recouvrement-001").id}.1.envelope.json`), "utf8"),
    ) as { to: string[] };
    expect(envelope.to).toEqual(["marie@example.fr", "manager@demo-shop.example"]);

    const again = await run(["deliver", "--json"]);
    expect(again.code).toBe(0);
    expect(json<{ delivery: { sent: number; pending: boolean } }>(again).delivery).toMatchObject({
      sent: 0,
      pending: false,
    });
  });

  it("lists the links as a table in recipient order, with filters, in English and French", async () => {
    const table = await run(["list"]);
    expect(table.code).toBe(0);
    const rows = table.stdout.split("\n");
    expect(rows[0]).toMatch(/^ID\s+REFERENCE\s+RECIPIENT\s+AMOUNT\s+PAYMENT\s+DELIVERY\s+EXPIRES\s+MODE$/);
    expect(rows.slice(1, 4).map((row) => row.split(/\s{2,}/).slice(1))).toEqual([
      ["Recouvrement-001", "marie@example.fr", "€49.90", "RUNNING", "SENT", "2026-12-09", "TEST"],
      ["Recouvrement-002", "paul@example.fr", "€49.90", "RUNNING", "SENT", "2026-12-09", "TEST"],
      ["Recouvrement-003", "jeanne@example.fr", "€49.90", "RUNNING", "SENT", "2026-12-09", "TEST"],
    ]);
    expect(table.stdout).toContain("3 links.");

    const filtered = await run(["list", "--to", "PAUL@example.fr", "--delivery", "sent", "--test", "--lang", "fr"]);
    expect(filtered.code).toBe(0);
    expect(filtered.stdout).toMatch(
      /^ID\s+RÉFÉRENCE\s+DESTINATAIRE\s+MONTANT\s+PAIEMENT\s+ENVOI\s+EXPIRATION\s+MODE$/m,
    );
    expect(filtered.stdout).toContain("Recouvrement-002");
    expect(filtered.stdout).toContain("49,90\u00a0€");
    expect(filtered.stdout).toContain("1 lien.");
    expect(filtered.stdout).not.toContain("Recouvrement-001");

    const page = json<{ links: LinkJson[]; nextCursor: string | null }>(await run(["list", "--limit", "2", "--json"]));
    expect(page.links).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = json<{ links: LinkJson[]; nextCursor: string | null }>(
      await run(["list", "--limit", "2", "--cursor", page.nextCursor as string, "--json"]),
    );
    expect(next.links).toHaveLength(1);
    expect(next.nextCursor).toBeNull();
    const none = await run(["list", "--production"]);
    expect([none.code, none.stdout.trim()]).toEqual([0, "No links."]);
    const badCursor = await run(["list", "--cursor", "nope"]);
    expect([badCursor.code, badCursor.stderr]).toEqual([2, expect.stringContaining("is not a cursor printed by")]);
  });

  it("shows a link with its .eml file and message, and an order with its links", async () => {
    const link = byReference("Recouvrement-001");
    const shown = await run(["show", link.id, "--message"]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Reference\s+Recouvrement-001$/m);
    expect(shown.stdout).toMatch(/^Expires\s+2026-12-09 23:59:59 \(Europe\/Paris\)$/m);
    expect(shown.stdout).toMatch(/^Created\s+2026-12-02 00:30:\d\d \(Europe\/Paris\)$/m);
    expect(shown.stdout).toMatch(new RegExp(`^E-mail file\\s+\\.paylinks/outbox/${link.id}\\.1\\.eml$`, "m"));
    expect(shown.stdout).toContain("You can pay €49.90 to Demo shop");

    const order = await run(["show", link.orderId, "--json"]);
    expect(order.code).toBe(0);
    const document = json<{ order: { id: string }; links: LinkJson[] }>(order);
    expect(document.order.id).toBe(link.orderId);
    expect(document.links.map((l) => l.reference)).toEqual([
      "Recouvrement-001",
      "Recouvrement-002",
      "Recouvrement-003",
    ]);

    const unknown = await run(["show", "no-such-id"]);
    expect([unknown.code, unknown.stderr]).toEqual([1, "paylinks: no link or order has the id no-such-id.\n"]);
  });
});

describe("the lifecycle of a link", () => {
  it("records a payment on a TEST link, once", async () => {
    const link = byReference("Recouvrement-001");
    const paid = await run(["pay", link.id, "--transaction", "TX-0001"]);
    expect(paid.code).toBe(0);
    expect(paid.stdout).toContain("Link Recouvrement-001 is now PAID (transaction TX-0001).");
    const again = await run(["pay", link.id, "--refused", "--lang", "fr"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `paylinks: impossible d’enregistrer un paiement sur le lien ${link.id}\u00a0: son statut de paiement est PAID.\n`,
    );
  });

  it("cancels, reactivates, resends (a new .eml file) and moves the expiry", async () => {
    const link = byReference("Recouvrement-002");
    const cancelled = await run(["cancel", link.id]);
    expect([cancelled.code, cancelled.stdout]).toEqual([
      0,
      expect.stringContaining("cancelled: the buyer can no longer pay"),
    ]);
    const refused = await run(["resend", link.id, "--json"]);
    expect(refused.code).toBe(1);
    expect(json<{ error: { code: string; details: { status: string } } }>(refused).error).toMatchObject({
      code: "invalid_transition",
      details: { status: "CANCELLED" },
    });
    expect((await run(["reactivate", link.id])).stdout).toContain("Link Recouvrement-002 is running again.");

    const resent = await run(["resend", link.id, "--json"]);
    expect(resent.code).toBe(0);
    const after = json<{ link: LinkJson; delivery: { sent: number } }>(resent);
    expect([after.link.sendCount, after.link.deliveryStatus, after.delivery.sent]).toEqual([2, "SENT", 1]);
    expect(await readdir(join(dir, ".paylinks/outbox"))).toContain(`${link.id}.2.eml`);

    const moved = await run(["expiry", link.id, "--expires", "2026-12-31"]);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain("Link Recouvrement-002 now expires on 2026-12-31 23:59:59 (Europe/Paris).");
    const missing = await run(["expiry", link.id]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("needs --validity-days or --expires")]);
  });

  it("duplicates a link into a new order with a new reference, and sends it", async () => {
    const link = byReference("Recouvrement-003");
    const duplicated = await run(["duplicate", link.id, "--reference", "Relance-1", "--json"]);
    expect(duplicated.code).toBe(0);
    const document = json<{ order: { id: string }; links: LinkJson[] }>(duplicated);
    expect(document.order.id).not.toBe(link.orderId);
    expect(document.links.map((l) => [l.reference, l.recipient, l.deliveryStatus])).toEqual([
      ["Relance-1", "jeanne@example.fr", "SENT"],
    ]);
  });

  it("expires the links past their expiry, and reopens one by moving its expiry", async () => {
    // A PRODUCTION link created in November, valid one day.
    const old = await run(["create", "--amount", "10", "--to", "old@example.fr", "--validity-days", "1", "--json"], {
      PAYLINKS_NOW: "2026-11-02T09:00:00Z",
    });
    expect(old.code).toBe(0);
    const oldLink = json<{ links: LinkJson[] }>(old).links[0] as LinkJson;
    expect([oldLink.mode, oldLink.deliveryStatus, oldLink.expiresAt]).toEqual([
      "PRODUCTION",
      "SENT",
      "2026-11-03T22:59:59.000Z",
    ]);

    const expired = await run(["expire"]);
    expect([expired.code, expired.stdout]).toEqual([0, "1 link marked EXPIRED.\n"]);
    const listed = json<{ links: LinkJson[] }>(await run(["list", "--status", "EXPIRED", "--json"]));
    expect(listed.links.map((l) => l.id)).toEqual([oldLink.id]);
    expect((await run(["expire", "--lang", "fr"])).stdout).toBe("Aucun lien n’avait expiré.\n");

    // pay refuses PRODUCTION links: their results come from the payment platform.
    const pay = await run(["pay", oldLink.id]);
    expect(pay.code).toBe(1);
    expect(pay.stderr).toContain("is a PRODUCTION link: paylinks pay only records simulated payments on TEST links.");

    const reopened = await run(["expiry", oldLink.id, "--validity-days", "3", "--json"]);
    expect(reopened.code).toBe(0);
    expect(json<{ link: LinkJson }>(reopened).link).toMatchObject({
      paymentStatus: "RUNNING",
      expiresAt: "2026-12-05T22:59:59.000Z", // 2 December in Paris, plus 3 days
    });
  });
});

describe("on a terminal", () => {
  // util-linux `script` gives the command a terminal: stdout.isTTY is then true.
  const hasScript = process.platform === "linux" && existsSync("/usr/bin/script");

  it.skipIf(!hasScript)("deliver draws a progress bar redrawn in place", async () => {
    const queued = await run([
      "create",
      "--amount",
      "5",
      "--to",
      "x@example.fr; y@example.fr",
      "--test",
      "--no-deliver",
    ]);
    expect(queued.code).toBe(0);
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        "/usr/bin/script",
        ["-qec", `"${process.execPath}" "${CLI}" deliver`, "/dev/null"],
        { cwd: dir, env: { ...cleanEnv(), PAYLINKS_NOW: NOW }, encoding: "utf8", timeout: 60_000 },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      );
    });
    expect(output).toContain("Delivering 2 e-mails…");
    expect(output).toContain(`\r\x1b[2K${"█".repeat(12)}${"░".repeat(12)} 1/2  sent 1`);
    expect(output).toContain(`\r\x1b[2K${"█".repeat(24)} 2/2  sent 2, failed 0, retried 0, skipped 0`);
    expect(output).toContain("E-mails: 2 sent, 0 failed");
  });
});

describe("SMTP_URL and DATABASE_URL switch to an SMTP server and a PostgreSQL server", () => {
  it("sends through SMTP_URL, blind copies in the envelope only, and exits 3 when a recipient is refused", async () => {
    const server = await startSmtpServer();
    try {
      const env = { SMTP_URL: `smtp://127.0.0.1:${server.port}` };
      const sent = await run(["create", "--amount", "12,50", "--to", "smtp@example.fr", "--bcc-me", "--test"], env);
      expect(sent.code).toBe(0);
      expect(sent.stdout).toContain("E-mails: 1 sent, 0 failed");
      expect(sent.stdout).not.toContain(".paylinks/outbox");
      expect(server.messages.map((m) => [m.mailFrom, m.rcptTo])).toEqual([
        ["paylinks@localhost", ["smtp@example.fr", "me@demo-shop.example"]],
      ]);
      const [parsed] = await server.parsed();
      expect(parsed?.subject).toBe("Demo shop: your payment link");
      expect(parsed?.headers.has("bcc")).toBe(false);

      server.failRecipient("refused@example.fr", 550, Number.POSITIVE_INFINITY);
      const refused = await run(["create", "--amount", "5", "--to", "refused@example.fr", "--test", "--json"], env);
      expect(refused.code).toBe(3);
      expect(json<{ links: LinkJson[] }>(refused).links[0]?.deliveryStatus).toBe("FAILED");
      expect(refused.stderr).toContain("paylinks: 1 e-mail could not be delivered");
    } finally {
      await server.close();
    }
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "stores in the PostgreSQL server of DATABASE_URL, in the configured schema",
    async () => {
      const schema = `paylinks_cli_${process.pid}_${Date.now().toString(36)}`;
      const config = join(dir, "server.json");
      await writeFile(config, JSON.stringify({ database: { schema } }));
      const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
      try {
        const env = { DATABASE_URL: process.env.DATABASE_URL as string };
        const created = await run(
          ["create", "--amount", "7", "--to", "pg@example.fr", "--test", "--config", config, "--json"],
          env,
        );
        expect(created.code).toBe(0);
        const id = json<{ links: LinkJson[] }>(created).links[0]?.id;
        const rows = await pool.query(
          `select payment_status, delivery_status from "${schema}".paylinks_links where id = $1`,
          [id],
        );
        expect(rows.rows).toEqual([{ payment_status: "RUNNING", delivery_status: "SENT" }]);
        const listed = json<{ links: LinkJson[] }>(await run(["list", "--config", config, "--json"], env));
        expect(listed.links.map((link) => link.id)).toEqual([id]);
      } finally {
        await pool.query(`drop schema if exists "${schema}" cascade`);
        await pool.end();
      }
    },
  );
});
