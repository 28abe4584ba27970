/**
 * Runs every benchmark, prints the tables and writes docs/performance.md. Run with `npm run bench`; with
 * `npm run bench -- --only=http` (a section's key), runs that section alone and replaces only its part of the page.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { benchBatch } from "./batch.bench";
import { benchBundle } from "./bundle.bench";
import { benchDelivery } from "./delivery.bench";
import { type BenchSection, ms } from "./harness";
import { benchHttp } from "./http.bench";
import { benchPlan } from "./plan.bench";
import { benchStep1 } from "./step1.bench";
import { benchStorage } from "./storage.bench";
import { benchValidation } from "./validation.bench";

/** Every section, by key, in the order of the page. */
const BENCHES: readonly (readonly [string, () => BenchSection | Promise<BenchSection>])[] = [
  ["step1", benchStep1],
  ["validation", benchValidation],
  ["plan", benchPlan],
  ["batch", benchBatch],
  ["storage", benchStorage],
  ["delivery", benchDelivery],
  ["http", benchHttp],
  ["bundle", benchBundle],
];

const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
if (only !== undefined && !BENCHES.some(([key]) => key === only)) {
  throw new Error(`--only=${only}: the sections are ${BENCHES.map(([key]) => key).join(", ")}`);
}
const sections: BenchSection[] = [];
for (const [key, bench] of BENCHES) if (only === undefined || key === only) sections.push(await bench());

const cpu = cpus()[0]?.model ?? "unknown CPU";
const machine = `${cpus().length} × ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const date = new Date().toISOString().slice(0, 10);

const lines: string[] = [
  "# Performance",
  "",
  "Figures written by `npm run bench` (sources in `test/bench/`). Each figure is the median of several runs after",
  "a warm-up. Re-run the command to refresh this page on your machine.",
  "",
  `- Machine: ${machine}`,
  `- Date: ${date}`,
  "",
];
/** The Markdown of one section. */
function sectionLines(section: BenchSection): string[] {
  const out = [`## ${section.title}`, ""];
  if (section.rows.length > 0) out.push("| Benchmark | Median | Notes |", "|---|---:|---|");
  for (const row of section.rows) out.push(`| ${row.name} | ${ms(row.medianMs)} | ${row.notes} |`);
  out.push("", ...(section.summary ?? []).flatMap((s) => [s, ""]));
  return out;
}

const page = fileURLToPath(new URL("../../docs/performance.md", import.meta.url));
let report: string;
if (only === undefined) {
  for (const section of sections) lines.push(...sectionLines(section));
  report = `${lines.join("\n").trimEnd()}\n`;
} else {
  // Replace the section (from its heading to the next one) in the page as it is, or add it before the bundle's.
  const section = sections[0] as BenchSection;
  const text = sectionLines(section).join("\n").trimEnd();
  const current = readFileSync(page, "utf8");
  const start = current.indexOf(`## ${section.title}`);
  if (start >= 0) {
    const end = current.indexOf("\n## ", start + 1);
    report = `${current.slice(0, start)}${text}\n${end >= 0 ? current.slice(end) : ""}`;
  } else {
    const bundle = current.indexOf("## Bundle");
    report =
      bundle >= 0
        ? `${current.slice(0, bundle)}${text}\n\n${current.slice(bundle)}`
        : `${current.trimEnd()}\n\n${text}\n`;
  }
  console.log(text);
}
if (only === undefined) console.log(report);
writeFileSync(page, report);
