/**
 * Runs every benchmark, prints the tables and writes docs/performance.md. Run with `npm run bench`.
 */
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { benchBundle } from "./bundle.bench";
import { benchDelivery } from "./delivery.bench";
import { type BenchSection, ms } from "./harness";
import { benchPlan } from "./plan.bench";
import { benchStep1 } from "./step1.bench";
import { benchStorage } from "./storage.bench";
import { benchValidation } from "./validation.bench";

const sections: BenchSection[] = [
  benchStep1(),
  await benchValidation(),
  benchPlan(),
  await benchStorage(),
  await benchDelivery(),
  benchBundle(),
];

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
for (const section of sections) {
  lines.push(`## ${section.title}`, "");
  if (section.rows.length > 0) lines.push("| Benchmark | Median | Notes |", "|---|---:|---|");
  for (const row of section.rows) lines.push(`| ${row.name} | ${ms(row.medianMs)} | ${row.notes} |`);
  lines.push("", ...(section.summary ?? []).flatMap((s) => [s, ""]));
}
const report = `${lines.join("\n").trimEnd()}\n`;
console.log(report);
writeFileSync(fileURLToPath(new URL("../../docs/performance.md", import.meta.url)), report);
