import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dist = fileURLToPath(new URL("../../dist", import.meta.url));

/** Every built file of one format, with its text: `.js` (ESM) or `.cjs` (CommonJS). */
function builtFiles(extension: ".js" | ".cjs"): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(extension))
        files.push({ name: relative(dist, path), text: readFileSync(path, "utf8") });
    }
  };
  walk(dist);
  return files;
}

/** Text that only one part of the core holds: the currency table, the French catalog, each template. */
const MARKERS = {
  "currency table": "AED7842UAE Dirham",
  "French catalog": "Saisissez un montant sup",
  "English catalog": "Enter an amount greater than zero.",
  "German template": "Ihr Zahlungslink",
  "French template": "votre lien de paiement",
  "Italian template": "il suo link di pagamento",
} as const;

describe("the built package (run npm run build first)", () => {
  describe.each([".js", ".cjs"] as const)("in its %s files", (extension) => {
    const files = builtFiles(extension);

    it.each(Object.entries(MARKERS))("holds the %s in exactly one file, which every entry shares", (_what, marker) => {
      const holders = files.filter((file) => file.text.includes(marker)).map((file) => file.name);
      expect(holders).toHaveLength(1);
      // A shared chunk, not an entry's own copy.
      expect(holders[0]).toMatch(/^chunk-/);
    });

    it("has entries that import the core rather than copy it", () => {
      const service = files.find((file) => file.name === join("service", `index${extension}`));
      expect(service?.text).toMatch(extension === ".js" ? /from ['"]\.\.\/chunk-/ : /require\(['"]\.\.\/chunk-/);
    });
  });
});
