/** validateLinkForm against a zod classic schema written the obvious way: speed and bundle size. */

import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { validateLinkForm } from "../../src/index";
import { zodClassicLinkForm } from "./fixtures/zod-classic-form";
import { type BenchRow, type BenchSection, measure, ms } from "./harness";

const root = fileURLToPath(new URL("../..", import.meta.url));
const shop = {
  id: "shop-1",
  name: "Bench",
  language: "fr",
  timezone: "Europe/Paris",
  currencies: ["EUR", "USD"],
  referenceRequired: true,
};

async function gzippedBundle(contents: string): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array()).length;
}

/** Runs the validation benchmarks. */
export async function benchValidation(): Promise<BenchSection> {
  const schema = zodClassicLinkForm(shop);
  const forms = {
    "valid (3 recipients)": {
      shopId: "shop-1",
      amount: "1 234,56",
      currency: "EUR",
      orderReference: "Recouvrement",
      recipients: "a@example.fr; b@example.fr; c@example.fr",
      channel: "email" as const,
    },
    "invalid (3 issues)": {
      shopId: "shop-1",
      amount: "0",
      currency: "EUR",
      orderReference: "",
      recipients: "a@example.fr; b@example.fr; bob@",
      channel: "email" as const,
    },
  };
  const rows: BenchRow[] = [];
  const batch = 20_000;
  const ratios: string[] = [];
  for (const [name, form] of Object.entries(forms)) {
    const ours =
      measure(() => {
        for (let i = 0; i < batch; i++) validateLinkForm(form, { shop });
      }) / batch;
    const theirs =
      measure(() => {
        for (let i = 0; i < batch; i++) schema.safeParse(form);
      }) / batch;
    rows.push({ name: `validateLinkForm, ${name}`, medianMs: ours, notes: `${ms(ours)} per call` });
    rows.push({ name: `zod classic schema, ${name}`, medianMs: theirs, notes: `${ms(theirs)} per call` });
    ratios.push(`${name}: paylinks takes ${(ours / theirs).toFixed(2)}× the time of the zod classic schema`);
  }
  const oursSize = await gzippedBundle(`export { validateLinkForm } from "./dist/index.js";`);
  const theirsSize = await gzippedBundle(
    `export { zodClassicLinkForm } from "./test/bench/fixtures/zod-classic-form.ts";`,
  );
  return {
    title: "Form validation: validateLinkForm against a zod classic schema",
    rows,
    summary: [
      ...ratios.map((line) => `${line}.`),
      `Bundle, minified and gzipped with esbuild: validateLinkForm ${(oursSize / 1024).toFixed(2)} KiB, the zod classic schema ${(theirsSize / 1024).toFixed(2)} KiB (${(oursSize / theirsSize).toFixed(2)}× the size). The paylinks figure includes the currency table and the messages in two languages; the zod schema checks fewer rules (no IDN, no per-currency decimals, English only).`,
    ],
  };
}
