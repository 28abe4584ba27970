// `paylinks create --from-csv`: a sheet as Excel or LibreOffice write it, through the built command. The dry runs
// need no database; the last test stores a batch in the embedded one.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guessSeparator } from "../../src/cli/commands/batch-file";
import { json, paylinks, tempFolder } from "./cli-process";

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await tempFolder("csv"));
});
afterAll(() => remove());

/** What Excel writes in French: a byte-order mark, `;`, CRLF, and quotes around a cell holding `;` or a quote. */
const EXCEL_FR =
  "\uFEFFE-mail;Montant;Prénom;Référence\r\n" +
  'marie@example.fr;49,90;"Marie; la ""grande""";\r\n' +
  "paul@example.fr;;Paul;P-7\r\n" +
  ";;;\r\n" +
  "jeanne@example.fr;12;Jeanne;\r\n";

interface DryRun {
  dryRun: boolean;
  links: {
    reference: string;
    recipient: string;
    amount: number;
    currency: string;
    variables: Record<string, string>;
  }[];
  firstMessage: { subject: string; text: string };
}

describe("guessSeparator", () => {
  it.each([
    ["a;b;c\n1,5;2;3", ";"],
    ["a,b,c\n1;2", ","],
    ["a\tb\tc\n1,2;3", "\t"],
    ['"x;y;z",b\n', ","],
    ["email\n", ";"],
  ])("%j → %j", (content, separator) => {
    expect(guessSeparator(content)).toBe(separator);
  });
});

describe("create --from-csv", () => {
  it("reads a French Excel sheet: BOM, ;, CRLF, quoted cells, a blank line; --dry-run --json", async () => {
    await writeFile(join(dir, "excel-fr.csv"), EXCEL_FR);
    const run = await paylinks(
      [
        "create",
        "--from-csv",
        "excel-fr.csv",
        "--amount",
        "20",
        "--reference",
        "Relance",
        "--subject",
        "Bonjour %prenom%",
        "--test",
        "--dry-run",
        "--json",
      ],
      { cwd: dir },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const plan = json<DryRun>(run);
    expect(plan.links.map((l) => [l.recipient, l.reference, l.amount, l.currency, l.variables])).toEqual([
      ["marie@example.fr", "Relance-001", 4990, "EUR", { prenom: 'Marie; la "grande"' }],
      ["paul@example.fr", "P-7", 2000, "EUR", { prenom: "Paul" }],
      ["jeanne@example.fr", "Relance-002", 1200, "EUR", { prenom: "Jeanne" }],
    ]);
    expect(plan.firstMessage.subject).toBe('Bonjour Marie; la "grande"');
  });

  it("shows the first ten rows, a count of the others and the total, in a dry run", async () => {
    const lines = ["email,amount,currency"];
    for (let i = 1; i <= 12; i++) lines.push(`buyer${i}@example.fr,${i}.50,${i % 2 === 0 ? "USD" : "EUR"}`);
    await writeFile(join(dir, "twelve.csv"), `${lines.join("\n")}\n`);
    const run = await paylinks(["create", "--from-csv", "twelve.csv", "--dry-run"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/buyer10@example\.fr/);
    expect(run.stdout).not.toMatch(/buyer11@example\.fr/);
    expect(run.stdout).toContain("… and 2 more links.");
    // EUR: 1.50 + 3.50 + … + 11.50 = 39.00; USD: 2.50 + 4.50 + … + 12.50 = 45.00.
    expect(run.stdout).toMatch(/Total: €39\.00 \+ \$45\.00/);
  });

  it("refuses a sheet with invalid rows, listing every row's issue, and stores nothing", async () => {
    await writeFile(join(dir, "bad.csv"), "email;amount\nnot-an-address;10\nok@example.fr;dix\n");
    const run = await paylinks(["create", "--from-csv", "bad.csv", "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    const error = json<{ error: { code: string; issues: { path: (string | number)[]; code: string }[] } }>(run);
    expect(error.error.code).toBe("invalid_request");
    expect(error.error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["rows.0.email", "recipient_invalid"],
      ["rows.1.amount", "amount_invalid"],
    ]);
  });

  it("places a row's issues at the sheet's row, counting the headings, blank lines and quoted line breaks", async () => {
    await writeFile(
      join(dir, "rows.csv"),
      'email;amount;note;reference\r\n\r\na@example.fr;1;"two\r\nlines";R-1\r\n;;;\r\nnot-an-address;2;;\r\nc@example.fr;3;;R-1\r\n',
    );
    const run = await paylinks(["create", "--from-csv", "rows.csv", "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    const error = json<{
      error: { issues: { path: (string | number)[]; code: string; sheetRow: number; message: string }[] };
    }>(run);
    // The request's rows are 0, 1, 2; the spreadsheet shows them on rows 3, 5 and 6.
    expect(error.error.issues.map((i) => [i.path.join("."), i.code, i.sheetRow])).toEqual([
      ["rows.1.email", "recipient_invalid", 5],
      ["rows.2.reference", "reference_duplicate", 6],
    ]);
    expect(error.error.issues[1]?.message).toBe(
      "The reference “R-1” is already the one of row 3: give each row its own reference.",
    );
    expect(run.stderr).toMatch(/^ {2}row 5, email +recipient_invalid /m);
    expect(run.stderr).toMatch(
      /^ {2}row 6, reference +reference_duplicate +The reference “R-1” is already the one of row 3/m,
    );
    const fr = await paylinks(["create", "--from-csv", "rows.csv", "--lang", "fr"], { cwd: dir });
    expect(fr.stderr).toMatch(
      /^ {2}ligne 6, reference +reference_duplicate +La référence «\u00a0R-1\u00a0» est déjà celle de la ligne 3/m,
    );
  });

  it("is a usage error with --to, or with a sheet csv-parse cannot read", async () => {
    const both = await paylinks(["create", "--from-csv", "bad.csv", "--to", "a@example.fr"], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--from-csv");
    await writeFile(join(dir, "broken.csv"), 'email;amount\n"a@example.fr;10\n');
    const broken = await paylinks(["create", "--from-csv", "broken.csv", "--amount", "1"], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("broken.csv");
    const missing = await paylinks(["create", "--from-csv", "nowhere.csv"], { cwd: dir });
    expect(missing.code).toBe(2);
  });

  it("stores the batch whole in the embedded database with --no-deliver", { timeout: 60_000 }, async () => {
    await writeFile(
      join(dir, "store.tsv"),
      "email\tamount\tfirst name\nann@example.fr\t7,5\tAnn\nbob@example.fr\t8\tBob\n",
    );
    const run = await paylinks(["create", "--from-csv", "store.tsv", "--test", "--no-deliver", "--json"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const made = json<{ links: { recipient: string; amount: number; deliveryStatus: string }[] }>(run);
    expect(made.links.map((l) => [l.recipient, l.amount, l.deliveryStatus])).toEqual([
      ["ann@example.fr", 750, "PENDING"],
      ["bob@example.fr", 800, "PENDING"],
    ]);
  });
});
