// npm run demo: runs the built `paylinks` command end to end in a fresh temporary folder (kept afterwards, so
// that the e-mails can be opened): the seed's example, "Recouvrement" for three recipients, as a TEST order.
// It always uses the embedded defaults (PGlite in .paylinks/db, the .eml outbox in .paylinks/outbox, whose files
// nodemailer composes): DATABASE_URL and SMTP_URL are removed from its environment.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli/index.js", import.meta.url));
if (!existsSync(cli)) {
  console.error("dist/cli/index.js is missing: run npm run build first (npm run demo does).");
  process.exit(1);
}
// The two optional peer dependencies the embedded defaults load (the repository's devDependencies).
for (const [name, purpose] of [
  ["@electric-sql/pglite", "the embedded database"],
  ["nodemailer", "composing the .eml files of the outbox"],
]) {
  try {
    import.meta.resolve(name);
  } catch {
    console.error(`${name} is missing (needed for ${purpose}): run npm install first.`);
    process.exit(1);
  }
}
const dir = mkdtempSync(join(tmpdir(), "paylinks-demo-"));
const env = { ...process.env };
for (const name of ["DATABASE_URL", "SMTP_URL", "PAYLINKS_NOW"]) delete env[name];

const quote = (arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `"${arg}"`);

/** Runs `paylinks …` in the demo folder, showing the command line and its output; stops the demo if it fails. */
function paylinks(args, { capture = false } = {}) {
  if (!capture) console.log(`\n$ paylinks ${args.map(quote).join(" ")}`);
  const run = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    env,
    encoding: "utf8",
    stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit",
  });
  if (run.status !== 0) {
    console.error(`\nThe demo stopped: paylinks ${args[0]} exited with code ${run.status}. Its folder: ${dir}`);
    process.exit(1);
  }
  return run.stdout;
}

console.log(`paylinks demo, in ${dir}`);
const recipients = "marie@example.fr; paul@example.fr; jeanne@example.fr";
const order = ["--amount", "49,90", "--reference", "Recouvrement", "--to", recipients, "--bcc-manager", "--test"];

paylinks(["create", ...order, "--dry-run"]);
paylinks(["create", ...order, "--no-deliver"]);
paylinks(["deliver"]);
paylinks(["list"]);

const first = JSON.parse(paylinks(["list", "--reference", "Recouvrement-001", "--json"], { capture: true })).links[0];
paylinks(["pay", first.id, "--transaction", "TX-DEMO-0001"]);
paylinks(["show", first.id]);

const outbox = join(dir, ".paylinks", "outbox");
const emails = readdirSync(outbox).filter((name) => name.endsWith(".eml"));
console.log(`\nThe ${emails.length} e-mails are .eml files, which any mail client opens, in ${outbox}:`);
for (const name of emails) console.log(`  ${join(outbox, name)}`);
console.log(`\nTry more in that folder: cd ${dir} && node ${cli} --help`);
console.log(`Remove it when you are done: rm -rf ${dir}`);
